/**
 * What Lambda's event source mapping does for a DynamoDB stream, for local mode and the tests:
 * read every shard in order (parents before children), keep only the records the mapping's
 * filter lets through, hand them to the real handler in Lambda's event shape, retry from the
 * record it reports as failed (splitting the batch in two each time), and after the last retry
 * give the batch to the on-failure destination and go on. Its AWS calls are the ones Lambda
 * makes with the function's role, so they run as that function (the IAM test checks them).
 */
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { STREAM_DELIVERY, type FunctionName } from '../functions/needs.js';
import { runAs } from './function-context.js';
import { matchesPattern } from './stream-filter.js';

/** What Lambda sends to the on-failure queue about a batch it gave up on (its `DDBStreamBatchInfo`). */
export interface DiscardedBatch {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
}

/** Where each shard has been read to: the last sequence number handled (delivered, filtered out or discarded). */
export interface Checkpoints {
  load(): Record<string, string>;
  save(positions: Record<string, string>): void;
}

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  /** The function the mapping invokes (its role makes the stream calls). */
  fn: FunctionName;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  filter: object;
  onDiscarded: (batch: DiscardedBatch) => void;
  checkpoints?: Checkpoints;
}

/** A stream record as Lambda hands it over: the same JSON, with the time in epoch seconds and binary as base64. */
function lambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const json = JSON.stringify(record, (_key, value: unknown) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
  );
  const plain: DynamoDBRecord = JSON.parse(json);
  const at = record.dynamodb?.ApproximateCreationDateTime;
  return {
    ...plain,
    eventSourceARN: streamArn,
    dynamodb: { ...plain.dynamodb, ...(at ? { ApproximateCreationDateTime: at.getTime() / 1000 } : {}) },
  };
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

export class StreamPoller {
  private readonly positions: Record<string, string>;
  private readonly iterators = new Map<string, string>();
  private readonly closed = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.positions = options.checkpoints?.load() ?? {};
  }

  /** Resolves once every record written before the call has been handled. Calls queue up, never overlap. */
  drain(): Promise<void> {
    const pass = this.running.then(() => runAs(this.options.fn, () => this.pass()));
    this.running = pass.catch(() => undefined);
    return pass;
  }

  /** Polls on an interval, as Lambda does; errors are reported and the next tick tries again. */
  start(everyMs: number, onError: (err: unknown) => void): void {
    this.timer = setInterval(() => void this.drain().catch(onError), everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    const { client, streamArn } = this.options;
    const described = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const shards = described.StreamDescription?.Shards ?? [];
    const known = new Set(shards.map((s) => s.ShardId));
    // A child shard continues its parent: read it only once the parent is read to its end.
    for (let progressed = true; progressed;) {
      progressed = false;
      for (const shard of shards) {
        const id = shard.ShardId!;
        const parent = shard.ParentShardId;
        if (this.closed.has(id) || (parent && known.has(parent) && !this.closed.has(parent))) continue;
        if (await this.readShard(id)) {
          this.closed.add(id);
          progressed = true;
        }
      }
    }
  }

  /** Reads a shard as far as it goes; true when it is closed and fully read. */
  private async readShard(shardId: string): Promise<boolean> {
    let iterator = this.iterators.get(shardId) ?? (await this.iteratorFor(shardId));
    for (;;) {
      let out;
      try {
        out = await this.options.client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      } catch (err) {
        if (!(err instanceof ExpiredIteratorException)) throw err;
        iterator = await this.iteratorFor(shardId);
        continue;
      }
      const records = out.Records ?? [];
      await this.deliver(
        shardId,
        records.map((r) => lambdaRecord(r, this.options.streamArn)),
      );
      if (!out.NextShardIterator) {
        this.iterators.delete(shardId);
        return true;
      }
      iterator = out.NextShardIterator;
      this.iterators.set(shardId, iterator);
      if (records.length === 0) return false;
    }
  }

  private async iteratorFor(shardId: string): Promise<string> {
    const { client, streamArn } = this.options;
    const after = this.positions[shardId];
    const get = (from: 'after' | 'start') =>
      client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(from === 'after' && after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
    try {
      return (await get('after')).ShardIterator!;
    } catch (err) {
      // Older than the stream keeps (24 hours): start from what it still has.
      if (!(err instanceof TrimmedDataAccessException)) throw err;
      return (await get('start')).ShardIterator!;
    }
  }

  /** One page of a shard: the records the filter keeps, in batches; then the page is handled. */
  private async deliver(shardId: string, page: DynamoDBRecord[]): Promise<void> {
    const kept = page.filter((r) => matchesPattern(this.options.filter, r));
    for (let i = 0; i < kept.length; i += STREAM_DELIVERY.batchSize) {
      await this.invokeWithRetries(shardId, kept.slice(i, i + STREAM_DELIVERY.batchSize));
    }
    if (page.length > 0) this.handled(shardId, sequenceOf(page.at(-1)!));
  }

  private async invokeWithRetries(shardId: string, batch: DynamoDBRecord[]): Promise<void> {
    const queue = [batch];
    while (queue.length > 0) {
      let part = queue.shift()!;
      for (let retries = 0; ; retries += 1) {
        const failedAt = await this.invoke(part);
        if (failedAt < 0) break;
        part = part.slice(failedAt);
        if (retries >= STREAM_DELIVERY.retryAttempts) {
          this.options.onDiscarded({
            shardId,
            startSequenceNumber: sequenceOf(part[0]!),
            endSequenceNumber: sequenceOf(part.at(-1)!),
            batchSize: part.length,
          });
          break;
        }
        if (STREAM_DELIVERY.bisectOnError && part.length > 1) {
          const half = Math.ceil(part.length / 2);
          queue.unshift(part.slice(half));
          part = part.slice(0, half);
        }
      }
    }
  }

  /** The index of the first record to retry from, or -1 when the batch was handled. */
  private async invoke(records: DynamoDBRecord[]): Promise<number> {
    let response: DynamoDBBatchResponse;
    try {
      response = await this.options.handler({ Records: records });
    } catch {
      return 0; // the function failed: the whole batch again
    }
    const failed = response.batchItemFailures.map((f) => records.findIndex((r) => sequenceOf(r) === f.itemIdentifier));
    if (failed.length === 0) return -1;
    // As Lambda: retry from the lowest reported record; an identifier not in the batch fails it whole.
    return failed.includes(-1) ? 0 : Math.min(...failed);
  }

  private handled(shardId: string, sequenceNumber: string): void {
    this.positions[shardId] = sequenceNumber;
    this.options.checkpoints?.save(this.positions);
  }
}
