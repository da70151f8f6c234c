/**
 * Each function's bundle, exactly as synthesis produced it, starts in a fresh process with
 * exactly the environment its stack gives it (resolved as CloudFormation would) and serves
 * a first request or event, against DynamoDB Local, the SES emulator and the EventBridge
 * stand-in (the only additions: their endpoints and a region). It reads none of the
 * service's variables that the stack does not set. Removing one variable it needs must make
 * it fail, saying which.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FUNCTIONS, NEED_ENV, type FunctionName } from '../../functions/needs.js';
import { apiEvent } from '../../local/api-event.js';
import { startEventBridgeStandIn, type RunningEventBridge } from '../../local/eventbridge-standin.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { LocalEventLog } from '../../shared/adapters/local/event-log.js';
import { DEPLOY_CONTEXT, REGION, stackOfFunction, synthesize, type Deployment } from '../support/templates.js';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const WATCHED = [...new Set(Object.values(NEED_ENV).flat())];

interface Outcome {
  ok: boolean;
  result?: {
    statusCode?: number;
    body?: string;
    outcomes?: string[];
    ran?: number;
    batchItemFailures?: { itemIdentifier: string }[];
    response?: { emailSubject?: string | null; emailMessage?: string | null };
  };
  error?: string;
  read: string[];
  logs: string[];
}

const http = (method: string, path: string, claims?: Record<string, unknown>) =>
  apiEvent({
    method,
    url: new URL(path, DEPLOY_CONTEXT.publicBaseUrl),
    headers: { 'content-type': 'application/json', host: 'afterword.example.org' },
    body: '',
    claims,
  });
const sns = (message: string) => ({
  Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn', Sns: { Message: message } }],
});
const token = () => randomBytes(32).toString('base64url');

/** What the bus stand-in received: the relay's first event must arrive there. */
const busLog = new LocalEventLog();
const RELAYED_POLICY = crypto.randomUUID();
/** A new timeline entry as the table's stream hands it to the relay (one record, Lambda's shape). */
const streamEvent = () => ({
  Records: [
    {
      eventID: '1',
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: REGION,
      dynamodb: {
        ApproximateCreationDateTime: 1796200000,
        Keys: { pk: { S: `POLICY#${RELAYED_POLICY}` }, sk: { S: 'EVENT#2026-12-01T09:00:00.000Z#abcdef12' } },
        NewImage: {
          pk: { S: `POLICY#${RELAYED_POLICY}` },
          sk: { S: 'EVENT#2026-12-01T09:00:00.000Z#abcdef12' },
          policyId: { S: RELAYED_POLICY },
          therapistId: { S: 'env-test' },
          event: { M: { at: { S: '2026-12-01T09:00:00.000Z' }, type: { S: 'paused' } } },
        },
        SequenceNumber: '100000000000000000001',
        SizeBytes: 200,
        StreamViewType: 'NEW_IMAGE',
      },
      eventSourceARN: `arn:aws:dynamodb:${REGION}:111122223333:table/t/stream/x`,
    },
  ],
});

/** A first event for each function, and what a healthy start answers. */
const FIRST: Record<FunctionName, { event: () => unknown; healthy: (o: Outcome) => boolean }> = {
  'therapist-api': {
    event: () => http('GET', '/policies', { sub: 'env-test', email: 'dr@example.org', name: 'Dr. Env' }),
    healthy: (o) => o.result?.statusCode === 200,
  },
  // A therapist who is not an admin: their member record is read and made (the table), then 403.
  'practice-api': {
    event: () =>
      http('GET', '/practice', { sub: 'env-test-member', email: 'dr.member@example.org', name: 'Dr. Member' }),
    healthy: (o) => o.result?.statusCode === 403,
  },
  'client-api': { event: () => http('GET', `/client/${token()}`), healthy: (o) => o.result?.statusCode === 404 },
  'client-pages': {
    event: () => http('GET', `/c/${token()}`),
    healthy: (o) => o.result?.statusCode === 404 && Boolean(o.result.body?.includes('<html')),
  },
  health: { event: () => http('GET', '/health'), healthy: (o) => o.result?.statusCode === 200 },
  web: {
    event: () => http('GET', '/portal/config.json'),
    healthy: (o) => o.result?.statusCode === 200 && JSON.parse(o.result.body!).mode === 'cognito',
  },
  dispatcher: { event: () => ({}), healthy: (o) => typeof o.result?.ran === 'number' },
  'ses-feedback': {
    event: () =>
      sns(
        readFileSync(join(FIXTURES, 'ses', 'bounce-permanent.json'), 'utf8')
          .replaceAll('POLICY_ID', crypto.randomUUID())
          .replaceAll('CLIENT_ADDRESS', 'gone@example.com'),
      ),
    healthy: (o) => o.result?.outcomes?.[0] === 'ignored',
  },
  'inbound-email': {
    event: () => {
      const to = `reply+${token()}@${DEPLOY_CONTEXT.inboundDomain}`;
      const raw = [
        `From: Client <client@example.com>`,
        `To: ${to}`,
        'Subject: Re: hello',
        'Message-ID: <env@example.com>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello.',
      ].join('\r\n');
      const notification = readFileSync(join(FIXTURES, 'inbound', 'ses-received.json'), 'utf8')
        .replaceAll('REPLY_ADDRESS', to)
        .replaceAll('VERDICT', 'PASS')
        .replace('CONTENT_BASE64', Buffer.from(raw).toString('base64'));
      return sns(notification);
    },
    healthy: (o) => o.result?.outcomes?.[0] === 'ignored',
  },
  // Cognito asks for an invitation's words, for the practice the admin's invite names.
  'invitation-message': {
    event: () => ({
      version: '1',
      region: REGION,
      userPoolId: `${REGION}_AbC123`,
      triggerSource: 'CustomMessage_AdminCreateUser',
      userName: 'env-test',
      callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'CLIENT_ID_NOT_APPLICABLE' },
      request: {
        userAttributes: { email: 'dr.new@example.org', name: 'Dr. New' },
        codeParameter: '{####}',
        linkParameter: '{##Click Here##}',
        usernameParameter: '{username}',
        clientMetadata: { practiceId: 'northside', practiceName: 'Northside Counselling' },
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    }),
    healthy: (o) =>
      o.result?.response?.emailSubject === 'Northside Counselling has invited you to Afterword' &&
      Boolean(o.result.response.emailMessage?.includes(`${DEPLOY_CONTEXT.publicBaseUrl}/portal`)),
  },
  'event-relay': {
    event: streamEvent,
    healthy: (o) =>
      o.result?.batchItemFailures?.length === 0 &&
      busLog.events.some((e) => e.type === 'policy.paused' && e.detail.policyId === RELAYED_POLICY),
  },
};

describe('each bundle, started with exactly the environment its stack gives it', () => {
  let deployment: Deployment;
  let bus: RunningEventBridge;
  const scratch = mkdtempSync(join(tmpdir(), 'afterword-env-'));

  /** The function's resolved template environment and the folder of its bundle. */
  const deployed = (fn: FunctionName) => {
    const { outdir } = deployment;
    const stack = stackOfFunction(deployment, fn);
    const [resource] = stack
      .resources('AWS::Lambda::Function')
      .filter((r) => r.id === stack.idAt(`${stack.name}/${fn}/Function/Resource`));
    const variables = ((resource!.props.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ??
      {}) as Record<string, string>;
    const code = resource!.raw.Properties!.Code as { S3Key: string };
    return { variables, dir: join(outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`) };
  };

  async function start(fn: FunctionName, variables: Record<string, string>, dir: string): Promise<Outcome> {
    const eventFile = join(scratch, `${fn}.json`);
    writeFileSync(eventFile, JSON.stringify(FIRST[fn].event()));
    const env = {
      PATH: process.env.PATH ?? '',
      ...variables,
      // What Lambda itself sets, and where the local stand-ins listen: nothing of the service's own.
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LAMBDA_TASK_ROOT: dir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      SES_ENDPOINT: inject('sesEndpoint'),
      EVENTBRIDGE_ENDPOINT: bus.endpoint,
    };
    const { stdout } = await run(
      process.execPath,
      [join(import.meta.dirname, '..', 'support', 'run-bundle.cjs'), dir, eventFile, WATCHED.join(',')],
      { env, timeout: 30_000 },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome;
  }

  beforeAll(async () => {
    deployment = synthesize(undefined, { bundle: true });
    const busName = deployed('event-relay').variables.EVENT_BUS_NAME!;
    bus = await startEventBridgeStandIn(busLog, busName);
    const dynamo = new DynamoDBClient({
      endpoint: inject('dynamoEndpoint'),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(dynamo, deployed('dispatcher').variables.TABLE_NAME!);
    dynamo.destroy();
  }, 180_000);

  afterAll(async () => {
    await bus?.stop();
  });

  for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
    it(`starts ${fn} and serves its first ${FUNCTIONS[fn].trigger} event, reading exactly what it was given`, async () => {
      const { variables, dir } = deployed(fn);
      const outcome = await start(fn, variables, dir);
      expect(outcome.error).toBeUndefined();
      expect(FIRST[fn].healthy(outcome), JSON.stringify(outcome.result)).toBe(true);
      // Exactly: it reads every variable of ours it is given, and none it is not.
      expect(outcome.read).toEqual(
        Object.keys(variables)
          .filter((name) => WATCHED.includes(name as never))
          .sort(),
      );
    });
  }

  // The check can fail: a variable the stack forgot makes the bundle fail at its first event, naming it.
  it.each([
    ['therapist-api', 'SES_CONFIGURATION_SET'],
    ['ses-feedback', 'TABLE_NAME'],
    ['web', 'COGNITO_CLIENT_ID'],
    ['event-relay', 'EVENT_BUS_NAME'],
    ['practice-api', 'USER_POOL_ID'],
    ['invitation-message', 'PUBLIC_BASE_URL'],
  ] as const)('would catch a forgotten variable: %s without %s fails and names it', async (fn, variable) => {
    const { variables, dir } = deployed(fn);
    const outcome = await start(
      fn,
      Object.fromEntries(Object.entries(variables).filter(([name]) => name !== variable)),
      dir,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain(variable);
  });
});
