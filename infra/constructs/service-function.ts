/**
 * One Lambda function with our defaults, built from its entry in functions/needs.ts: Node.js
 * 22 on arm64, bundled by esbuild, its own encrypted log group with a retention, its own role
 * whose one managed policy holds exactly what its needs imply, the environment its config
 * reads, and, for functions invoked asynchronously, failed events kept in an encrypted queue.
 * Nothing here is granted by hand: change the needs, and grants and environment follow.
 */
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  environmentNames,
  isAsync,
  type FunctionName,
  type FunctionNeeds,
  type NeedVariable,
} from '../../functions/needs.js';
import { TABLE } from '../../shared/adapters/dynamodb/table-design.js';
import { DIRECTORY_ACTIONS, STREAM_ACTIONS, TABLE_ACTIONS } from './actions.js';
import { codeFor } from './function-code.js';

/**
 * The deployment's resources a need can point at (all resolved at deploy time). A stack wires
 * what its functions' needs point at: the API stack all of it, the data stack (whose only
 * function is the user pool's message trigger) the key and the public URL.
 */
export interface Wiring {
  key: IKey;
  table?: { name: string; arn: string; streamArn: string } | undefined;
  mail?: { fromAddress: string; fromName: string; configurationSetName: string } | undefined;
  bus?: { name: string; arn: string } | undefined;
  publicBaseUrl: string;
  /** Set when the deployment receives mail for updates by email. */
  inboundDomain?: string | undefined;
  signIn?: { url: string; clientId: string } | undefined;
  /** The therapists' user pool. */
  userPool?: { id: string; arn: string } | undefined;
  /** Reserve each background function's `reservedConcurrency` (off by default, see infra/config.ts). */
  reserveConcurrency: boolean;
}

export class ServiceFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  /** A customer-managed policy, not an inline one: every grant of this function is in it. */
  readonly permissions: ManagedPolicy;
  readonly logGroup: LogGroup;
  readonly failures?: Queue;

  constructor(
    scope: Construct,
    readonly name: FunctionName,
    readonly needs: FunctionNeeds,
    wiring: Wiring,
  ) {
    super(scope, name);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      encryptionKey: wiring.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Afterword ${name}: only what functions/needs.ts declares`,
    });
    if (isAsync(needs)) {
      this.failures = new Queue(this, 'Failures', {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: wiring.key,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.failures).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the on-failure destination (dead-letter queue) of the function.',
      });
    }
    this.permissions = new ManagedPolicy(this, 'Permissions', {
      roles: [this.role],
      statements: this.statements(wiring),
    });
    if (needs.sendingLimits) {
      Validations.of(this.permissions).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'ses:GetAccount has no resource type: it reads this account’s own sending rate, and nothing else.',
      });
    }
    if (needs.mail) {
      // cdk-nag names the resource as synthesized: pseudo parameters in <>, a known region or account as is.
      const stack = Stack.of(this);
      const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
      Validations.of(this.permissions).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}:identity/*]`,
        reason:
          'In the SES sandbox SES also authorizes each recipient’s identity; the statement only allows mail whose From is the service’s own address (ses:FromAddress).',
      });
    }
    const reserved = wiring.reserveConcurrency ? needs.reservedConcurrency : undefined;
    this.fn = new LambdaFunction(this, 'Function', {
      code: codeFor(name, needs),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: needs.memoryMb,
      timeout: Duration.seconds(needs.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...this.environment(wiring) },
      environmentEncryption: wiring.key,
      reservedConcurrentExecutions: reserved,
      // Asynchronous invocations keep what fails in the queue; for the stream its mapping does (api-stack.ts).
      ...(this.failures && needs.trigger !== 'table-stream'
        ? { deadLetterQueue: this.failures, retryAttempts: 2 }
        : {}),
    });
    // Nothing may invoke the function (the schedule fires within a minute) before its grants exist.
    this.fn.node.addDependency(this.permissions);
    this.acknowledge(reserved);
  }

  /** Exactly the environment functions/config.ts reads for these needs. */
  private environment(wiring: Wiring): Partial<Record<NeedVariable, string>> {
    const table = () => this.wired(wiring.table, 'table');
    const mail = () => this.wired(wiring.mail, 'mail');
    const signIn = () => this.wired(wiring.signIn, 'signIn');
    const values: Record<NeedVariable, () => string | undefined> = {
      TABLE_NAME: () => table().name,
      MAIL_FROM: () => `${mail().fromName} <${mail().fromAddress}>`,
      SES_CONFIGURATION_SET: () => mail().configurationSetName,
      EVENT_BUS_NAME: () => this.wired(wiring.bus, 'events').name,
      PUBLIC_BASE_URL: () => wiring.publicBaseUrl,
      INBOUND_DOMAIN: () => wiring.inboundDomain,
      COGNITO_DOMAIN: () => signIn().url,
      COGNITO_CLIENT_ID: () => signIn().clientId,
      USER_POOL_ID: () => this.wired(wiring.userPool, 'directory').id,
    };
    return Object.fromEntries(
      environmentNames(this.needs, Boolean(wiring.inboundDomain)).map((name) => [name, values[name]()]),
    );
  }

  /** What a need points at; a need its stack does not wire is a mistake, said plainly at synth. */
  private wired<T>(part: T | undefined, need: string): T {
    if (part === undefined)
      throw new Error(
        `${this.name} declares \`${need}\`, which ${Stack.of(this).stackName} does not wire for its functions.`,
      );
    return part;
  }

  /** Least privilege, from the needs: each statement exists because a need asks for it. */
  private statements(wiring: Wiring): PolicyStatement[] {
    const { needs } = this;
    const stack = Stack.of(this);
    const statements = [
      // Instead of the AWS managed basic-execution policy: write to this function's log group
      // only. Its ARN (as CloudFormation gives it) already ends in ":*", covering its streams.
      new PolicyStatement({
        sid: 'OwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
      // The environment is encrypted with the data key; the table (and its stream) and the dead-letter queue too.
      new PolicyStatement({
        sid: 'DataKey',
        actions: [
          'kms:Decrypt',
          ...(needs.table || isAsync(needs) ? ['kms:GenerateDataKey'] : []),
          ...(needs.table ? ['kms:Encrypt', 'kms:DescribeKey'] : []),
        ],
        resources: [wiring.key.keyArn],
      }),
    ];
    statements.push(...this.tableStatements(wiring));
    if (needs.mail) {
      const mail = this.wired(wiring.mail, 'mail');
      statements.push(
        new PolicyStatement({
          sid: 'SendAsTheService',
          actions: ['ses:SendEmail'],
          // identity/*: in the SES sandbox each recipient's identity is authorized too. The From
          // condition keeps it to the service's own address, and the configuration set to ours.
          resources: [
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
            stack.formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: mail.configurationSetName,
            }),
          ],
          conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
        }),
      );
    }
    // GetAccount names no resource (it reads the account's own quota), so IAM only takes "*".
    if (needs.sendingLimits)
      statements.push(new PolicyStatement({ sid: 'ReadSendingRate', actions: ['ses:GetAccount'], resources: ['*'] }));
    if (needs.trigger === 'table-stream') {
      const { streamArn } = this.wired(wiring.table, 'table');
      statements.push(
        new PolicyStatement({ sid: 'TableStream', actions: STREAM_ACTIONS, resources: [streamArn] }),
        // The mapping sends batches that failed every retry to this queue, as the function's role.
        new PolicyStatement({
          sid: 'FailedBatches',
          actions: ['sqs:SendMessage'],
          resources: [this.failures!.queueArn],
        }),
      );
    }
    if (needs.events)
      statements.push(
        new PolicyStatement({
          sid: 'PutDomainEvents',
          actions: ['events:PutEvents'],
          resources: [this.wired(wiring.bus, 'events').arn],
        }),
      );
    // A practice admin's invitations and removals: the five commands, on the therapists' pool only.
    if (needs.directory)
      statements.push(
        new PolicyStatement({
          sid: 'TherapistDirectory',
          actions: DIRECTORY_ACTIONS,
          resources: [this.wired(wiring.userPool, 'directory').arn],
        }),
      );
    return statements;
  }

  /** The table (read or read-write) and the indexes it queries, when the function has the table need. */
  private tableStatements(wiring: Wiring): PolicyStatement[] {
    if (!this.needs.table) return [];
    const { access, indexes } = this.needs.table;
    const table = this.wired(wiring.table, 'table');
    const statements = [
      new PolicyStatement({
        sid: 'Table',
        actions: access === 'read' ? TABLE_ACTIONS.read : [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write],
        resources: [table.arn],
      }),
    ];
    if (indexes.length)
      statements.push(
        new PolicyStatement({
          sid: 'Indexes',
          actions: ['dynamodb:Query'],
          resources: indexes.map((i) => `${table.arn}/index/${TABLE.indexes[i].name}`),
        }),
      );
    return statements;
  }

  private acknowledge(reserved: number | undefined) {
    const lambdaDefaultPolicy = this.role.node.tryFindChild('DefaultPolicy');
    if (lambdaDefaultPolicy) {
      Validations.of(lambdaDefaultPolicy).acknowledge({
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'Lambda itself adds sqs:SendMessage on this function’s own dead-letter queue to the role’s default policy; that one statement is all it holds. Every other grant is in the managed policy.',
      });
    }
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the service is specified and tested for; moving to 24 is a deliberate upgrade, not a default.',
    });
    Validations.of(this.fn).acknowledge({
      id: 'HIPAA.Security-LambdaInsideVPC',
      reason:
        'The function reaches only AWS APIs (DynamoDB, SES, EventBridge, Cognito) over TLS with IAM auth, or nothing at all; no private network resources exist to place it beside.',
    });
    if (!isAsync(this.needs) || this.needs.trigger === 'table-stream') {
      Validations.of(this.fn).acknowledge({
        id: 'HIPAA.Security-LambdaDLQ',
        reason: isAsync(this.needs)
          ? 'Invoked by the table stream’s event source mapping, whose on-failure destination is this function’s Failures queue; a function-level DLQ only serves asynchronous invocations, which this function never gets.'
          : this.needs.trigger === 'user-pool-message'
            ? 'Invoked synchronously by Cognito, which waits for the answer: the admin’s invitation fails with the error, so there is no event to dead-letter.'
            : 'Invoked synchronously by API Gateway: the caller receives every failure, so there is no event to dead-letter.',
      });
    }
    if (reserved === undefined) {
      Validations.of(this.fn).acknowledge({
        id: 'HIPAA.Security-LambdaConcurrency',
        reason:
          'A new account has 10 unreserved executions and Lambda must keep them, so reservations would fail the first deploy; API functions are bounded by the stage throttle, and -c reserveConcurrency=true reserves for the background functions where the account allows.',
      });
    }
  }
}
