/**
 * A running copy of the service for integration tests: a fresh table in DynamoDB Local,
 * the shared SES emulator, the real handlers behind the local server, the event relay on
 * the table's stream, a movable clock and captured logs. Tests talk to it over HTTP exactly
 * as a browser or API client would; each answer is returned once the relay has published
 * what the request wrote, so a test reads the events of what it just did.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { buildDeps } from '../../functions/aws-deps.js';
import type { FunctionName } from '../../functions/needs.js';
import { LocalSigner } from '../../local/auth.js';
import { startEventBridgeStandIn } from '../../local/eventbridge-standin.js';
import { startLocalRelay, type LocalRelay } from '../../local/event-relay.js';
import { runAs } from '../../local/function-context.js';
import { LocalClock } from '../../local/clock.js';
import { readOutbox, type OutboxEmail } from '../../local/outbox.js';
import { createLocalServer } from '../../local/server.js';
import type { SesFaultProxy } from '../../local/ses-fault-proxy.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { localDynamoClient } from '../../local/dynamo-client.js';
import { LocalEventLog } from '../../shared/adapters/local/event-log.js';
import { jsonLogger } from '../../shared/adapters/system/logger.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import type { Deps } from '../../shared/use-cases/deps.js';
import { recordCommands } from './sdk-calls.js';

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read what the API answered
}

export interface App {
  baseUrl: string;
  deps: Deps;
  clock: LocalClock;
  logs: string[];
  /** Domain events published so far (EventBridge in AWS). */
  events: LocalEventLog;
  /** The event relay on this app's table stream (drained after every request). */
  relay: LocalRelay;
  tableName: string;
  dynamo: DynamoDBClient;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<TestResponse>;
  /** Local sign-in (the stand-in for Cognito): a therapist of the default practice unless told. */
  signIn(email: string, name: string, options?: { role?: 'therapist' | 'admin'; practice?: string }): Promise<string>;
  /** Emails the SES emulator received for this address, oldest first. */
  mailTo(address: string): Promise<OutboxEmail[]>;
  /** The client's page-link token from the latest email to them (not its stop link). */
  linkFor(address: string): Promise<string>;
  dispatch(): Promise<TestResponse>;
  /** Runs work as the deployed function `fn` would (its AWS calls are checked against that function's role). */
  as<T>(fn: FunctionName, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Unique addresses keep tests apart in the shared emulator's outbox. */
export const uniqueEmail = (who: string) => `${who}+${randomUUID().slice(0, 8)}@example.com`;

export interface AppOptions {
  now?: string;
  mailer?: Mailer;
  /**
   * A fault proxy in front of the emulator: every SES client sends through it, and
   * /local/ses-faults controls it, as with `SES_FAULTS=… npm start`. The outbox is still the emulator's.
   */
  sesFaults?: SesFaultProxy;
  /** The local sign-in's signer (its secret and clock), for tests of tokens that expire; a fresh one by default. */
  signer?: LocalSigner;
}

export async function startApp(options: AppOptions = {}): Promise<App> {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const tableName = `afterword-${randomUUID()}`;
  const dynamo = localDynamoClient(dynamoEndpoint);
  await ensureTable(dynamo, tableName);

  const events = new LocalEventLog();
  const bus = await startEventBridgeStandIn(events);
  const clock = new LocalClock();
  clock.set(new Date(options.now ?? '2026-11-20T15:00:00Z'));
  const logs: string[] = [];
  const signer = options.signer ?? new LocalSigner();
  let baseUrl = '';
  const deps = buildDeps(
    {
      TABLE_NAME: tableName,
      PUBLIC_BASE_URL: 'http://placeholder.invalid',
      MAIL_FROM: 'Afterword <no-reply@afterword.test>',
      SES_CONFIGURATION_SET: 'afterword-test',
      INBOUND_DOMAIN: 'reply.afterword.test',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: options.sesFaults?.endpoint ?? inject('sesSendEndpoint'),
    },
    { clock, log: jsonLogger((line) => logs.push(line)), ...(options.mailer ? { mailer: options.mailer } : {}) },
    { observe: recordCommands },
  );
  const relay = await startLocalRelay({
    dynamoEndpoint,
    tableName,
    bus,
    log: jsonLogger((line) => logs.push(line)),
    observe: recordCommands,
  });
  const server = createLocalServer({
    deps,
    eventLog: events,
    clock,
    signer,
    sesEndpoint,
    sesFaults: options.sesFaults,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.config.publicBaseUrl = baseUrl;

  const request: App['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    await relay.drain();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };

  const mailTo = async (address: string) => (await readOutbox(sesEndpoint)).filter((m) => m.to.includes(address));

  return {
    baseUrl,
    deps,
    clock,
    logs,
    events,
    relay,
    tableName,
    dynamo,
    request,
    mailTo,
    async signIn(email, name, options = {}) {
      const res = await request('POST', '/local/sign-in', { body: { email, name, ...options } });
      if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.text}`);
      return res.json.token as string;
    },
    async linkFor(address) {
      const mails = await mailTo(address);
      const last = mails.at(-1);
      // A page link, not the email's stop link (/c/<its own token>/stop).
      const match = last && /\/c\/([A-Za-z0-9_-]{43})(?!\/stop)/.exec(last.text);
      if (!match) throw new Error(`no client link in the latest email to ${address}`);
      return match[1]!;
    },
    dispatch: () => request('POST', '/local/dispatch'),
    as: runAs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await relay.stop();
      await bus.stop();
      dynamo.destroy();
    },
  };
}
