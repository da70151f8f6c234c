import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB Local takes any credentials and any region. */
const ANYWHERE = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** A client for DynamoDB Local at `endpoint`. */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, ...ANYWHERE });
}
