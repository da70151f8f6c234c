/**
 * The event relay in local mode and the tests: the real handler (functions/event-relay.ts),
 * fed from DynamoDB Local's stream by a poller that stands in for Lambda's event source
 * mapping (same filter, batch size and retries), publishing through the real EventBridge
 * adapter to the local stand-in. So the tests' events leave exactly as they do in AWS.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { SdkClient } from '../functions/aws-deps.js';
import { buildRelayDeps } from '../functions/relay-deps.js';
import { makeHandler } from '../functions/event-relay.js';
import { OUTBOX_FILTER } from '../shared/adapters/dynamodb/outbox.js';
import { errorFields, type Logger } from '../shared/ports/logger.js';
import { StreamPoller, type Checkpoints, type DiscardedBatch } from './stream-poller.js';

export interface LocalRelayOptions {
  dynamoEndpoint: string;
  tableName: string;
  bus: { endpoint: string; busName: string };
  log: Logger;
  /** Called with each AWS client it makes (the tests record the calls each function makes). */
  observe?: (client: SdkClient) => void;
  /** Where to remember how far the stream was read, so a restart neither repeats nor skips (npm start). */
  checkpointFile?: string;
}

export interface LocalRelay {
  /** Resolves once everything written so far has been published (or given up on). */
  drain(): Promise<void>;
  /** Batches that failed every retry: in AWS, the messages in the relay's on-failure queue. */
  discarded: DiscardedBatch[];
  start(everyMs: number): void;
  stop(): Promise<void>;
}

const LOCAL = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

const savedPositions = z.record(z.string(), z.record(z.string(), z.string()));

/** Positions per stream in one JSON file (a new table has a new stream, and starts from its beginning). */
function fileCheckpoints(file: string, streamArn: string): Checkpoints {
  const all = (): Record<string, Record<string, string>> =>
    existsSync(file) ? savedPositions.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  return {
    load: () => all()[streamArn] ?? {},
    save: (positions) => writeFileSync(file, JSON.stringify({ ...all(), [streamArn]: positions }, null, 2)),
  };
}

export async function startLocalRelay(options: LocalRelayOptions): Promise<LocalRelay> {
  // The stream's ARN, as CloudFormation hands it to the mapping: looked up once, as no function.
  const dynamo = new DynamoDBClient({ endpoint: options.dynamoEndpoint, ...LOCAL });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`The table ${options.tableName} has no stream: it was made before streams were on.`);

  const client = new DynamoDBStreamsClient({ endpoint: options.dynamoEndpoint, ...LOCAL });
  options.observe?.(client);
  const deps = buildRelayDeps(
    { EVENT_BUS_NAME: options.bus.busName, EVENTBRIDGE_ENDPOINT: options.bus.endpoint, AWS_REGION: 'local' },
    { log: options.log },
    options.observe ? { observe: options.observe } : {},
  );
  const discarded: DiscardedBatch[] = [];
  const poller = new StreamPoller({
    client,
    streamArn,
    fn: 'event-relay',
    handler: makeHandler(() => deps),
    filter: OUTBOX_FILTER,
    onDiscarded: (batch) => {
      discarded.push(batch);
      options.log.error('events.discarded', { sequenceNumber: batch.startSequenceNumber, count: batch.batchSize });
    },
    ...(options.checkpointFile ? { checkpoints: fileCheckpoints(options.checkpointFile, streamArn) } : {}),
  });
  return {
    drain: () => poller.drain(),
    discarded,
    start: (everyMs) => poller.start(everyMs, (err) => options.log.error('events.relay-failed', errorFields(err))),
    async stop() {
      await poller.stop();
      client.destroy();
    },
  };
}
