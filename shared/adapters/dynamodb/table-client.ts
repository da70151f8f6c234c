/**
 * What every part of the DynamoDB adapter shares: the client, the table, the capacity meter,
 * and the two conversions between plain values and DynamoDB's attribute maps.
 */
import {
  ConditionalCheckFailedException,
  QueryCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, AttributeValue>;

/** Receives the capacity each call consumed; the benchmark uses it to report units per operation. */
export type CapacityMeter = (operation: string, units: number) => void;

export const toItem = (value: Record<string, unknown>): Item => marshall(value, { removeUndefinedValues: true });

type Consumed = ConsumedCapacity | ConsumedCapacity[] | undefined;

export class TableClient {
  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
    private readonly meter: CapacityMeter = () => {},
  ) {}

  record(operation: string, consumed: Consumed): void {
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    this.meter(
      operation,
      list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0),
    );
  }

  /** Awaits a call that asked for ReturnConsumedCapacity and reports what it used under `operation`. */
  async metered<T extends { ConsumedCapacity?: Consumed }>(operation: string, call: Promise<T>): Promise<T> {
    const out = await call;
    this.record(operation, out.ConsumedCapacity);
    return out;
  }

  /** Every page of a query; each page is metered as 'query'. */
  async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.metered(
        'query',
        this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, ReturnConsumedCapacity: 'TOTAL' })),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

/** For writes whose failed condition is an expected answer, not an error: resolves to `onFailed` then. */
export async function unlessConditionFailed<T, F>(call: Promise<T>, onFailed: F): Promise<T | F> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return onFailed;
    throw err;
  }
}
