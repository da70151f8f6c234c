/**
 * The service's table as the data stack declares it (keys, indexes and projections from
 * table-design.ts, the same as the local table), or a restored copy it was switched to.
 * Construct ids are the stack's own, so the table keeps its logical id.
 */
import { RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type ITable,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { TABLE, UNSHARDED_DUE_INDEX } from '../../shared/adapters/dynamodb/table-design.js';

export function newTable(stack: Stack, key: Key, options: { keepUnshardedDueIndex: boolean }): Table {
  const { byTherapist, due, byPractice } = TABLE.indexes;
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
  table.addGlobalSecondaryIndex({
    indexName: byTherapist.name,
    partitionKey: { name: byTherapist.partitionKey, type: AttributeType.STRING },
    sortKey: { name: byTherapist.sortKey, type: AttributeType.STRING },
  });
  // Only what the dispatcher and the operations lists read: each index write stays one unit.
  table.addGlobalSecondaryIndex({
    indexName: due.name,
    partitionKey: { name: due.partitionKey, type: AttributeType.STRING },
    sortKey: { name: due.sortKey, type: AttributeType.STRING },
    projectionType: ProjectionType.INCLUDE,
    nonKeyAttributes: [...due.projected],
  });
  // A practice's therapists and arrangements: the member record and the metadata, nothing else.
  table.addGlobalSecondaryIndex({
    indexName: byPractice.name,
    partitionKey: { name: byPractice.partitionKey, type: AttributeType.STRING },
    sortKey: { name: byPractice.sortKey, type: AttributeType.STRING },
    projectionType: ProjectionType.INCLUDE,
    nonKeyAttributes: [...byPractice.projected],
  });
  if (options.keepUnshardedDueIndex)
    // Exactly as the unsharded release declared it (any difference would be a second index
    // change in the same update); nothing reads it now, the next deploy without the setting deletes it.
    table.addGlobalSecondaryIndex({
      indexName: UNSHARDED_DUE_INDEX,
      partitionKey: { name: due.partitionKey, type: AttributeType.STRING },
      sortKey: { name: due.sortKey, type: AttributeType.STRING },
    });
  Validations.of(table).acknowledge({
    id: 'HIPAA.Security-DynamoDBInBackupPlan',
    reason:
      'Point-in-time recovery (35 days, to the second) is on and deletion protection is on; a separate AWS Backup plan would duplicate it.',
  });
  return table;
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
