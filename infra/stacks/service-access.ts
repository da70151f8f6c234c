/**
 * Which AWS services may deliver into what the data stack encrypts and owns: the data key's
 * statements for each service, and the publish permission on a topic. One place to read
 * when an alarm, a bounce or a reply does not arrive.
 */
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { Topic } from 'aws-cdk-lib/aws-sns';

/**
 * AWS services that write into things encrypted with the data key may use it, each only
 * for this account's resources of the kind it writes. The conditions are on the encryption
 * context, which SNS, SQS and CloudWatch Logs always set to the resource's ARN; not every
 * service passes aws:SourceAccount/SourceArn on to KMS, so those guard the topic and queue
 * policies instead. Identity policies in this account still apply through the root statement.
 */
export function allowServicesToUseKey(key: Key) {
  const { account, region, partition } = Stack.of(key);
  const envelope = ['kms:GenerateDataKey*', 'kms:Decrypt'];
  const ownTopics = {
    ArnLike: { 'kms:EncryptionContext:aws:sns:topicArn': `arn:${partition}:sns:${region}:${account}:*` },
  };
  const ownQueues = {
    ArnLike: { 'kms:EncryptionContext:aws:sqs:arn': `arn:${partition}:sqs:${region}:${account}:*` },
  };
  const allow = (sid: string, service: string, actions: string[], conditions: Record<string, Record<string, string>>) =>
    key.addToResourcePolicy(
      new PolicyStatement({
        sid,
        principals: [new ServicePrincipal(service)],
        actions,
        resources: ['*'],
        conditions,
      }),
    );

  allow(
    'LogsEncryptThisAccountsLogGroups',
    `logs.${region}.amazonaws.com`,
    ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
    },
  );
  allow('SesPublishesToEncryptedTopics', 'ses.amazonaws.com', envelope, ownTopics);
  allow('CloudWatchAlarmsPublishToEncryptedTopic', 'cloudwatch.amazonaws.com', envelope, ownTopics);
  allow('SnsDeliversToEncryptedDeadLetterQueues', 'sns.amazonaws.com', envelope, ownQueues);
  allow('EventBridgeRulesDeliverToEncryptedDeadLetterQueues', 'events.amazonaws.com', envelope, ownQueues);
}

/** A service may publish to the topic only for this account, and only from `sourceArn` (a pattern). */
export function allowToPublish(topic: Topic, sid: string, service: string, sourceArn: string) {
  const { account } = Stack.of(topic);
  topic.addToResourcePolicy(
    new PolicyStatement({
      sid,
      principals: [new ServicePrincipal(service)],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': sourceArn } },
    }),
  );
}
