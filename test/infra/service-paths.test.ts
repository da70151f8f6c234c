/**
 * Every path on which one AWS service delivers to another, checked in the synthesized
 * templates with the IAM policy simulator: the target's resource policy and, where the
 * target is encrypted, the data key's policy both allow the delivering service: the target's
 * policy for this account and source only (aws:SourceAccount / aws:SourceArn), the key for
 * this account's topics, queues and log groups only (the encryption context KMS is given).
 * The same request from another account must be denied, and removing the allowing
 * statement must break the path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.js';
import { STREAM_DELIVERY } from '../../functions/needs.js';
import { matchesPattern } from '../../local/stream-filter.js';
import { OUTBOX_FILTER } from '../../shared/adapters/dynamodb/outbox.js';
import {
  decide,
  functionRole,
  lambdaPolicyOf,
  resourcePolicyOf,
  type Check,
  type Decision,
  type PolicyDocument,
} from '../support/iam.js';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  REGION,
  synthesize,
  type Deployment,
  type ResolvedStack,
} from '../support/templates.js';

interface Path {
  name: string;
  service: string;
  /** The source the service acts for (an alarm, a configuration set, a topic, a rule…). */
  sourceArn: (account: string) => string;
  deliveries: { action: string; resource: string; policy: PolicyDocument | undefined }[];
  /** The key the target is encrypted with, when it is, and the encryption context KMS sees (the target's ARN). */
  keyArn?: string | undefined;
  encryption?: { contextKey: string; arn: string };
}

const TOPIC_CONTEXT = 'kms:EncryptionContext:aws:sns:topicArn';
const QUEUE_CONTEXT = 'kms:EncryptionContext:aws:sqs:arn';

const glob = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value);

describe('service-to-service delivery, simulated', () => {
  let d: Deployment;
  let keyPolicies: Map<string, PolicyDocument>;
  const stacks = () => [d.data, d.api];

  /** Both stacks' resources of a type, with the stack they are in. */
  const all = (type: string) => stacks().flatMap((stack) => stack.resources(type).map((r) => ({ ...r, stack })));

  beforeAll(() => {
    d = synthesize();
    keyPolicies = new Map(
      d.data.resources('AWS::KMS::Key').map((k) => [d.data.arnOf(k.id), k.props.KeyPolicy as PolicyDocument]),
    );
  }, 180_000);

  const asService = (
    service: string,
    action: string,
    resource: string,
    policy: PolicyDocument | undefined,
    context: Record<string, string>,
  ): Check => ({
    principal: service,
    action,
    resource,
    resourcePolicy: policy,
    context,
  });
  const sourceContext = (path: Path, account: string) => ({
    'aws:SourceAccount': account,
    'aws:SourceArn': path.sourceArn(account),
  });

  /** Deliveries and key use for one path, from one account: every decision. */
  async function decisions(
    path: Path,
    account: string,
    keyPolicy = path.keyArn ? keyPolicies.get(path.keyArn) : undefined,
  ): Promise<Decision[]> {
    const context = sourceContext(path, account);
    const out: Decision[] = [];
    for (const delivery of path.deliveries)
      out.push(await decide(asService(path.service, delivery.action, delivery.resource, delivery.policy, context)));
    if (path.keyArn) {
      expect(keyPolicy, `${path.name}: the key ${path.keyArn} is in the data stack`).toBeDefined();
      expect(path.encryption, `${path.name}: its encryption context is known`).toBeDefined();
      const policy = byEncryptionContext(
        keyPolicy!,
        path.service,
        path.encryption!.contextKey,
        path.encryption!.arn.replace(ACCOUNT, account),
      );
      for (const action of ['kms:GenerateDataKey', 'kms:Decrypt'])
        out.push(await decide(asService(path.service, action, path.keyArn, policy, context)));
    }
    return out;
  }

  const topicPolicy = (arn: string) => resourcePolicyOf(d.data, 'AWS::SNS::TopicPolicy', arn);
  const topicKey = (arn: string) =>
    d.data.resources('AWS::SNS::Topic').find((t) => d.data.arnOf(t.id) === arn)?.props.KmsMasterKeyId as
      string | undefined;
  const queue = (stack: ResolvedStack, arn: string) => {
    const found = stack.resources('AWS::SQS::Queue').find((q) => stack.arnOf(q.id) === arn)!;
    return {
      url: stack.resolve({ Ref: found.id }) as string,
      keyArn: found.props.KmsMasterKeyId as string | undefined,
    };
  };

  function paths(): Path[] {
    const out: Path[] = [];
    // CloudWatch alarms (both stacks: the user pool's trigger is alarmed beside it) → the alarm topic.
    for (const alarm of all('AWS::CloudWatch::Alarm')) {
      const [topic] = alarm.props.AlarmActions as string[];
      out.push({
        name: `alarm ${alarm.id} → alarm topic`,
        service: 'cloudwatch.amazonaws.com',
        sourceArn: (account) => `arn:aws:cloudwatch:${REGION}:${account}:alarm:${alarm.id}`,
        deliveries: [{ action: 'sns:Publish', resource: topic!, policy: topicPolicy(topic!) }],
        keyArn: topicKey(topic!),
        encryption: { contextKey: TOPIC_CONTEXT, arn: topic! },
      });
    }
    // SES configuration set → the feedback topic.
    for (const destination of d.data.resources('AWS::SES::ConfigurationSetEventDestination')) {
      const topic = (destination.props.EventDestination as { SnsDestination: { TopicARN: string } }).SnsDestination
        .TopicARN;
      out.push({
        name: 'SES bounces and complaints → feedback topic',
        service: 'ses.amazonaws.com',
        sourceArn: (account) =>
          `arn:aws:ses:${REGION}:${account}:configuration-set/${String(destination.props.ConfigurationSetName)}`,
        deliveries: [{ action: 'sns:Publish', resource: topic, policy: topicPolicy(topic) }],
        keyArn: topicKey(topic),
        encryption: { contextKey: TOPIC_CONTEXT, arn: topic },
      });
    }
    // SES receipt rule → the inbound topic.
    for (const rule of d.data.resources('AWS::SES::ReceiptRule')) {
      const actions = (rule.props.Rule as { Actions: { SNSAction?: { TopicArn: string } }[] }).Actions;
      for (const topic of actions.flatMap((a) => (a.SNSAction ? [a.SNSAction.TopicArn] : []))) {
        out.push({
          name: 'SES receiving → inbound topic',
          service: 'ses.amazonaws.com',
          sourceArn: (account) =>
            `arn:aws:ses:${REGION}:${account}:receipt-rule-set/${String(rule.props.RuleSetName)}:receipt-rule/${rule.id}`,
          deliveries: [{ action: 'sns:Publish', resource: topic, policy: topicPolicy(topic) }],
          keyArn: topicKey(topic),
          encryption: { contextKey: TOPIC_CONTEXT, arn: topic },
        });
      }
    }
    // SNS → each subscribed function, and its dead-letter queue.
    for (const sub of all('AWS::SNS::Subscription').filter((s) => s.props.Protocol === 'lambda')) {
      const topic = sub.props.TopicArn as string;
      const dlq = (sub.props.RedrivePolicy as { deadLetterTargetArn?: string } | undefined)?.deadLetterTargetArn;
      expect(dlq, `subscription ${sub.id} keeps what it cannot deliver`).toBeDefined();
      const q = queue(sub.stack, dlq!);
      out.push({
        name: `SNS → ${sub.id} and its dead-letter queue`,
        service: 'sns.amazonaws.com',
        sourceArn: (account) => topic.replace(ACCOUNT, account),
        deliveries: [
          {
            action: 'lambda:InvokeFunction',
            resource: sub.props.Endpoint as string,
            policy: lambdaPolicyOf(sub.stack, sub.props.Endpoint as string),
          },
          {
            action: 'sqs:SendMessage',
            resource: dlq!,
            policy: resourcePolicyOf(sub.stack, 'AWS::SQS::QueuePolicy', q.url),
          },
        ],
        keyArn: q.keyArn,
        encryption: { contextKey: QUEUE_CONTEXT, arn: dlq! },
      });
    }
    // EventBridge schedule → the dispatcher, and its dead-letter queue.
    for (const rule of d.api.resources('AWS::Events::Rule')) {
      const ruleArn = d.api.arnOf(rule.id);
      for (const target of rule.props.Targets as { Arn: string; DeadLetterConfig?: { Arn: string } }[]) {
        expect(target.DeadLetterConfig, `rule ${rule.id} keeps what it cannot deliver`).toBeDefined();
        const q = queue(d.api, target.DeadLetterConfig!.Arn);
        out.push({
          name: `schedule ${rule.id} → ${target.Arn} and its dead-letter queue`,
          service: 'events.amazonaws.com',
          sourceArn: (account) => ruleArn.replace(ACCOUNT, account),
          deliveries: [
            { action: 'lambda:InvokeFunction', resource: target.Arn, policy: lambdaPolicyOf(d.api, target.Arn) },
            {
              action: 'sqs:SendMessage',
              resource: target.DeadLetterConfig!.Arn,
              policy: resourcePolicyOf(d.api, 'AWS::SQS::QueuePolicy', q.url),
            },
          ],
          keyArn: q.keyArn,
          encryption: { contextKey: QUEUE_CONTEXT, arn: target.DeadLetterConfig!.Arn },
        });
      }
    }
    // Cognito → the user pool's message trigger (it words each invitation for its practice).
    for (const pool of d.data.resources('AWS::Cognito::UserPool')) {
      const poolArn = d.data.arnOf(pool.id);
      for (const [operation, fn] of Object.entries((pool.props.LambdaConfig ?? {}) as Record<string, string>))
        out.push({
          name: `Cognito ${operation} → ${fn}`,
          service: 'cognito-idp.amazonaws.com',
          sourceArn: (account) => poolArn.replace(ACCOUNT, account),
          deliveries: [{ action: 'lambda:InvokeFunction', resource: fn, policy: lambdaPolicyOf(d.data, fn) }],
        });
    }
    // API Gateway → the function of each route.
    const [api] = d.api.resources('AWS::ApiGatewayV2::Api');
    const apiId = d.api.resolve({ Ref: api!.id }) as string;
    for (const route of ROUTES) {
      const integration = d.api
        .resources('AWS::ApiGatewayV2::Route')
        .find((r) => r.props.RouteKey === `${route.method} ${route.path}`)!;
      const integrationId = String(integration.props.Target).replace('integrations/', '');
      const target = d.api
        .resources('AWS::ApiGatewayV2::Integration')
        .find((i) => d.api.resolve({ Ref: i.id }) === integrationId)!;
      const fn = target.props.IntegrationUri as string;
      out.push({
        name: `API ${route.method} ${route.path} → ${route.fn}`,
        service: 'apigateway.amazonaws.com',
        // API Gateway names the route's path template as the source (as in the CDK-made permission).
        sourceArn: (account) =>
          `arn:aws:execute-api:${REGION}:${account}:${apiId}/$default/${route.method}${route.path}`,
        deliveries: [{ action: 'lambda:InvokeFunction', resource: fn, policy: lambdaPolicyOf(d.api, fn) }],
      });
    }
    return out;
  }

  it('finds every kind of path in the templates', () => {
    const names = paths().map((p) => p.name);
    for (const kind of [
      '→ alarm topic',
      'feedback topic',
      'inbound topic',
      'SNS →',
      'schedule',
      'API GET /health',
      'API POST /practice/therapists',
      'Cognito CustomMessage →',
    ])
      expect(
        names.some((n) => n.includes(kind)),
        kind,
      ).toBe(true);
    expect(paths().filter((p) => p.name.startsWith('SNS →'))).toHaveLength(2);
  });

  it('lets each service deliver, and use the key where the target is encrypted, for this account only', async () => {
    const failures: string[] = [];
    for (const path of paths()) {
      const mine = await decisions(path, ACCOUNT);
      if (mine.some((x) => x !== 'Allowed')) failures.push(`${path.name}: ${mine.join(', ')}`);
      const theirs = await decisions(path, OTHER_ACCOUNT);
      if (theirs.some((x) => x === 'Allowed')) failures.push(`${path.name} from another account: ${theirs.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('hands the table’s stream to the event relay: new timeline entries only, what fails every retry to its queue', async () => {
    const mappings = d.api.resources('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [table] = d.data.resources('AWS::DynamoDB::Table');
    expect(table!.props.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const streamArn = String(d.data.resolve({ 'Fn::GetAtt': [table!.id, 'StreamArn'] }));
    const relay = d.api.idAt('Afterword-Api/event-relay/Function/Resource');
    const failures = d.api.arnOf(d.api.idAt('Afterword-Api/event-relay/Failures/Resource'));
    const mapping = mappings[0]!.props;
    expect(mapping).toMatchObject({
      EventSourceArn: streamArn,
      FunctionName: d.api.resolve({ Ref: relay }),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: STREAM_DELIVERY.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: STREAM_DELIVERY.retryAttempts,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: failures } },
    });
    // The deployed filter, applied to records as the stream gives them.
    const [filter] = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    const pattern = JSON.parse(filter!.Pattern) as object;
    expect(pattern).toEqual(OUTBOX_FILTER);
    const record = (eventName: string, sk: string) => ({
      eventName,
      dynamodb: { Keys: { pk: { S: 'POLICY#1' }, sk: { S: sk } } },
    });
    expect(matchesPattern(pattern, record('INSERT', 'EVENT#2026-12-01T09:00:00.000Z#abcdef12'))).toBe(true);
    for (const other of [record('INSERT', 'POLICY'), record('INSERT', 'UPDATE#0001'), record('REMOVE', 'EVENT#x')])
      expect(matchesPattern(pattern, other)).toBe(false);

    // Lambda reads the stream and sends to the queue as the relay's role: the queue's and the key's policies must let it.
    const { roleArn, policies } = functionRole(d.api, 'event-relay');
    const q = queue(d.api, failures);
    const keyPolicy = keyPolicies.get(q.keyArn!);
    expect(keyPolicy, 'the queue is encrypted with the data key').toBeDefined();
    const steps = [
      { action: 'dynamodb:GetRecords', resource: streamArn, policy: undefined },
      {
        action: 'sqs:SendMessage',
        resource: failures,
        policy: resourcePolicyOf(d.api, 'AWS::SQS::QueuePolicy', q.url),
      },
      { action: 'kms:GenerateDataKey', resource: q.keyArn!, policy: keyPolicy },
      { action: 'kms:Decrypt', resource: q.keyArn!, policy: keyPolicy },
    ];
    for (const [principal, expected] of [
      [roleArn, 'Allowed'],
      [roleArn.replace(ACCOUNT, OTHER_ACCOUNT), 'ImplicitlyDenied'],
    ] as const) {
      for (const step of steps) {
        const decision = await decide({
          principal,
          action: step.action,
          resource: step.resource,
          identityPolicies: policies,
          resourcePolicy: step.policy,
        });
        expect(`${principal} ${step.action}: ${decision}`).toBe(`${principal} ${step.action}: ${expected}`);
      }
    }
  });

  it('would catch a broken wiring: without its CloudWatch statement the alarm topic refuses alarms', async () => {
    const path = paths().find((p) => p.name.endsWith('→ alarm topic'))!;
    const [delivery] = path.deliveries;
    const broken = {
      ...delivery!.policy!,
      Statement: delivery!.policy!.Statement.filter((s) => s.Sid !== 'CloudWatchAlarmsPublish'),
    };
    expect(await decisions({ ...path, deliveries: [{ ...delivery!, policy: broken }] }, ACCOUNT)).toContain(
      'ImplicitlyDenied',
    );
    const key = keyPolicies.get(path.keyArn!)!;
    const brokenKey = {
      ...key,
      Statement: key.Statement.filter((s) => s.Sid !== 'CloudWatchAlarmsPublishToEncryptedTopic'),
    };
    expect(await decisions(path, ACCOUNT, brokenKey)).toContain('ImplicitlyDenied');
  });

  /**
   * Services are allowed the key by encryption context (the topic's, queue's, log group's or
   * bus's ARN). The simulator drops `kms:EncryptionContext:<key>` context keys (their
   * variable part follows a colon, which it does not parse), so here the statement is found
   * and evaluated by the simulator without that one condition, and the condition itself is
   * matched with IAM's ArnLike/StringEquals semantics against every encrypted resource.
   */
  function byEncryptionContext(key: PolicyDocument, service: string, contextKey: string, value: string) {
    const statements = key.Statement.filter((s) => JSON.stringify(s.Principal).includes(service));
    const matching = statements.filter((s) => {
      const conditions = (s.Condition ?? {}) as Record<string, Record<string, string>>;
      return Object.entries(conditions).every(([operator, entries]) =>
        Object.entries(entries).every(
          ([k, pattern]) => k !== contextKey || (operator.includes('Like') ? glob(pattern, value) : pattern === value),
        ),
      );
    });
    const without = matching.map((s) => {
      const conditions = Object.fromEntries(
        Object.entries((s.Condition ?? {}) as Record<string, Record<string, string>>)
          .map(([op, entries]) => [op, Object.fromEntries(Object.entries(entries).filter(([k]) => k !== contextKey))])
          .filter(([, entries]) => Object.keys(entries as object).length),
      );
      return { ...s, ...(Object.keys(conditions).length ? { Condition: conditions } : { Condition: undefined }) };
    });
    return {
      Version: '2012-10-17',
      Statement: without.map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>),
    };
  }

  it('lets CloudWatch Logs encrypt every log group with the data key, and no other account’s', async () => {
    const contextKey = 'kms:EncryptionContext:aws:logs:arn';
    const failures: string[] = [];
    const groups = all('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(9);
    for (const group of groups) {
      const keyArn = group.props.KmsKeyId as string | undefined;
      if (!keyArn) {
        failures.push(`${group.id} is not encrypted`);
        continue;
      }
      const groupArn = group.stack.arnOf(group.id).replace(/:\*$/, '');
      for (const [account, expected] of [
        [ACCOUNT, 'Allowed'],
        [OTHER_ACCOUNT, 'ImplicitlyDenied'],
      ] as const) {
        const policy = byEncryptionContext(
          keyPolicies.get(keyArn)!,
          `logs.${REGION}.amazonaws.com`,
          contextKey,
          groupArn.replace(ACCOUNT, account),
        );
        for (const action of ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']) {
          const decision = await decide({
            principal: `logs.${REGION}.amazonaws.com`,
            action,
            resource: keyArn,
            resourcePolicy: policy,
          });
          if (decision !== expected) failures.push(`${group.id} ${action} for ${account}: ${decision}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets EventBridge use the data key for this bus only', async () => {
    const [bus] = d.data.resources('AWS::Events::EventBus');
    const busArn = d.data.arnOf(bus!.id);
    const keyArn = bus!.props.KmsKeyIdentifier as string;
    const contextKey = 'kms:EncryptionContext:aws:events:event-bus:arn';
    const check = (arn: string, account: string) =>
      decide({
        principal: 'events.amazonaws.com',
        action: 'kms:GenerateDataKey',
        resource: keyArn,
        resourcePolicy: byEncryptionContext(keyPolicies.get(keyArn)!, 'events.amazonaws.com', contextKey, arn),
        context: { 'aws:SourceAccount': account, 'aws:SourceArn': arn },
      });
    expect(await check(busArn, ACCOUNT)).toBe('Allowed');
    expect(await check(busArn.replace(ACCOUNT, OTHER_ACCOUNT), OTHER_ACCOUNT)).toBe('ImplicitlyDenied');
  });
});
