/**
 * Local mode: DynamoDB Local on disk, the SES emulator, the same handlers behind a local
 * server, the dispatcher on a short interval, and the event relay on the table's stream.
 * Started by `npm start` (see start.mjs).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeps } from '../functions/aws-deps.js';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { LocalEventLog } from '../shared/adapters/local/event-log.js';
import { errorFields } from '../shared/ports/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { dispatch } from '../shared/use-cases/dispatch.js';
import { LocalSigner } from './auth.js';
import { LocalClock } from './clock.js';
import { startEventBridgeStandIn } from './eventbridge-standin.js';
import { startLocalRelay } from './event-relay.js';
import { runAs } from './function-context.js';
import { createLocalServer } from './server.js';
import { startSesFaultProxy, type SesFaultProxy } from './ses-fault-proxy.js';
import { parseFault } from './ses-faults.js';
import {
  MissingPrerequisiteError,
  sesSendingEndpoint,
  startDynamoLocal,
  startSesEmulator,
  type RunningSes,
} from './services.js';

const dataDir = join(process.cwd(), '.local');
const port = Number(process.env.PORT ?? 3000);
const dispatchEveryMs = Number(process.env.DISPATCH_INTERVAL_MS ?? 5000);
const TABLE_NAME = 'afterword';
const CLOCK_FILE = join(dataDir, 'clock.json');

function step(message: string) {
  process.stdout.write(`  ${message}\n`);
}

function persistentSecret(): Buffer {
  const file = join(dataDir, 'sign-in-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8'), 'hex');
}

interface LocalSes {
  emulator: RunningSes;
  /** Where every SES client sends: SES_ENDPOINT, or the fault proxy, or the emulator itself. */
  endpoint: string;
  faults?: SesFaultProxy | undefined;
}

/** The emulator, and with SES_FAULTS the fault proxy in front of it (or of SES_ENDPOINT). */
async function startSes(): Promise<LocalSes> {
  const emulator = await startSesEmulator();
  const sending = sesSendingEndpoint(emulator.endpoint);
  const spec = process.env.SES_FAULTS;
  if (!spec) return { emulator, endpoint: sending };
  const faults = await startSesFaultProxy({ target: sending, fault: parseFault(spec) });
  return { emulator, endpoint: faults.endpoint, faults };
}

/** Where email goes when it is not straight to the emulator, and how to make SES misbehave. */
function sesLines(baseUrl: string, ses: LocalSes): string {
  if (ses.faults)
    return `    SES faults:     curl -X POST ${baseUrl}/local/ses-faults -H 'content-type: application/json' -d '{"fault":"hang"}'
                    (now ${ses.faults.state().standing}; also pass, delay:<ms>, internal-failure, throttled, paused, limit-exceeded, drop, lose, down)\n`;
  if (ses.endpoint === ses.emulator.endpoint) return '';
  return `    SES endpoint:   ${ses.endpoint}   (SES_ENDPOINT; the outbox shows what the emulator received)\n`;
}

/** What `npm start` prints once everything listens: where things are, and whether the clock is moved. */
function banner(baseUrl: string, clock: LocalClock, ses = ''): string {
  const offsetDays = Math.round((clock.now().getTime() - Date.now()) / 86_400_000);
  const clockLine = offsetDays
    ? `\n  The local clock is ${Math.abs(offsetDays)} days ${offsetDays > 0 ? 'ahead' : 'behind'}: it is ${clock.now().toISOString().slice(0, 10)} here. To set it back to now: stop, rm .local/clock.json, start again.\n`
    : '';
  return `
  Afterword is running at ${baseUrl}
${clockLine}
    Portal:         ${baseUrl}/portal   (therapists: sign in, create, follow arrangements)
    Outbox:         ${baseUrl}/local/outbox/view   (JSON: /local/outbox, events: /local/events)
    Clock:          curl -X POST ${baseUrl}/local/clock -H 'content-type: application/json' -d '{"advanceDays":30}'
    Dispatch now:   curl -X POST ${baseUrl}/local/dispatch
    Reply by email: curl -X POST ${baseUrl}/local/inbound --data-binary @reply.eml   (a raw message to the Reply-To address)
    Operations:     npm run ops -- due --local   (dead letters, stopped addresses: npm run ops -- --help)
    Health:         ${baseUrl}/health
${ses}
  The dispatcher runs every ${dispatchEveryMs / 1000} s. Press Ctrl+C to stop.\n\n`;
}

/** Where the running service's parts listen, for `npm run ops -- --local …`. */
function writeEndpoints(parts: { dynamodb: string; ses: string; eventbridge: string; busName: string }) {
  const file = join(dataDir, 'endpoints.json');
  writeFileSync(file, JSON.stringify({ ...parts, table: TABLE_NAME, clock: CLOCK_FILE }, null, 2));
}

/** The local stand-in for the every-minute schedule; runs never overlap, the next tick catches up. */
function dispatchEvery(ms: number, deps: Deps): NodeJS.Timeout {
  let running = false;
  return setInterval(() => {
    if (running) return;
    running = true;
    runAs('dispatcher', () => dispatch(deps))
      .catch((err: unknown) => deps.log.error('dispatch.failed', errorFields(err)))
      .finally(() => (running = false));
  }, ms);
}

async function main() {
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  process.stdout.write('\nStarting Afterword locally\n');
  step('DynamoDB Local (data in .local/dynamodb)…');
  const dynamo = await startDynamoLocal({ dbPath: join(dataDir, 'dynamodb') });
  step('SES emulator…');
  const ses = await startSes();
  step('EventBridge stand-in (domain events at /local/events)…');
  const eventLog = new LocalEventLog();
  const bus = await startEventBridgeStandIn(eventLog);
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, TABLE_NAME);
  client.destroy();

  const clock = new LocalClock(CLOCK_FILE);
  const baseUrl = `http://localhost:${port}`;
  const deps = buildDeps(
    {
      TABLE_NAME,
      PUBLIC_BASE_URL: baseUrl,
      MAIL_FROM: 'Afterword <no-reply@afterword.local>',
      SES_CONFIGURATION_SET: 'afterword-local',
      INBOUND_DOMAIN: 'reply.afterword.local',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
    },
    { clock },
  );
  writeEndpoints({ dynamodb: dynamo.endpoint, ses: ses.endpoint, eventbridge: bus.endpoint, busName: bus.busName });
  const server = createLocalServer({
    deps,
    eventLog,
    clock,
    signer: new LocalSigner(persistentSecret()),
    sesEndpoint: ses.emulator.endpoint,
    sesFaults: ses.faults,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new MissingPrerequisiteError(
              `Port ${port} is already in use. Stop what is using it, or run with another port: PORT=3001 npm start`,
            )
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });

  const timer = dispatchEvery(dispatchEveryMs, deps);
  // Domain events leave through the table's stream, as in AWS; the checkpoint survives a restart.
  const relay = await startLocalRelay({
    dynamoEndpoint: dynamo.endpoint,
    tableName: TABLE_NAME,
    bus,
    log: deps.log,
    checkpointFile: join(dataDir, 'stream-checkpoints.json'),
  });
  relay.start(500);

  process.stdout.write(banner(baseUrl, clock, sesLines(baseUrl, ses)));

  const stop = async () => {
    clearInterval(timer);
    server.close();
    await relay.stop();
    await Promise.all([ses.emulator.stop(), dynamo.stop(), bus.stop(), ses.faults?.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof MissingPrerequisiteError) console.error(`\n  ${err.message}\n`);
  else console.error('\n  Afterword could not start:', err instanceof Error ? err.message : err, '\n');
  process.exit(1);
});
