/** Creates the table from the shared design; used by local mode and tests (the CDK stack does it in AWS). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from './table-design.js';

const STREAM = { StreamEnabled: true, StreamViewType: TABLE.streamViewType };

const keySchema = (index: { name: string; partitionKey: string; sortKey: string }) => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
});

/** The table as local mode and the tests create it; test/infra compares it with the CDK stack's. */
export function tableDefinition(tableName: string, options: TableOptions = {}): CreateTableCommandInput {
  const { byTherapist, due, byPractice } = TABLE.indexes;
  const attrs = [
    TABLE.partitionKey,
    TABLE.sortKey,
    byTherapist.partitionKey,
    byTherapist.sortKey,
    due.partitionKey,
    due.sortKey,
    byPractice.partitionKey,
    byPractice.sortKey,
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attrs.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      { ...keySchema(byTherapist), Projection: { ProjectionType: 'ALL' } },
      // As in the CDK stack: the due index carries only what the dispatcher and the operations lists read.
      { ...keySchema(due), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...due.projected] } },
      byPracticeIndex(),
    ],
    // As in AWS: the event relay reads new timeline entries from the stream (outbox.ts).
    ...(options.stream === false ? {} : { StreamSpecification: STREAM }),
  };
}

/** The practice index, as created with the table and as added to a local table made before it. */
function byPracticeIndex() {
  const { byPractice } = TABLE.indexes;
  return {
    ...keySchema(byPractice),
    Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...byPractice.projected] },
  };
}

export interface TableOptions {
  /**
   * false: no stream, for the bench's dispatch tables only. DynamoDB Local keeps every stream
   * record in the same in-memory database and each write gets slower as they pile up (seeding
   * 200 arrangements: 6.8 s, 14.6 s, 22.7 s on a first, second, third table; 2.6 s each
   * without), which would measure the emulator rather than the dispatcher. AWS does not slow down so.
   */
  stream?: boolean;
}

export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: TableOptions = {},
): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A local table from before the outbox: turn its stream on (the relay reads it from now on).
    if (options.stream !== false && !Table?.StreamSpecification?.StreamEnabled)
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: STREAM }));
    // A local table from before practices: add their index (AWS adds it through the CDK stack).
    const { byPractice } = TABLE.indexes;
    if (!Table?.GlobalSecondaryIndexes?.some((index) => index.IndexName === byPractice.name))
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [byPractice.partitionKey, byPractice.sortKey].map((name) => ({
            AttributeName: name,
            AttributeType: 'S',
          })),
          GlobalSecondaryIndexUpdates: [{ Create: byPracticeIndex() }],
        }),
      );
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await client.send(new CreateTableCommand(tableDefinition(tableName, options)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
  );
}
