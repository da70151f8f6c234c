/**
 * One Lambda function with our defaults, so every function is the same kind of thing:
 * Node.js 22 on arm64, bundled by esbuild (minified, with source maps), its own encrypted
 * log group with a retention, its own role with nothing but what `bind*` grants, and, for
 * functions invoked asynchronously, failed events kept in an encrypted queue.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type CfnLogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { TABLE } from '../../shared/adapters/dynamodb/table-design.js';
import { BUNDLING } from '../bundling.js';

export interface ServiceFunctionProps {
  /** File name under functions/, without extension, e.g. "therapist-api". */
  entry: string;
  key: IKey;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Invoked asynchronously (schedule, SNS): failed events go to an on-failure queue. */
  async?: boolean;
  /** Caps concurrent executions so one runaway caller cannot exhaust the account. */
  reservedConcurrency?: number;
  /** A folder of the repository to ship beside the bundle (static files read at run time). */
  copyDirectory?: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** The DynamoDB actions our store uses, and nothing else (no Scan, no batch writes). */
const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  /** A customer-managed policy, not an inline one: every grant of this function is in it. */
  readonly permissions: ManagedPolicy;
  readonly logGroup: LogGroup;
  readonly failures?: Queue;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.permissions = new ManagedPolicy(this, 'Permissions', { roles: [this.role] });
    // Instead of the AWS managed basic-execution policy: write to this function's log group only.
    this.permissions.addStatements(
      new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn, `${this.logGroup.logGroupArn}:*`] }),
      // Exactly what the SDK needs to read and write through the customer-managed key.
      new PolicyStatement({ actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [props.key.keyArn] }),
    );
    const logGroupId = Stack.of(this).getLogicalId(this.logGroup.node.defaultChild as CfnLogGroup);
    Validations.of(this.permissions).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logGroupId}.Arn>:*]`,
      reason: 'The only wildcard is the log streams of this function’s own log group, whose names Lambda chooses at run time.',
    });
    if (props.async) {
      this.failures = new Queue(this, 'Failures', {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: props.key,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.failures).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the on-failure destination (dead-letter queue) of the function.' });
    }
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(ROOT, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      environmentEncryption: props.key,
      reservedConcurrentExecutions: props.reservedConcurrency,
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      bundling: {
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        target: BUNDLING.target,
        format: OutputFormat.CJS,
        mainFields: [...BUNDLING.mainFields],
        // Bundle the SDK too: measured to load faster than the runtime's copy, and pinned.
        externalModules: [],
        ...(props.copyDirectory
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [`cp -R "${inputDir}/${props.copyDirectory}" "${outputDir}/${props.copyDirectory}"`],
              },
            }
          : {}),
      },
      ...(props.async && this.failures ? { deadLetterQueue: this.failures, retryAttempts: 2 } : {}),
    });
    const lambdaDefaultPolicy = this.role.node.tryFindChild('DefaultPolicy');
    if (lambdaDefaultPolicy) {
      Validations.of(lambdaDefaultPolicy).acknowledge({
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason: 'Lambda itself adds sqs:SendMessage on this function’s own dead-letter queue to the role’s default policy; that one statement is all it holds. Every other grant is in the managed policy.',
      });
    }
    Validations.of(this.fn).acknowledge({ id: 'AwsSolutions-L1', reason: 'Node.js 22 is the runtime the service is specified and tested for; moving to 24 is a deliberate upgrade, not a default.' });
    Validations.of(this.fn).acknowledge({ id: 'HIPAA.Security-LambdaInsideVPC', reason: 'The function reaches only AWS APIs (DynamoDB, SES, EventBridge) over TLS with IAM auth; no private network resources exist to place it beside.' });
    if (!props.async) {
      Validations.of(this.fn).acknowledge({ id: 'HIPAA.Security-LambdaDLQ', reason: 'Invoked synchronously by API Gateway: the caller receives every failure, so there is no event to dead-letter.' });
    }
    if (props.reservedConcurrency === undefined) {
      Validations.of(this.fn).acknowledge({ id: 'HIPAA.Security-LambdaConcurrency', reason: 'API functions are bounded by the HTTP API stage throttle instead of reserved concurrency, which would also reserve capacity away from the account.' });
    }
  }

  /** Least-privilege table access in one call: exactly the actions the store uses, on the table and its two indexes. */
  bindTable(table: ITable, access: 'read' | 'readwrite') {
    const actions = access === 'read' ? TABLE_ACTIONS.read : [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write];
    const indexArns = Object.values(TABLE.indexes).map((i) => `${table.tableArn}/index/${i.name}`);
    this.permissions.addStatements(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [table.tableArn, ...indexArns] }));
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /** Permission to put events on this one bus, and its name in the environment. */
  bindEvents(bus: IEventBus) {
    this.permissions.addStatements(new PolicyStatement({ actions: ['events:PutEvents'], resources: [bus.eventBusArn] }));
    this.fn.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    return this;
  }

  /** Permission to send as the service's identity through its configuration set only. */
  bindMail(identityArn: string, configurationSetName: string, from: string) {
    const stack = Stack.of(this);
    this.permissions.addStatements(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identityArn, stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName })],
      }),
    );
    this.fn.addEnvironment('MAIL_FROM', from);
    this.fn.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
    return this;
  }
}
