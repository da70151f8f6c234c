/**
 * The AWS actions a need may grant, named once: the grants (service-function.ts) and the IAM
 * tests (test/infra/iam.test.ts) read the same lists.
 */

/**
 * What Lambda's event source mapping does with a `table-stream` function's role: it reads the
 * stream (ListStreams is among what Lambda checks the role for when the mapping is created).
 */
export const STREAM_ACTIONS = ['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'].map(
  (a) => `dynamodb:${a}`,
);

/**
 * What the Cognito directory adapter sends (shared/adapters/cognito/cognito-directory.ts), on
 * the one user pool, and nothing else: no deleting, no passwords, no listing of users.
 */
export const DIRECTORY_ACTIONS = [
  'AdminCreateUser',
  'AdminGetUser',
  'AdminAddUserToGroup',
  'AdminDisableUser',
  'AdminUserGlobalSignOut',
].map((a) => `cognito-idp:${a}`);

/** The DynamoDB actions our store uses, and nothing else (no Scan, no batch writes, no ConditionCheck items). */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};
