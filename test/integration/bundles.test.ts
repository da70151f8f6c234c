/**
 * The bundles Lambda runs, not the sources: each function is bundled exactly as the CDK
 * construct bundles it (infra/bundling.ts), loaded in this process, and driven with
 * API Gateway events against DynamoDB Local and the SES emulator. Catches what only
 * bundling can break: lazily loaded clients and templates, module formats, file paths.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HttpEvent } from '../../functions/http/request.js';
import type { DirectoryOpener } from '../../functions/aws-deps.js';
import { REQUEST_LIMITS } from '../../functions/call-limits.js';
import { bundleFiles, bundleFunction, ENTRY_FILE, functionEntry } from '../../infra/bundling.js';
import { apiEvent } from '../../local/api-event.js';
import { readOutbox } from '../../local/outbox.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { startCognitoStandIn, type CognitoStandIn } from '../support/cognito-standin.js';
import { uniqueEmail } from '../support/harness.js';

type Handler = (
  event: unknown,
) => Promise<{ statusCode?: number; body?: string; headers?: Record<string, string> } & Record<string, unknown>>;

const FUNCTIONS = ['therapist-api', 'practice-api', 'client-api', 'client-pages', 'dispatcher'] as const;

describe('the bundled functions', () => {
  const handlers = {} as Record<(typeof FUNCTIONS)[number], Handler>;
  const saved = { ...process.env };
  const sesEndpoint = inject('sesEndpoint');
  let cognito: CognitoStandIn;
  let out: string;

  beforeAll(async () => {
    cognito = await startCognitoStandIn();
    out = mkdtempSync(join(tmpdir(), 'afterword-bundles-'));
    const tableName = `bundles-${randomUUID()}`;
    const dynamo = new DynamoDBClient({
      endpoint: inject('dynamoEndpoint'),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(dynamo, tableName);
    dynamo.destroy();
    // The functions read their configuration from the environment at their first call.
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      PUBLIC_BASE_URL: 'https://afterword.example.org',
      MAIL_FROM: 'Afterword <no-reply@afterword.test>',
      SES_CONFIGURATION_SET: 'afterword-test',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      SES_ENDPOINT: sesEndpoint,
      AWS_REGION: 'us-east-1',
      USER_POOL_ID: cognito.poolId,
      COGNITO_ENDPOINT: cognito.endpoint,
    });
    for (const name of FUNCTIONS) {
      const dir = join(out, name);
      bundleFunction(functionEntry(name), dir);
      handlers[name] = ((await import(pathToFileURL(join(dir, ENTRY_FILE)).href)) as { handler: Handler }).handler;
    }
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    await cognito?.stop();
  });

  const event = (method: string, path: string, body = '', claims?: Record<string, unknown>): HttpEvent =>
    apiEvent({
      method,
      url: new URL(path, 'https://afterword.example.org'),
      headers: { 'content-type': 'application/json' },
      body,
      claims,
    });

  it('create → client status → client page → accept → update → dispatch, all from the bundles', async () => {
    const client = uniqueEmail('bundled');
    const claims = { sub: 'bundle-therapist', email: uniqueEmail('dr.bundle'), name: 'Dr. Bundle' };
    const created = await handlers['therapist-api'](
      event(
        'POST',
        '/policies',
        JSON.stringify({
          client: { name: 'Pat', email: client },
          endedOn: '2026-11-20',
          timeZone: 'America/New_York',
          checkIn: null,
        }),
        claims,
      ),
    );
    expect(created.statusCode).toBe(201);

    const invitation = (await readOutbox(sesEndpoint)).filter((m) => m.to.includes(client)).at(-1);
    expect(invitation?.subject).toContain('Dr. Bundle');
    const token = /\/c\/([\w-]{43})/.exec(invitation!.text)![1]!;

    const status = await handlers['client-api'](event('GET', `/client/${token}`));
    expect(status.statusCode).toBe(200);
    expect(JSON.parse(status.body!)).toMatchObject({ therapistName: 'Dr. Bundle', state: 'invited' });

    const page = await handlers['client-pages'](event('GET', `/c/${token}`));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accept');

    expect((await handlers['client-api'](event('POST', `/client/${token}/accept`))).statusCode).toBe(200);
    const update = await handlers['client-api'](
      event('POST', `/client/${token}/updates`, JSON.stringify({ text: 'From the bundle.' })),
    );
    expect(update.statusCode).toBe(201);
    const refused = await handlers['client-api'](event('POST', `/client/${token}/updates`, '{bad json'));
    expect(refused.statusCode).toBe(400);
    expect(refused.headers?.['content-type']).toContain('application/problem+json');

    const summary = (await handlers.dispatcher({})) as unknown as { ran: number };
    expect(typeof summary.ran).toBe('number');
    expect(
      (await readOutbox(sesEndpoint))
        .filter((m) => m.to.includes(claims.email))
        .map((m) => m.text)
        .join('\n'),
    ).toContain('New update in arrangement');
  });

  it('practice-api from its bundle: a therapist seen for the first time gets a member record, and no admin route', async () => {
    const claims = { sub: `bundle-${randomUUID()}`, email: uniqueEmail('dr.member'), name: 'Dr. Member' };
    const answered = await handlers['practice-api'](event('GET', '/practice/therapists', '', claims));
    expect(answered.statusCode).toBe(403);
    expect(answered.headers?.['content-type']).toContain('application/problem+json');
  });

  it('opens the user pool from a bundle: the Cognito client and the adapter load on the first invitation, in their own chunk', async () => {
    const dir = join(out, 'directory');
    const meta = bundleFunction({ contents: "export { cognitoDirectory } from './functions/directory-deps.ts';" }, dir);
    const { all, atStart } = bundleFiles(meta);
    expect(all.length).toBeGreaterThan(atStart.size);
    const { cognitoDirectory } = (await import(pathToFileURL(join(dir, ENTRY_FILE)).href)) as {
      cognitoDirectory: DirectoryOpener;
    };
    const directory = cognitoDirectory({
      userPoolId: cognito.poolId,
      region: 'us-east-1',
      limits: REQUEST_LIMITS.cognito,
      endpoint: cognito.endpoint,
    });
    const address = uniqueEmail('dr.bundled');
    const invited = await directory.invite({
      email: address,
      name: 'Dr. Bundled',
      admin: false,
      practiceId: 'northside',
      practiceName: 'Northside',
    });
    expect(invited).toEqual({ outcome: 'invited', therapistId: cognito.users.get(address.toLowerCase())!.sub });
  });
});
