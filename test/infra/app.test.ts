/**
 * The CDK app, synthesized offline exactly as `cdk deploy` would (functions bundled by
 * esbuild), then checked: the important properties by assertion, and cdk-nag's AWS
 * Solutions and HIPAA Security packs with no unacknowledged finding.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.js';
import { buildApp } from '../../infra/app.js';

const context = { senderDomain: 'mail.example.org', publicBaseUrl: 'https://afterword.example.org', cognitoDomainPrefix: 'example-afterword', inboundDomain: 'reply.example.org' };

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string }[] }[];
}

describe('the CDK app', () => {
  let data: Template;
  let api: Template;
  let report: ValidationReport;
  let outdir: string;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'afterword-cdk-'));
    const built = buildApp({ outdir, context });
    built.app.synth(); // throws if cdk-nag reports an unacknowledged finding
    report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
    data = Template.fromStack(built.stateful);
    api = Template.fromStack(built.api);
  }, 120_000);

  it('passes cdk-nag AwsSolutions and HIPAA Security with no unacknowledged finding', () => {
    const failures = report.pluginReports.flatMap((p) => p.violations.map((v) => `${p.pluginName}: ${v.ruleName}`));
    expect(failures).toEqual([]);
  });

  it('keeps the table safe: customer-managed key, point-in-time recovery, deletion protection, TTL, both indexes', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byTherapist' }), Match.objectLike({ IndexName: 'due' })],
    });
    data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('creates the event bus, the SES identity with its configuration set, and an alarm topic whose address is a parameter', () => {
    data.resourceCountIs('AWS::Events::EventBus', 1);
    data.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.org', ConfigurationSetAttributes: Match.anyValue() });
    data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']), SnsDestination: Match.anyValue() }),
    });
    data.hasParameter('AlarmEmail', { Type: 'String' });
    data.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } });
  });

  it('runs every function on Node.js 22, arm64, with a log retention', () => {
    const functions = api.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(8);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    }
    api.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90, KmsKeyId: Match.anyValue() });
  });

  it('gives async functions a dead-letter queue and alarms on its depth', () => {
    const withDlq = Object.values(api.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.DeadLetterConfig);
    expect(withDlq).toHaveLength(3);
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', AlarmActions: Match.anyValue() });
  });

  it('grants least privilege: no wildcard actions, no Scan, no table-wide write API beyond what the store uses', () => {
    const statements = Object.values(api.findResources('AWS::IAM::ManagedPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:BatchWriteItem');
    expect(new Set(actions.filter((a) => a.startsWith('dynamodb:')))).toEqual(
      new Set(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
  });

  it('builds exactly the routes of the shared route table, JWT-protected for therapists only', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties as { RouteKey: string; AuthorizationType?: string });
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      expect(`${deployed.RouteKey} ${deployed.AuthorizationType ?? 'NONE'}`).toBe(`${deployed.RouteKey} ${route.access === 'therapist' ? 'JWT' : 'NONE'}`);
    }
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    api.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
  });

  it('throttles the stage and logs route templates, never raw paths that hold client links', () => {
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    const format = stage.AccessLogSettings.Format as string;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toMatch(/\$context\.(path|resourcePath)|rawPath/);
  });

  it('runs the dispatcher every minute', () => {
    api.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^dispatcherFunction'), 'Arn'] }, DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('alarms on function errors, undeliverable emails and SES bounce and complaint rates', () => {
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as { MetricName: string; AlarmActions: unknown[] });
    expect(alarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(8);
    expect(alarms.map((a) => a.MetricName)).toEqual(expect.arrayContaining(['UndeliverableJobs', 'UnpublishedEvents', 'Reputation.BounceRate', 'Reputation.ComplaintRate']));
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    api.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.event = "job.dead-lettered" }' });
  });

  it('lets the functions that publish put events on the bus, and nothing else', () => {
    const statements = Object.values(api.findResources('AWS::IAM::ManagedPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const putEvents = statements.filter((s) => s.Action === 'events:PutEvents');
    expect(putEvents).toHaveLength(6);
    const functions = Object.values(api.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.EVENT_BUS_NAME);
    expect(functions).toHaveLength(6);
  });

  it('ships the portal files beside the web function’s bundle, and gives it the Cognito sign-in settings', () => {
    const [web] = Object.values(api.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.COGNITO_CLIENT_ID);
    expect(web).toBeDefined();
    const asset = (web!.Properties.Code.S3Key as string).replace(/\.zip$/, '');
    expect(existsSync(join(outdir, `asset.${asset}`, 'web', 'portal', 'index.html'))).toBe(true);
    expect(existsSync(join(outdir, `asset.${asset}`, 'web', 'assets', 'counter.js'))).toBe(true);
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://afterword.example.org/portal'],
      GenerateSecret: false,
    });
  });

  it('receives replies for the inbound domain, scanned, over TLS, into the inbound-email function', () => {
    data.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: ['reply.example.org'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [{ SNSAction: Match.objectLike({ Encoding: 'Base64' }) }],
      }),
    });
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^inboundemailFunction'), 'Arn'] } });
    const withInbound = Object.values(api.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.INBOUND_DOMAIN === 'reply.example.org');
    expect(withInbound.length).toBeGreaterThanOrEqual(5);
  });

  it('subscribes the SES feedback handler to bounces and complaints', () => {
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^sesfeedbackFunction'), 'Arn'] } });
  });
});

describe('the CDK app’s guard rails', () => {
  it('stops synthesis with a clear message when a deploy setting is missing', () => {
    expect(() => buildApp({ outdir: mkdtempSync(join(tmpdir(), 'afterword-cdk-')), context: { senderDomain: 'mail.example.org', cognitoDomainPrefix: 'x' } })).toThrow(/publicBaseUrl/);
  });

  it('synthesizes cleanly without the optional inbound mail, leaving its pieces out', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'afterword-cdk-'));
    const withoutInbound: Record<string, string> = { ...context };
    delete withoutInbound.inboundDomain;
    const built = buildApp({ outdir, context: withoutInbound });
    built.app.synth();
    expect(Template.fromStack(built.stateful).findResources('AWS::SES::ReceiptRule')).toEqual({});
    const functions = Template.fromStack(built.api).findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(7);
    expect(Object.values(functions).filter((f) => f.Properties.Environment?.Variables?.INBOUND_DOMAIN)).toEqual([]);
  }, 120_000);

  it('makes cdk-nag fail synthesis for a careless resource (so a clean run means something)', () => {
    const built = buildApp({ outdir: mkdtempSync(join(tmpdir(), 'afterword-cdk-')), context });
    new Queue(built.api, 'Careless');
    expect(() => built.app.synth()).toThrow(/AwsSolutions-SQS3/);
  }, 120_000);
});
