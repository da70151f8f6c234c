/**
 * Every AWS SDK command the integration tests send, with the function it was sent for
 * (local/function-context.ts). Written as JSON lines while the integration tests run; the
 * IAM contract test (test/infra/iam.test.ts) then checks each one against that function's
 * role in the synthesized template.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InitializeMiddleware } from '@smithy/types';
import type { SdkClient } from '../../functions/aws-deps.js';
import type { FunctionName } from '../../functions/needs.js';
import { currentFunction } from '../../local/function-context.js';

export const SDK_CALLS_DIR = join(import.meta.dirname, '..', '..', '.test-output', 'sdk-calls');

/** What IAM authorizes a command on: names and targets only, never message contents. */
export interface SdkCall {
  fn: FunctionName | null;
  client: string;
  command: string;
  tableName?: string;
  indexName?: string;
  /** TransactWriteItems: the kind of each item (Put, Update, Delete, ConditionCheck). */
  transactItems?: string[];
  fromAddress?: string;
  configurationSet?: string;
  recipients?: string[];
  eventBuses?: string[];
  /** Cognito: the user pool a command names (never the user it names). */
  userPoolId?: string;
}

type Input = Record<string, unknown>;

function describe(client: string, command: string, input: Input): SdkCall {
  const call: SdkCall = { fn: currentFunction() ?? null, client, command };
  if (typeof input.TableName === 'string') call.tableName = input.TableName;
  if (typeof input.IndexName === 'string') call.indexName = input.IndexName;
  if (Array.isArray(input.TransactItems)) {
    const items = input.TransactItems as Record<string, { TableName?: string }>[];
    call.transactItems = items.map((item) => Object.keys(item)[0]!);
    call.tableName = Object.values(items[0] ?? {})[0]?.TableName;
  }
  if (typeof input.FromEmailAddress === 'string') call.fromAddress = input.FromEmailAddress;
  if (typeof input.ConfigurationSetName === 'string') call.configurationSet = input.ConfigurationSetName;
  const destination = input.Destination as { ToAddresses?: string[] } | undefined;
  if (destination?.ToAddresses) call.recipients = destination.ToAddresses;
  if (typeof input.UserPoolId === 'string') call.userPoolId = input.UserPoolId;
  if (Array.isArray(input.Entries))
    call.eventBuses = [...new Set((input.Entries as { EventBusName: string }[]).map((e) => e.EventBusName))];
  return call;
}

/** Attach to a client: each command is written down before it is sent. */
export function recordCommands(client: SdkClient) {
  mkdirSync(SDK_CALLS_DIR, { recursive: true });
  const file = join(SDK_CALLS_DIR, `${process.pid}.jsonl`);
  const middleware: InitializeMiddleware<Input, object> = (next, context) => async (args) => {
    const line = `${JSON.stringify(describe(context.clientName ?? 'unknown', context.commandName ?? 'unknown', args.input))}\n`;
    try {
      appendFileSync(file, line);
    } catch {
      // Another test run started meanwhile and cleared the folder: make it again, never fail the request.
      mkdirSync(SDK_CALLS_DIR, { recursive: true });
      appendFileSync(file, line);
    }
    return next(args);
  };
  client.middlewareStack.add(middleware, { step: 'initialize', name: 'afterwordRecordCommands' });
}

export function clearSdkCalls() {
  rmSync(SDK_CALLS_DIR, { recursive: true, force: true });
}

export function readSdkCalls(): SdkCall[] {
  if (!existsSync(SDK_CALLS_DIR)) return [];
  return readdirSync(SDK_CALLS_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(SDK_CALLS_DIR, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as SdkCall);
}
