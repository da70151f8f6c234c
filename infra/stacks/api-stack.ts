/**
 * The stateless part, read as a diagram: one function per entry of functions/needs.ts, each
 * wired to what invokes it (the routed HTTP API, the every-minute schedule, SES through SNS),
 * and the alarms. Everything stateful is read from SSM parameters the data stack writes, so
 * this stack can be replaced, and the data stack changed, without either blocking the other.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Key } from 'aws-cdk-lib/aws-kms';
import { EventSourceMapping, StartingPosition, type IEventSourceDlq } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { functionsIn, STREAM_DELIVERY, type FunctionName } from '../../functions/needs.js';
import { OUTBOX_FILTER } from '../../shared/adapters/dynamodb/outbox.js';
import { Alarms } from '../constructs/alarms.js';
import { RoutedApi } from '../constructs/routed-api.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { parameterName, type SharedValue } from '../shared-values.js';

export interface ApiStackProps extends StackProps {
  senderDomain: string;
  publicBaseUrl: string;
  /** With inbound mail set up: the domain replies arrive at. */
  inboundDomain?: string | undefined;
  domainName?: string | undefined;
  certificateArn?: string | undefined;
  rateLimit?: number | undefined;
  reserveConcurrency?: boolean | undefined;
}

export class ApiStack extends Stack {
  readonly functions: Partial<Record<FunctionName, ServiceFunction>> = {};
  readonly api: RoutedApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const shared = (value: SharedValue) => StringParameter.valueForStringParameter(this, parameterName(value));
    const key = Key.fromKeyArn(this, 'DataKey', shared('keyArn'));
    const inbound = props.inboundDomain
      ? Topic.fromTopicArn(this, 'InboundTopic', shared('inboundTopicArn'))
      : undefined;

    // The user pool's trigger lives beside the pool, in the data stack.
    for (const [name, needs] of functionsIn('api')) {
      if (needs.inbound === 'required' && !inbound) continue; // updates by email are optional
      this.functions[name] = new ServiceFunction(this, name, needs, {
        key,
        table: { name: shared('tableName'), arn: shared('tableArn'), streamArn: shared('tableStreamArn') },
        mail: {
          fromAddress: `no-reply@${props.senderDomain}`,
          fromName: 'Afterword',
          configurationSetName: shared('configurationSetName'),
        },
        bus: { name: shared('eventBusName'), arn: shared('eventBusArn') },
        publicBaseUrl: props.publicBaseUrl,
        inboundDomain: props.inboundDomain,
        signIn: { url: shared('signInUrl'), clientId: shared('portalClientId') },
        userPool: { id: shared('userPoolId'), arn: shared('userPoolArn') },
        reserveConcurrency: props.reserveConcurrency ?? false,
      });
    }
    const functions = Object.values(this.functions);

    // --- What invokes each function, by its declared trigger. ---
    const userPool = UserPool.fromUserPoolId(this, 'Therapists', shared('userPoolId'));
    const portalClient = UserPoolClient.fromUserPoolClientId(this, 'PortalClient', shared('portalClientId'));
    this.api = new RoutedApi(this, 'Http', {
      functions: this.functions,
      userPool,
      portalClient,
      key,
      rateLimit: props.rateLimit ?? 50,
      customDomain:
        props.domainName && props.certificateArn
          ? { name: props.domainName, certificateArn: props.certificateArn }
          : undefined,
    });
    const subscribe = (topic: ITopic, f: ServiceFunction) =>
      topic.addSubscription(new LambdaSubscription(f.fn, { deadLetterQueue: f.failures }));
    for (const f of functions) {
      if (f.needs.trigger === 'schedule') {
        // Every minute; a missed run is caught up by the next.
        const rule = new Rule(this, `${f.name}-every-minute`, {
          schedule: Schedule.rate(Duration.minutes(1)),
          targets: [new LambdaFunction(f.fn, { retryAttempts: 2, deadLetterQueue: f.failures })],
        });
        new CfnOutput(this, 'DispatcherRule', {
          value: rule.ruleName,
          description: 'Disable it to pause all sending (docs/deploy.md, runbook)',
        });
      }
      if (f.needs.trigger === 'ses-feedback')
        subscribe(Topic.fromTopicArn(this, 'FeedbackTopic', shared('feedbackTopicArn')), f);
      if (f.needs.trigger === 'ses-inbound' && inbound) subscribe(inbound, f);
      if (f.needs.trigger === 'table-stream') this.readStream(f, shared('tableStreamArn'));
    }

    new Alarms(this, 'Alarms', { functions, topic: Topic.fromTopicArn(this, 'AlarmTopic', shared('alarmTopicArn')) });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'The API’s own address (use it as publicBaseUrl if you have no custom domain)',
    });
    new CfnOutput(this, 'PortalUrl', {
      value: `${props.publicBaseUrl}/portal`,
      description: 'Where therapists sign in',
    });
    if (this.api.domainTarget) {
      new CfnOutput(this, 'CustomDomainTarget', {
        value: this.api.domainTarget,
        description: `Point ${props.domainName} here (CNAME or alias)`,
      });
    }
  }

  /**
   * The table's stream → the function: new timeline entries only (the filter), in order per
   * shard, from the oldest record the stream keeps (nothing written before the first deploy
   * of the mapping is skipped). A failing batch is split and retried from the record reported
   * failed; what fails every retry is described in the function's Failures queue (alarmed).
   */
  private readStream(f: ServiceFunction, streamArn: string) {
    // The role already may send there (its managed policy): no grant of the CDK's own here.
    const onFailure: IEventSourceDlq = { bind: () => ({ destination: f.failures!.queueArn }) };
    const mapping = new EventSourceMapping(this, `${f.name}-table-stream`, {
      target: f.fn,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: STREAM_DELIVERY.batchSize,
      bisectBatchOnError: STREAM_DELIVERY.bisectOnError,
      retryAttempts: STREAM_DELIVERY.retryAttempts,
      reportBatchItemFailures: true,
      parallelizationFactor: 1,
      filters: [{ pattern: JSON.stringify(OUTBOX_FILTER) }],
      onFailure,
    });
    // Lambda checks the role may read the stream when the mapping is created.
    mapping.node.addDependency(f.permissions);
  }
}
