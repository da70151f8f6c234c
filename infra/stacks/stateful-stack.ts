/**
 * What must outlive any deployment: the table (and the key that encrypts it), the event
 * bus, the SES sending identity and configuration set, and the alarm topic. Stateless
 * functions live in the API stack and receive these by props.
 */
import { CfnOutput, CfnParameter, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailIdentity, EmailSendingEvent, EventDestination, Identity, ReceiptRuleSet, SuppressionReasons, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { EmailEncoding, Sns as SnsAction } from 'aws-cdk-lib/aws-ses-actions';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { TABLE } from '../../shared/adapters/dynamodb/table-design.js';

export interface StatefulStackProps extends StackProps {
  senderDomain: string;
  /** Optional: the domain whose mail SES receives, so clients can send updates by replying. */
  inboundDomain?: string | undefined;
}

export class StatefulStack extends Stack {
  readonly key: Key;
  readonly table: Table;
  readonly bus: EventBus;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly feedbackTopic: Topic;
  readonly alarmTopic: Topic;
  /** Mail received for the inbound domain, raw message included (only when it is configured). */
  readonly inboundTopic?: Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.key = new Key(this, 'DataKey', {
      description: 'Afterword: encrypts the table, logs, queues, topics and function environments',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs, SES and SNS/CloudWatch alarms use the key for log groups and topics.
    this.key.grantEncryptDecrypt(new ServicePrincipal(`logs.${this.region}.amazonaws.com`));
    this.key.grantEncryptDecrypt(new ServicePrincipal('ses.amazonaws.com'));
    this.key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    this.key.grantEncryptDecrypt(new ServicePrincipal('events.amazonaws.com'));

    const { byTherapist, due } = TABLE.indexes;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TABLE.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of [byTherapist, due]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason: 'Point-in-time recovery (35 days, to the second) is on and deletion protection is on; a separate AWS Backup plan would duplicate it.',
    });

    this.bus = new EventBus(this, 'Events', { eventBusName: `${id}-events`, kmsKey: this.key });

    this.feedbackTopic = new Topic(this, 'SesFeedback', { masterKey: this.key, enforceSSL: true });
    this.configurationSet = new ConfigurationSet(this, 'Sending', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ConfigurationSetEventDestination(this, 'Feedback', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.feedbackTopic.grantPublish(new ServicePrincipal('ses.amazonaws.com'));
    this.identity = new EmailIdentity(this, 'Sender', {
      identity: Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
      mailFromDomain: `bounce.${props.senderDomain}`,
    });

    if (props.inboundDomain) {
      // SES receives for the domain (MX record, and this rule set made active: see README),
      // scans it, and publishes it whole (base64, up to 150 KB) to a topic the API stack reads.
      this.inboundTopic = new Topic(this, 'Inbound', { masterKey: this.key, enforceSSL: true });
      this.inboundTopic.grantPublish(new ServicePrincipal('ses.amazonaws.com'));
      const rules = new ReceiptRuleSet(this, 'Receiving');
      rules.addRule('Replies', {
        recipients: [props.inboundDomain],
        scanEnabled: true,
        tlsPolicy: TlsPolicy.REQUIRE,
        actions: [new SnsAction({ topic: this.inboundTopic, encoding: EmailEncoding.BASE64 })],
      });
      new CfnOutput(this, 'ReceiptRuleSetName', { value: rules.receiptRuleSetName });
    }

    this.alarmTopic = new Topic(this, 'Alarms', { masterKey: this.key, enforceSSL: true });
    // A deploy parameter, so the address is set at `cdk deploy --parameters AlarmEmail=…` time.
    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      description: 'Who is emailed when an alarm fires (errors, undeliverable mail, bounce or complaint rates)',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    });
    new Subscription(this, 'AlarmEmailSubscription', { topic: this.alarmTopic, protocol: SubscriptionProtocol.EMAIL, endpoint: alarmEmail.valueAsString });

    // The DNS records a practice adds to verify the domain (DKIM) and its MAIL FROM.
    this.identity.dkimRecords.forEach((record, i) => new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}` }));
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
