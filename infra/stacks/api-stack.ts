/**
 * The stateless part: the functions, the HTTP API built from the same route table the
 * local server uses, Cognito for therapists, the dispatcher's schedule, SES feedback
 * handling and the alarms. Everything stateful comes in by props from StatefulStack.
 */
import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AccountRecovery, Mfa, OAuthScope, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { ROUTES, type FunctionName } from '../../functions/http/routes.js';
import { ServiceFunction } from '../constructs/service-function.js';

export interface ApiStackProps extends StackProps {
  key: IKey;
  table: ITable;
  bus: IEventBus;
  identity: IEmailIdentity;
  configurationSet: IConfigurationSet;
  feedbackTopic: ITopic;
  alarmTopic: ITopic;
  /** With inbound mail set up: the topic received replies arrive on, and their domain. */
  inbound?: { topic: ITopic; domain: string } | undefined;
  senderDomain: string;
  publicBaseUrl: string;
  domainName?: string | undefined;
  certificateArn?: string | undefined;
  rateLimit?: number | undefined;
  /** Prefix of the Cognito managed-login domain (<prefix>.auth.<region>.amazoncognito.com). */
  cognitoDomainPrefix: string;
}

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<FunctionName | 'dispatcher' | 'ses-feedback', ServiceFunction> & { 'inbound-email'?: ServiceFunction };

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const from = `Afterword <no-reply@${props.senderDomain}>`;
    const common = {
      key: props.key,
      environment: { PUBLIC_BASE_URL: props.publicBaseUrl, ...(props.inbound ? { INBOUND_DOMAIN: props.inbound.domain } : {}) },
    };
    const make = (entry: string, extra: Partial<ConstructorParameters<typeof ServiceFunction>[2]> = {}) =>
      new ServiceFunction(this, entry, { ...common, entry, ...extra });
    const withData = (f: ServiceFunction) =>
      f.bindTable(props.table, 'readwrite').bindMail(props.identity.emailIdentityArn, props.configurationSet.configurationSetName, from).bindEvents(props.bus);

    this.functions = {
      'therapist-api': withData(make('therapist-api')),
      'client-api': withData(make('client-api')),
      'client-pages': withData(make('client-pages')),
      health: make('health', { memorySize: 256 }),
      web: make('web', { memorySize: 256, copyDirectory: 'web' }),
      dispatcher: withData(make('dispatcher', { async: true, timeout: Duration.seconds(60), reservedConcurrency: 2 })),
      'ses-feedback': make('ses-feedback', { async: true, reservedConcurrency: 5 }).bindTable(props.table, 'readwrite').bindEvents(props.bus),
    };

    // --- Clients may send an update by replying to an email, when inbound mail is set up. ---
    if (props.inbound) {
      const inbound = withData(make('inbound-email', { async: true, reservedConcurrency: 5 }));
      this.functions['inbound-email'] = inbound;
      props.inbound.topic.addSubscription(new LambdaSubscription(inbound.fn, { deadLetterQueue: inbound.failures }));
    }

    // --- Therapists sign in with Cognito; API Gateway verifies their ID token. ---
    const userPool = new UserPool(this, 'Therapists', {
      selfSignUpEnabled: false, // a practice admin invites each therapist
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
    });
    for (const id of ['AwsSolutions-COG3', 'AwsSolutions-COG8']) {
      Validations.of(userPool).acknowledge({ id, reason: 'Threat protection needs the Plus feature plan (a per-user cost); MFA is required for every therapist instead.' });
    }
    // The portal signs in with Cognito's managed login (authorization code + PKCE, no secret in the browser).
    const portalUrl = `${props.publicBaseUrl}/portal`;
    const portalClient = userPool.addClient('Portal', {
      authFlows: { userSrp: true },
      generateSecret: false,
      idTokenValidity: Duration.hours(1),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [portalUrl],
        logoutUrls: [portalUrl],
      },
    });
    const signInDomain = userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } });
    this.functions.web.fn.addEnvironment('COGNITO_DOMAIN', signInDomain.baseUrl());
    this.functions.web.fn.addEnvironment('COGNITO_CLIENT_ID', portalClient.userPoolClientId);
    const authorizer = new HttpUserPoolAuthorizer('TherapistAuthorizer', userPool, { userPoolClients: [portalClient] });

    // --- The HTTP API, route by route from the shared table. ---
    this.api = new HttpApi(this, 'Api', { createDefaultStage: false, description: 'Afterword public HTTP API' });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.fn}-integration`, this.functions[route.fn].fn);
        integrations.set(route.fn, integration);
      }
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(route.access === 'therapist' ? { authorizer } : {}),
      });
    }
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, encryptionKey: props.key });
    const rate = props.rateLimit ?? 50;
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route templates only ("GET /c/{token}"), never raw paths: client links stay out of logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationMs: '$context.integrationLatency',
            time: '$context.requestTime',
          }),
        ),
      },
      ...(props.domainName && props.certificateArn
        ? {
            domainMapping: {
              domainName: new DomainName(this, 'Domain', {
                domainName: props.domainName,
                certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
              }),
            },
          }
        : {}),
    });
    for (const route of ROUTES.filter((r) => r.access !== 'therapist')) {
      const node = this.api.node.tryFindChild(`${route.method}${route.path}`);
      if (node) {
        Validations.of(node).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: route.access === 'client-link' ? 'Authorized by the capability token in the path (256 random bits, checked by hash in the function).' : 'Health check: public by design, reads nothing.',
        });
        Validations.of(node).acknowledge({ id: 'AwsSolutions-COG4', reason: 'Clients have no accounts; see APIG4.' });
      }
    }

    // --- The dispatcher runs every minute; a missed run is caught up by the next. ---
    new Rule(this, 'DispatchEveryMinute', {
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.functions.dispatcher.fn, { retryAttempts: 2, deadLetterQueue: this.functions.dispatcher.failures })],
    });

    // --- SES bounces and complaints suppress the address. ---
    props.feedbackTopic.addSubscription(new LambdaSubscription(this.functions['ses-feedback'].fn, { deadLetterQueue: this.functions['ses-feedback'].failures }));

    // --- Alarms, to the topic whose address is a deploy parameter. ---
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) =>
      new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new SnsAction(props.alarmTopic));

    for (const [name, f] of Object.entries(this.functions)) {
      alarm(`${name}-errors`, f.fn.metricErrors({ period: Duration.minutes(5) }), 1, `The ${name} function failed.`);
      if (f.failures) {
        alarm(`${name}-dead-letters`, f.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, `Events for ${name} failed every retry.`);
      }
      // Emails that could not be sent after every retry (logged by the dispatcher as job.dead-lettered).
      new MetricFilter(this, `${name}-undeliverable`, {
        logGroup: f.logGroup,
        filterPattern: FilterPattern.stringValue('$.event', '=', 'job.dead-lettered'),
        metricNamespace: 'Afterword',
        metricName: 'UndeliverableJobs',
        metricValue: '1',
      });
    }
    for (const [name, f] of Object.entries(this.functions)) {
      // Anything logged at error level (failed housekeeping, unexpected 500s) is worth a look.
      new MetricFilter(this, `${name}-error-lines`, {
        logGroup: f.logGroup,
        filterPattern: FilterPattern.stringValue('$.level', '=', 'error'),
        metricNamespace: 'Afterword',
        metricName: 'ErrorLogLines',
        metricValue: '1',
      });
      new MetricFilter(this, `${name}-unpublished`, {
        logGroup: f.logGroup,
        filterPattern: FilterPattern.stringValue('$.event', '=', 'events.publish-failed'),
        metricNamespace: 'Afterword',
        metricName: 'UnpublishedEvents',
        metricValue: '1',
      });
    }
    alarm('error-log-lines', new Metric({ namespace: 'Afterword', metricName: 'ErrorLogLines', statistic: 'Sum', period: Duration.minutes(5) }), 1, 'A function logged an error (see its log group).');
    alarm('unpublished-events', new Metric({ namespace: 'Afterword', metricName: 'UnpublishedEvents', statistic: 'Sum', period: Duration.minutes(5) }), 1, 'Domain events could not be put on the event bus.');
    alarm('undeliverable-jobs', new Metric({ namespace: 'Afterword', metricName: 'UndeliverableJobs', statistic: 'Sum', period: Duration.minutes(5) }), 1, 'An email or scheduled job failed every retry and was dead-lettered.');
    const ses = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm('ses-bounce-rate', ses('Reputation.BounceRate'), 0.05, 'SES bounce rate reached 5% (SES reviews accounts at 5%, pauses at 10%).');
    alarm('ses-complaint-rate', ses('Reputation.ComplaintRate'), 0.001, 'SES complaint rate reached 0.1% (SES reviews accounts at 0.1%).');
  }
}
