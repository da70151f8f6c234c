/**
 * The service's table as the data stack declares it (keys, indexes and projections from
 * table-design.ts, the same as the local table), or a restored copy it was switched to.
 * Construct ids are the stack's own, so the table keeps its logical id.
 */
import { RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type GlobalSecondaryIndexProps,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type ITable,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { TABLE, UNSHARDED_DUE_INDEX } from '../../shared/adapters/dynamodb/table-design.js';

/**
 * The table with the indexes this deploy declares (infra/table-indexes.ts: this release's, or
 * one step closer to them while a table upgrades). Each exactly as the release that made it
 * declared it: any difference in keys or projection would be one more index change.
 */
export function newTable(stack: Stack, key: Key, options: { indexes: readonly string[] }): Table {
  const table = new Table(stack, 'Table', {
    partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
    sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    timeToLiveAttribute: TABLE.ttlAttribute,
    stream: StreamViewType[TABLE.streamViewType],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const name of options.indexes) table.addGlobalSecondaryIndex(indexProps(name));
  Validations.of(table).acknowledge({
    id: 'HIPAA.Security-DynamoDBInBackupPlan',
    reason:
      'Point-in-time recovery (35 days, to the second) is on and deletion protection is on; a separate AWS Backup plan would duplicate it.',
  });
  return table;
}

/** An index by name, as its release declared it. */
function indexProps(name: string): GlobalSecondaryIndexProps {
  const { byTherapist, due, byPractice } = TABLE.indexes;
  const keyed = (index: { partitionKey: string; sortKey: string }) => ({
    partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
    sortKey: { name: index.sortKey, type: AttributeType.STRING },
  });
  switch (name) {
    case byTherapist.name:
      return { indexName: name, ...keyed(byTherapist) };
    // Only what the dispatcher and the operations lists read: each index write stays one unit.
    case due.name:
      return {
        indexName: name,
        ...keyed(due),
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...due.projected],
      };
    // A practice's therapists and arrangements: the member record and the metadata, nothing else.
    case byPractice.name:
      return {
        indexName: name,
        ...keyed(byPractice),
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...byPractice.projected],
      };
    // The unsharded release's, on the same keys with every attribute; nothing reads it now.
    case UNSHARDED_DUE_INDEX:
      return { indexName: name, ...keyed(due) };
    default:
      throw new Error(`No release of Afterword declared an index named ${name}.`);
  }
}

/**
 * A table restored from point-in-time recovery (always a new table, restored with this
 * stack's key). Switching to it removes the original from the template; being retained, the
 * original stays in the account, untouched, until someone deletes it on purpose.
 */
export function restoredTable(stack: Stack, key: Key, tableName: string, tableStreamArn: string | undefined): ITable {
  return Table.fromTableAttributes(stack, 'RestoredTable', {
    tableName,
    tableStreamArn,
    encryptionKey: key,
    globalIndexes: Object.values(TABLE.indexes).map((i) => i.name),
  });
}
