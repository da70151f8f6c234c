/**
 * What practice-api sends to AWS, each command made under its name, so the IAM check
 * (test/infra/iam.test.ts) holds every one against that function's role in the template: its
 * deps are built from exactly the variables its stack gives it (read through its own
 * configuration schema), plus the local endpoints, as awsDeps builds them in Lambda. The user
 * pool is the Cognito stand-in (test/support/cognito-standin.ts): the real SDK client, its
 * signing and Cognito's wire protocol, with our answers. The table is DynamoDB Local, the mail
 * the SES emulator, through the harness.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDeps } from '../../functions/aws-deps.js';
import { limitsFor } from '../../functions/call-limits.js';
import { readEnv } from '../../functions/config.js';
import { cognitoDirectory } from '../../functions/directory-deps.js';
import { makeHandler } from '../../functions/practice-api.js';
import { apiEvent } from '../../local/api-event.js';
import { runAs } from '../../local/function-context.js';
import { localTherapistId } from '../../shared/adapters/local/identity.js';
import { DEFAULT_PRACTICE_ID } from '../../shared/domain/practice.js';
import type { Deps } from '../../shared/use-cases/deps.js';
import { startCognitoStandIn, type CognitoStandIn } from '../support/cognito-standin.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';
import { recordCommands } from '../support/sdk-calls.js';

let app: App;
let cognito: CognitoStandIn;
let deps: Deps;
const asPracticeApi = <T>(work: () => Promise<T>) => runAs('practice-api', work);

beforeAll(async () => {
  [app, cognito] = await Promise.all([startApp(), startCognitoStandIn()]);
  const env = readEnv('practice-api', {
    // What the stack gives it (test/infra/environment.test.ts checks the deployed list is exactly this)…
    TABLE_NAME: app.tableName,
    PUBLIC_BASE_URL: app.baseUrl,
    MAIL_FROM: 'Afterword <no-reply@afterword.test>',
    SES_CONFIGURATION_SET: 'afterword-test',
    USER_POOL_ID: cognito.poolId,
    // …and where the local stand-ins listen.
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    SES_ENDPOINT: inject('sesSendEndpoint'),
    COGNITO_ENDPOINT: cognito.endpoint,
  });
  // As its entry builds them (functions/practice-api.ts), with the recorder on every client.
  deps = buildDeps(
    env,
    { clock: app.clock },
    { observe: recordCommands, limits: limitsFor('practice-api'), directory: cognitoDirectory },
  );
});

afterAll(async () => {
  await Promise.all([app?.close(), cognito?.stop()]);
});

describe('practice-api and the user pool', () => {
  it('invites: an account under the address, with the name clients see, the practice for the invitation’s words, and admins in the admin group', async () => {
    const address = uniqueEmail('dr.new');
    const invited = await asPracticeApi(() =>
      deps.directory.invite({
        email: address,
        name: 'Dr. Ana Rivera',
        admin: true,
        practiceId: 'northside',
        practiceName: 'Northside Counselling',
      }),
    );
    const user = cognito.users.get(address.toLowerCase())!;
    expect(invited).toEqual({ outcome: 'invited', therapistId: user.sub });
    expect(user.attributes).toMatchObject({ email: address, name: 'Dr. Ana Rivera', email_verified: 'true' });
    expect([...user.groups]).toEqual(['admin']);
    const create = cognito.requests.find((r) => r.command === 'AdminCreateUser' && r.input.Username === address)!;
    expect(create.input).toMatchObject({
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { practiceId: 'northside', practiceName: 'Northside Counselling' },
    });
    // Signed like any AWS request (in Lambda, with the function role's credentials).
    expect(cognito.requests.every((r) => r.signed)).toBe(true);
  });

  it('says when the account exists already, with the same therapist id, and leaves a therapist out of the admin group', async () => {
    const address = uniqueEmail('dr.again');
    const invite = (admin: boolean) =>
      asPracticeApi(() =>
        deps.directory.invite({ email: address, name: 'Dr. Lee', admin, practiceId: 'northside', practiceName: 'N' }),
      );
    const first = await invite(false);
    const again = await invite(false);
    expect(again).toEqual({ outcome: 'already-exists', therapistId: first.therapistId });
    expect(cognito.requests.filter((r) => r.input.Username === address).map((r) => r.command)).toEqual([
      'AdminCreateUser',
      'AdminCreateUser',
      'AdminGetUser',
    ]);
    expect(cognito.users.get(address.toLowerCase())!.groups.size).toBe(0);
  });

  it('removes: the account is disabled and signed out everywhere', async () => {
    const address = uniqueEmail('dr.leaving');
    await asPracticeApi(() =>
      deps.directory.invite({
        email: address,
        name: 'Dr. Park',
        admin: false,
        practiceId: 'northside',
        practiceName: 'N',
      }),
    );
    await asPracticeApi(() => deps.directory.remove({ email: address }));
    const user = cognito.users.get(address.toLowerCase())!;
    expect(user.enabled).toBe(false);
    expect(user.signedOutAt).toBeGreaterThan(0);
    expect(
      cognito.requests
        .filter((r) => r.input.Username === address)
        .map((r) => r.command)
        .slice(-2),
    ).toEqual(['AdminDisableUser', 'AdminUserGlobalSignOut']);
  });

  it('gives a function without the user pool no directory: it says which need is missing, and sends nothing', () => {
    const sent = cognito.requests.length;
    const without = buildDeps({ TABLE_NAME: app.tableName, AWS_REGION: 'local' }, {}, { observe: recordCommands });
    expect(() =>
      without.directory.invite({
        email: uniqueEmail('x'),
        name: 'X',
        admin: false,
        practiceId: 'p',
        practiceName: 'P',
      }),
    ).toThrow(/not given the user pool: add `directory: true`/);
    expect(cognito.requests).toHaveLength(sent);
  });
});

describe('practice-api and the table and mail', () => {
  it('makes the member record of a therapist it sees for the first time, in one transaction with its timeline entry, then refuses them as no admin', async () => {
    // As API Gateway hands the handler a request with a Cognito ID token's claims.
    const handler = makeHandler(() => deps);
    const claims = { sub: randomUUID(), email: uniqueEmail('dr.first'), name: 'Dr. First' };
    const paths = ['/practice', '/practice/therapists', '/practice/arrangements'];
    for (const path of paths) {
      const event = apiEvent({ method: 'GET', url: new URL(path, app.baseUrl), headers: {}, body: '', claims });
      expect((await asPracticeApi(() => handler(event))).statusCode).toBe(403);
    }
    expect(await deps.store.getMember(claims.sub)).toMatchObject({ role: 'therapist', status: 'active' });
  });

  it('lists the practice from its index, a leaving therapist’s arrangements from theirs, and emails a client', async () => {
    const client = uniqueEmail('client');
    const address = uniqueEmail('dr.leaving');
    const token = await app.signIn(address, 'Dr. Leaving');
    const [therapistId, practiceId] = [localTherapistId(address), DEFAULT_PRACTICE_ID];
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Pat', email: client }, endedOn: '2026-11-20', timeZone: 'Europe/London', checkIn: null },
    });
    expect(created.status).toBe(201);
    // The reads and the send of the admin's lists and of a handover, through the same adapters.
    const [members, arrangements, theirs] = await asPracticeApi(() =>
      Promise.all([
        deps.store.listMembers(practiceId),
        deps.store.listArrangements(practiceId),
        deps.store.listPolicies(therapistId),
      ]),
    );
    expect(members.map((m) => m.therapistId)).toContain(therapistId);
    expect(arrangements.map((a) => a.policyId)).toContain(created.json.id);
    expect(theirs.map((p) => p.id)).toEqual([created.json.id]);
    await asPracticeApi(() =>
      deps.mailer.send({ to: client, subject: 'What happens now', text: 'Hello.', html: '<p>Hello.</p>', headers: [] }),
    );
    expect((await app.mailTo(client)).map((m) => m.subject)).toContain('What happens now');
  });
});
