/**
 * What must outlive any deployment of the functions: the key, the table, the event bus,
 * SES (sending identity, configuration set, receiving), the therapists' user pool (with its
 * message trigger, which a pool must name itself), and the topics AWS services publish to. Everything here is retained or replaced only on purpose.
 * The API stack reads what it needs through SSM parameters (infra/shared-values.ts).
 */
import { CfnOutput, CfnParameter, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  ReceiptRuleSet,
  SuppressionReasons,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { EmailEncoding, Sns as SnsAction } from 'aws-cdk-lib/aws-ses-actions';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { parameterName, type SharedValue } from '../shared-values.js';
import type { ServiceFunction } from '../constructs/service-function.js';
import { allowServicesToUseKey, allowToPublish } from './service-access.js';
import { newTable, restoredTable } from './service-table.js';
import { therapists } from './therapists.js';

export interface StatefulStackProps extends StackProps {
  senderDomain: string;
  publicBaseUrl: string;
  cognitoDomainPrefix: string;
  practiceName?: string | undefined;
  cognitoEmailViaSes?: boolean | undefined;
  /** Optional: the domain whose mail SES receives, so clients can send updates by replying. */
  inboundDomain?: string | undefined;
  /** After a point-in-time restore: the restored table the service switches to (the old one is kept). */
  restoredTableName?: string | undefined;
  /** Its stream, turned on by hand after the restore (a restored table has none). */
  restoredTableStreamArn?: string | undefined;
  /** The table's indexes in this deploy (infra/table-indexes.ts: one change from what the table has). */
  tableIndexes: readonly string[];
}

export class StatefulStack extends Stack {
  readonly key: Key;
  /** The service's table, or the restored copy it was switched to (see the runbook in docs/deploy.md). */
  readonly table: ITable;
  readonly bus: EventBus;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly feedbackTopic: Topic;
  readonly alarmTopic: Topic;
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;
  /** The user pool's triggers (functions/needs.ts, stack `data`). */
  readonly triggers: ServiceFunction[];
  /** Mail received for the inbound domain, raw message included (only when it is configured). */
  readonly inboundTopic?: Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { region } = this;

    this.key = new Key(this, 'DataKey', {
      description: 'Afterword: encrypts the table, logs, queues, topics, the event bus and function environments',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    allowServicesToUseKey(this.key);
    this.alarmTopic = this.alarms();

    this.table = props.restoredTableName
      ? restoredTable(this, this.key, props.restoredTableName, props.restoredTableStreamArn)
      : newTable(this, this.key, { indexes: props.tableIndexes });

    // The bus grants events.amazonaws.com its key use itself (conditioned on this bus).
    this.bus = new EventBus(this, 'Events', { eventBusName: `${id}-events`, kmsKey: this.key });

    ({
      feedbackTopic: this.feedbackTopic,
      configurationSet: this.configurationSet,
      identity: this.identity,
    } = this.sending(props));
    if (props.inboundDomain) this.inboundTopic = this.receiveMail(props.inboundDomain);

    // --- Therapists: a user pool that outlives the API, so their ids (`sub`) never change. ---
    ({
      userPool: this.userPool,
      portalClient: this.portalClient,
      triggers: this.triggers,
    } = therapists(this, props, {
      key: this.key,
      alarmTopic: this.alarmTopic,
    }));
    // Sending through SES as the domain needs its identity first (and verified: step 7 of docs/deploy.md).
    if (props.cognitoEmailViaSes) this.userPool.node.addDependency(this.identity);

    this.share({
      tableName: this.table.tableName,
      tableArn: this.table.tableArn,
      // The event relay's source: domain events leave through the stream (shared/adapters/dynamodb/outbox.ts).
      tableStreamArn: this.table.tableStreamArn!,
      keyArn: this.key.keyArn,
      eventBusName: this.bus.eventBusName,
      eventBusArn: this.bus.eventBusArn,
      configurationSetName: this.configurationSet.configurationSetName,
      feedbackTopicArn: this.feedbackTopic.topicArn,
      alarmTopicArn: this.alarmTopic.topicArn,
      userPoolId: this.userPool.userPoolId,
      // What the practice admin's function may change (its role names the pool, nothing wider).
      userPoolArn: this.userPool.userPoolArn,
      portalClientId: this.portalClient.userPoolClientId,
      signInUrl: `https://${props.cognitoDomainPrefix}.auth.${region}.amazoncognito.com`,
      ...(this.inboundTopic ? { inboundTopicArn: this.inboundTopic.topicArn } : {}),
    });
    this.outputs();
  }

  /** Sending: the identity, a configuration set, and bounces and complaints to a topic. */
  private sending(props: StatefulStackProps) {
    const feedbackTopic = new Topic(this, 'SesFeedback', { masterKey: this.key, enforceSSL: true });
    const configurationSet = new ConfigurationSet(this, 'Sending', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // The destination grants ses.amazonaws.com publishing itself, for this configuration set and account.
    const feedback = new ConfigurationSetEventDestination(this, 'Feedback', {
      configurationSet: configurationSet,
      destination: EventDestination.snsTopic(feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // SES checks it may publish when the destination is created.
    feedback.node.addDependency(feedbackTopic.node.findChild('Policy'));
    const identity = new EmailIdentity(this, 'Sender', {
      identity: Identity.domain(props.senderDomain),
      configurationSet: configurationSet,
      mailFromDomain: `bounce.${props.senderDomain}`,
    });
    identity.dkimRecords.forEach(
      (record, i) =>
        new CfnOutput(this, `DkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: 'Add at your DNS provider to verify the sender domain',
        }),
    );
    new CfnOutput(this, 'MailFromRecords', {
      value: `bounce.${props.senderDomain} MX 10 feedback-smtp.${this.region}.amazonses.com ; bounce.${props.senderDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'The MAIL FROM domain records (bounces return here)',
    });
    return { feedbackTopic, configurationSet, identity };
  }

  /** Alarms: CloudWatch publishes to an encrypted topic; the address is a deploy parameter. */
  private alarms(): Topic {
    const topic = new Topic(this, 'Alarms', { masterKey: this.key, enforceSSL: true });
    allowToPublish(
      topic,
      'CloudWatchAlarmsPublish',
      'cloudwatch.amazonaws.com',
      `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*`,
    );
    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      description: 'Who is emailed when an alarm fires (errors, undeliverable mail, bounce or complaint rates)',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
      constraintDescription: 'An email address, e.g. ops@yourpractice.org',
    });
    new Subscription(this, 'AlarmEmailSubscription', {
      topic: topic,
      protocol: SubscriptionProtocol.EMAIL,
      endpoint: alarmEmail.valueAsString,
    });
    return topic;
  }

  /** What the deploy guide and the ops command read. */
  private outputs() {
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DataKeyArn', {
      value: this.key.keyArn,
      description: 'Restore the table with this key (docs/deploy.md, runbook)',
    });
    new CfnOutput(this, 'UserPoolId', {
      value: this.userPool.userPoolId,
      description: 'For npm run ops -- add-therapist and the Cognito console',
    });
    new CfnOutput(this, 'PortalClientId', { value: this.portalClient.userPoolClientId });
    new CfnOutput(this, 'EventBusName', {
      value: this.bus.eventBusName,
      description: 'Domain events for your integrations (source "afterword")',
    });
  }

  /** SES receives for the domain (after its MX record and rule set activation: docs/deploy.md), scans it, and publishes it whole to a topic. */
  private receiveMail(inboundDomain: string): Topic {
    const topic = new Topic(this, 'Inbound', { masterKey: this.key, enforceSSL: true });
    const rules = new ReceiptRuleSet(this, 'Receiving');
    allowToPublish(
      topic,
      'SesReceiptRulePublishes',
      'ses.amazonaws.com',
      this.formatArn({
        service: 'ses',
        resource: 'receipt-rule-set',
        resourceName: `${rules.receiptRuleSetName}:receipt-rule/*`,
      }),
    );
    const rule = rules.addRule('Replies', {
      recipients: [inboundDomain],
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [new SnsAction({ topic, encoding: EmailEncoding.BASE64 })],
    });
    // SES checks that it may publish to the topic when the rule is created.
    rule.node.addDependency(topic.node.findChild('Policy'));
    // SES receives only for a domain it has verified.
    const identity = new EmailIdentity(this, 'InboundIdentity', { identity: Identity.domain(inboundDomain) });
    identity.dkimRecords.forEach(
      (record, i) =>
        new CfnOutput(this, `InboundDkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: 'Add to verify the inbound domain',
        }),
    );
    new CfnOutput(this, 'InboundMxRecord', {
      value: `${inboundDomain} MX 10 inbound-smtp.${this.region}.amazonaws.com`,
    });
    new CfnOutput(this, 'ReceiptRuleSetName', {
      value: rules.receiptRuleSetName,
      description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
    });
    return topic;
  }

  private share(values: Partial<Record<SharedValue, string>>) {
    for (const [name, value] of Object.entries(values) as [SharedValue, string][]) {
      new StringParameter(this, `Shared-${name}`, {
        parameterName: parameterName(name),
        stringValue: value,
        description: `Afterword: ${name}, read by the API stack at deploy time`,
      });
    }
  }
}
