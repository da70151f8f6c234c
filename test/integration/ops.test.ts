/**
 * The ops command as a practice admin uses it, on DynamoDB Local (and Cognito's local
 * emulator for invitations): dead letters listed and re-sent, a stopped address listed and
 * lifted, what is due, a therapist invited. Its output never holds a name, address or words.
 */
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSEvent } from 'aws-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeHandler as feedbackHandler } from '../../functions/ses-feedback.js';
import { freePort } from '../../local/services.js';
import { cognitoDirectory, localDirectory } from '../../shared/adapters/cognito/cognito-directory.js';
import { DynamoOperations } from '../../shared/adapters/dynamodb/operations-store.js';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import { localSuppressionList } from '../../shared/adapters/ses/suppression-list.js';
import type { TherapistDirectory } from '../../shared/ports/operations.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import { dispatch } from '../../shared/use-cases/dispatch.js';
import type { OpsDeps } from '../../shared/use-cases/operations.js';
import { runOps } from '../../ops/cli.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

async function ops(app: App, argv: string[], directory: TherapistDirectory = localDirectory) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: OpsDeps = {
    app: app.deps,
    operations: new DynamoOperations(app.dynamo, app.tableName, app.deps.ids),
    suppressionList: localSuppressionList,
    directory,
  };
  const code = await runOps(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, async () => deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run ops', () => {
  let failing = true;
  const sentTo: string[] = [];
  let app: App;
  let token: string;

  beforeAll(async () => {
    // The real SES mailer on the emulator, made to fail on demand (an account problem, say).
    const ses = sesMailer(
      new SESv2Client({
        endpoint: inject('sesEndpoint'),
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      { from: 'Afterword <no-reply@afterword.test>' },
    );
    const mailer: Mailer = {
      send: async (email) => {
        if (failing) throw Object.assign(new Error('SES said no'), { name: 'MessageRejected' });
        sentTo.push(email.to);
        return ses.send(email);
      },
    };
    app = await startApp({ now: '2026-11-20T16:00:00Z', mailer });
    token = await app.signIn(uniqueEmail('dr.ops'), 'Dr. Operations');
  });
  afterAll(() => app.close());

  const create = async (client: string) =>
    (
      await app.request('POST', '/policies', {
        token,
        body: { client: { name: 'Robin Quill', email: client }, endedOn: '2026-11-20', timeZone: 'America/Chicago' },
      })
    ).json.id as string;

  it('lists mail that failed every retry, re-sends it once the cause is fixed, and notes it on the timeline', async () => {
    const client = uniqueEmail('robin');
    const id = await create(client);
    for (let i = 0; i < 12; i += 1) {
      app.clock.advanceDays(0.5);
      await app.as('dispatcher', () => dispatch(app.deps));
    }
    const listed = await ops(app, ['dead-letters', '--json']);
    expect(listed.code).toBe(0);
    const mine = (JSON.parse(listed.out) as { policyId: string; kind: string; jobId: string }[]).filter(
      (l) => l.policyId === id,
    );
    expect(mine.map((l) => l.kind).sort()).toEqual(['invitation', 'policy-created']);
    const text = await ops(app, ['dead-letters']);
    expect(text.out).toContain(id);
    expect(text.out).not.toMatch(/robin|Robin|Quill|@/);

    failing = false;
    const resent = await ops(app, ['resend', id, mine[0]!.jobId]);
    expect(resent.out).toContain('Queued again');
    expect(await ops(app, ['resend', id, mine[0]!.jobId])).toMatchObject({
      code: 1,
      out: expect.stringContaining('not dead-lettered'),
    });
    expect((await ops(app, ['resend', '--all'])).out).toMatch(/^\d+ of \d+ queued again/);
    await app.as('dispatcher', () => dispatch(app.deps));
    expect(sentTo).toContain(client);
    expect(
      (JSON.parse((await ops(app, ['dead-letters', '--json'])).out) as { policyId: string }[]).filter(
        (l) => l.policyId === id,
      ),
    ).toEqual([]);
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.history.map((h: { type: string }) => h.type)).toContain('delivery-resent');
    expect(detail.json.undelivered).toBe(0);
  });

  it('lists a client address stopped by a bounce, and lifts it so mail to the client resumes', async () => {
    failing = false;
    const client = uniqueEmail('sky');
    const id = await create(client);
    await app.request('POST', `/client/${await app.linkFor(client)}/accept`);
    const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ses', 'bounce-permanent.json'), 'utf8')
      .replaceAll('POLICY_ID', id)
      .replaceAll('CLIENT_ADDRESS', client);
    const event = {
      Records: [
        { EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn', Sns: { Message: fixture } },
      ],
    } as unknown as SNSEvent;
    await app.as('ses-feedback', () => feedbackHandler(() => app.deps)(event));

    const listed = JSON.parse((await ops(app, ['suppressed', '--json'])).out) as { policyId: string }[];
    expect(listed.map((s) => s.policyId)).toContain(id);
    const lifted = await ops(app, ['lift-suppression', id]);
    expect(lifted.out).toBe('Mail to this client resumes.');
    expect(
      (JSON.parse((await ops(app, ['suppressed', '--json'])).out) as { policyId: string }[]).map((s) => s.policyId),
    ).not.toContain(id);

    const before = sentTo.filter((to) => to === client).length;
    await app.request('POST', `/policies/${id}/reissue-link`, { token });
    expect(sentTo.filter((to) => to === client).length).toBe(before + 1);
    expect(
      (await app.request('GET', `/policies/${id}`, { token })).json.history.map((h: { type: string }) => h.type),
    ).toContain('client-email-unsuppressed');
  });

  it('shows what is due, counted by kind, with nothing personal', async () => {
    failing = false;
    await create(uniqueEmail('due'));
    const due = await ops(app, ['due', '--hours', '2400', '--json']);
    expect(due.err).toBe('');
    const parsed = JSON.parse(due.out) as { total: number; byKind: Record<string, number> };
    expect(parsed.total).toBeGreaterThan(0);
    expect(Object.keys(parsed.byKind).length).toBeGreaterThan(0);
    expect((await ops(app, ['due', '--hours', '2400'])).out).not.toContain('@');
  });

  it('adds a therapist to a practice as an admin does from the portal, and refuses an address of another practice', async () => {
    const practice = `p-${randomUUID().slice(0, 8)}`;
    const address = uniqueEmail('dr.added');
    const added = await ops(app, [
      'add-therapist',
      '--email',
      address,
      '--name',
      'Dr. Added',
      '--practice',
      practice,
      '--admin',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const answer = JSON.parse(added.out) as { therapistId: string };
    expect(answer).toMatchObject({ outcome: 'invited', practiceId: practice, role: 'admin', status: 'active' });
    expect((await ops(app, ['add-therapist', '--email', address, '--name', 'Dr. Added'])).out).not.toMatch(/@|Added/);

    // The member the command wrote is the one who signs in, already an admin of that practice.
    const admin = await app.signIn(address, 'Dr. Added', { role: 'admin', practice });
    const listed = await app.request('GET', '/practice/therapists', { token: admin });
    expect(listed.json.therapists).toEqual([
      expect.objectContaining({ id: answer.therapistId, role: 'admin', status: 'active' }),
    ]);
    expect(
      app.events.events.filter((e) => e.type === 'practice.therapist-added' && e.detail.practiceId === practice),
    ).toEqual([expect.objectContaining({ detail: expect.objectContaining({ by: 'ops', role: 'admin' }) })]);

    const elsewhere = await ops(app, [
      'add-therapist',
      '--email',
      address,
      '--name',
      'Dr. Added',
      '--practice',
      'other',
    ]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain('another practice');
    expect(
      (await ops(app, ['add-therapist', '--email', address, '--name', 'X', '--practice', 'Not A Slug'])).code,
    ).toBe(2);
  });

  it('explains a mistaken call and exits 2 without connecting', async () => {
    let connected = false;
    const call = (argv: string[]) => {
      const err: string[] = [];
      return runOps(argv, { out: () => {}, err: (l) => err.push(l) }, async () => {
        connected = true;
        throw new Error('should not connect');
      }).then((code) => ({ code, err: err.join('\n') }));
    };
    expect(await call(['add-therapist', '--email', 'not-an-address', '--name', 'Dr. X'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--email'),
    });
    expect(await call(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no command "frobnicate"'),
    });
    expect(await call(['lift-suppression', 'nope'])).toMatchObject({ code: 2 });
    expect(await call(['due', '--hours', '0'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('whole number of hours'),
    });
    expect(await call(['due', 'tomorrow'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('does not take "tomorrow"'),
    });
    expect(await call(['due', '--local', '--region', 'eu-west-2'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('not both'),
    });
    expect(connected).toBe(false);
    expect((await ops(app, ['--help'])).out).toContain('add-therapist --email');
  });
});

describe('npm run ops -- add-therapist, on a local Cognito', () => {
  let cognito: ChildProcess;
  let client: CognitoIdentityProviderClient;
  let poolId: string;
  let app: App;

  beforeAll(async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'afterword-cognito-'));
    cognito = spawn(
      process.execPath,
      [join(import.meta.dirname, '..', '..', 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js')],
      { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'pipe' },
    );
    client = new CognitoIdentityProviderClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    for (let i = 0; ; i += 1) {
      try {
        poolId = (
          await client.send(new CreateUserPoolCommand({ PoolName: 'Therapists', UsernameAttributes: ['email'] }))
        ).UserPool!.Id!;
        break;
      } catch (err) {
        if (i > 100) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admin' }));
    app = await startApp();
  });
  afterAll(async () => {
    cognito?.kill();
    client?.destroy();
    await app?.close();
  });

  it('creates the account with the name clients will see, makes an admin an admin, and says so when it exists', async () => {
    const address = uniqueEmail('dr.new');
    const invited = await ops(
      app,
      ['add-therapist', '--email', address, '--name', 'Dr. Ana Rivera', '--admin'],
      cognitoDirectory(client, poolId),
    );
    expect(invited).toMatchObject({ code: 0, out: expect.stringContaining('Invited') });
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: address }));
    expect(Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]))).toMatchObject({
      email: address,
      name: 'Dr. Ana Rivera',
      email_verified: 'true',
    });
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    // The emulator files members under the generated user name (Cognito itself accepts either).
    const groups = await client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: user.Username! }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['admin']);

    const again = await ops(
      app,
      ['add-therapist', '--email', address, '--name', 'Dr. Ana Rivera'],
      cognitoDirectory(client, poolId),
    );
    expect(again.out).toContain('already an account');
  });
});
