/**
 * The CDK app, synthesized offline exactly as `cdk deploy` would (functions bundled by
 * esbuild): cdk-nag's AWS Solutions and HIPAA Security packs with no unacknowledged
 * finding, the properties that keep data safe, and what makes a first deploy into a new
 * account work (no reserved concurrency, names within AWS limits, no blocking exports,
 * the outputs the README's deploy steps use). What the functions may do and what services
 * may deliver is proven by simulation in iam.test.ts and service-paths.test.ts.
 */
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { tableDefinition } from '../../shared/adapters/dynamodb/create-table.js';
import { FUNCTIONS, type FunctionName } from '../../functions/needs.js';
import { ROUTES } from '../../functions/http/routes.js';
import { buildApp } from '../../infra/app.js';
import { readDeployConfig } from '../../infra/config.js';
import { parameterName, SHARED_VALUES } from '../../infra/shared-values.js';
import { parseIndexList, planIndexes, PREVIOUS_RELEASE_INDEXES } from '../../infra/table-indexes.js';
import { decide, functionRole, lambdaPolicyOf } from '../support/iam.js';
import { DEPLOY_CONTEXT, stackOfFunction, synthesize, type Deployment } from '../support/templates.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string }[] }[];
}

/** AWS's limits on names we set ourselves (generated names are made to fit by CloudFormation). */
const NAME_RULES: { type: string; prop: string; max: number; pattern: RegExp }[] = [
  { type: 'AWS::Events::EventBus', prop: 'Name', max: 256, pattern: /^[/.\-_A-Za-z0-9]+$/ },
  { type: 'AWS::SSM::Parameter', prop: 'Name', max: 1011, pattern: /^\/[a-zA-Z0-9_.\-/]+$/ },
  { type: 'AWS::Cognito::UserPoolDomain', prop: 'Domain', max: 63, pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/ },
  { type: 'AWS::Cognito::UserPoolGroup', prop: 'GroupName', max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u },
  { type: 'AWS::Lambda::Function', prop: 'FunctionName', max: 64, pattern: /^[a-zA-Z0-9-_]+$/ },
  { type: 'AWS::IAM::Role', prop: 'RoleName', max: 64, pattern: /^[\w+=,.@-]+$/ },
  { type: 'AWS::SQS::Queue', prop: 'QueueName', max: 80, pattern: /^[a-zA-Z0-9_-]+$/ },
  { type: 'AWS::Events::Rule', prop: 'Name', max: 64, pattern: /^[.\-_A-Za-z0-9]+$/ },
  { type: 'AWS::SES::ConfigurationSet', prop: 'Name', max: 64, pattern: /^[a-zA-Z0-9_-]+$/ },
  { type: 'AWS::CloudWatch::Alarm', prop: 'AlarmName', max: 255, pattern: /^[^\u0000-\u001f]+$/ },
];

describe('the CDK app', () => {
  let d: Deployment;
  let report: ValidationReport;

  beforeAll(() => {
    d = synthesize(undefined, { bundle: true }); // throws if cdk-nag reports an unacknowledged finding
    report = JSON.parse(readFileSync(join(d.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  }, 180_000);

  // The report lists only packs with findings; the careless-resource test below shows both packs run.
  it('passes cdk-nag AwsSolutions and HIPAA Security with no unacknowledged finding', () => {
    expect(report.pluginReports.flatMap((p) => p.violations.map((v) => `${p.pluginName}: ${v.ruleName}`))).toEqual([]);
  });

  it('keeps the table safe: customer-managed key, point-in-time recovery, deletion protection, TTL, the same indexes as the local table, its stream, retained', () => {
    const [table] = d.data.resources('AWS::DynamoDB::Table');
    expect(table!.props).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
    // The same indexes, keys and projections as the table local mode and the tests run against.
    const local = tableDefinition('local');
    expect(table!.props.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(table!.props.KeySchema).toEqual(local.KeySchema);
    expect(table!.props.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions!));
    // Local mode's stream is the deployed one's kind, so the relay reads the same images in both.
    expect(local.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(table!.raw).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(d.data.resources('AWS::KMS::Key')[0]!.props.EnableKeyRotation).toBe(true);
  });

  it('keeps therapists’ accounts in the data stack, retained, so replacing the API never changes their ids', () => {
    const [pool] = d.data.resources('AWS::Cognito::UserPool');
    expect(pool!.raw).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(pool!.props).toMatchObject({
      DeletionProtection: 'ACTIVE',
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    expect(d.api.resources('AWS::Cognito::UserPool')).toEqual([]);
    expect(d.data.resources('AWS::Cognito::UserPoolGroup').map((g) => g.props.GroupName)).toEqual(['admin']);
  });

  it('invites a therapist in the practice’s words, with the portal address and both placeholders Cognito requires', () => {
    const built = synthesize({ ...DEPLOY_CONTEXT, practiceName: 'Harbour Counselling & Care' });
    const invite = (
      built.data.resources('AWS::Cognito::UserPool')[0]!.props.AdminCreateUserConfig as {
        InviteMessageTemplate: { EmailSubject: string; EmailMessage: string };
      }
    ).InviteMessageTemplate;
    expect(invite.EmailSubject).toBe('Harbour Counselling & Care has invited you to Afterword');
    expect(invite.EmailMessage).toContain('Harbour Counselling &amp; Care has set up Afterword');
    expect(invite.EmailMessage).toContain('https://afterword.example.org/portal');
    expect(invite.EmailMessage).toContain('{username}');
    expect(invite.EmailMessage).toContain('{####}');
  }, 180_000);

  it('words each invitation for its practice with the pool’s message trigger, which Cognito alone may invoke and which may do nothing else', async () => {
    const [pool] = d.data.resources('AWS::Cognito::UserPool');
    const fnId = d.data.idAt('Afterword-Data/invitation-message/Function/Resource');
    const fnArn = d.data.arnOf(fnId);
    expect(pool!.props.LambdaConfig).toEqual({ CustomMessage: fnArn });
    // Beside the pool: the API stack has no trigger function, and the trigger has no table, no mail.
    expect(d.api.resources('AWS::Lambda::Function').map((f) => f.id)).not.toContain(fnId);
    const trigger = d.data.resources('AWS::Lambda::Function').find((f) => f.id === fnId)!;
    expect(Object.keys((trigger.props.Environment as { Variables: object }).Variables).sort()).toEqual([
      'NODE_OPTIONS',
      'PUBLIC_BASE_URL',
    ]);
    expect(trigger.props.Timeout).toBe(5);
    const role = functionRole(d.data, 'invitation-message');
    expect(role.policies.flatMap((p) => p.policy.Statement.map((st) => st.Sid))).toEqual(['OwnLogGroup', 'DataKey']);
    const elsewhere: [string, string][] = [
      ['dynamodb:GetItem', d.data.arnOf(d.data.resources('AWS::DynamoDB::Table')[0]!.id)],
      ['ses:SendEmail', 'arn:aws:ses:eu-west-2:111122223333:identity/mail.example.org'],
      ['cognito-idp:AdminGetUser', d.data.arnOf(pool!.id)],
    ];
    for (const [action, resource] of elsewhere)
      expect(
        await decide({ principal: role.roleArn, action, resource, identityPolicies: role.policies }),
        `${action} as the trigger`,
      ).toBe('ImplicitlyDenied');
    // Only Cognito may invoke it, and only for this pool.
    const invoke = (sourceArn: string) =>
      decide({
        principal: 'cognito-idp.amazonaws.com',
        action: 'lambda:InvokeFunction',
        resource: fnArn,
        resourcePolicy: lambdaPolicyOf(d.data, fnArn),
        context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': '111122223333' },
      });
    expect(await invoke(d.data.arnOf(pool!.id))).toBe('Allowed');
    expect(await invoke('arn:aws:cognito-idp:eu-west-2:111122223333:userpool/eu-west-2_SomeoneElses')).toBe(
      'ImplicitlyDenied',
    );
  });

  it('passes values between the stacks through SSM parameters, never exports that would block a later change', () => {
    for (const stack of [d.data, d.api]) {
      expect(JSON.stringify(stack.template)).not.toContain('Fn::ImportValue');
      expect(Object.values(stack.template.Outputs ?? {}).filter((o) => 'Export' in o)).toEqual([]);
    }
    const written = d.data.resources('AWS::SSM::Parameter').map((p) => p.props.Name);
    expect(written.sort()).toEqual(SHARED_VALUES.map(parameterName).sort());
    const read = Object.values(d.api.template.Parameters ?? {})
      .filter((p) => p.Type.startsWith('AWS::SSM') && p.Default?.startsWith('/afterword/'))
      .map((p) => p.Default);
    expect(read.length).toBeGreaterThan(8);
    expect(read.filter((name) => !written.includes(name))).toEqual([]);
  });

  it('reserves no concurrency unless asked, so a new account’s first deploy is not refused', () => {
    const reserved = (deployment: Deployment) =>
      Object.fromEntries(
        (Object.keys(FUNCTIONS) as FunctionName[]).map((fn) => {
          const stack = stackOfFunction(deployment, fn);
          const id = stack.idAt(`${stack.name}/${fn}/Function/Resource`);
          return [
            fn,
            stack.resources('AWS::Lambda::Function').find((r) => r.id === id)!.props.ReservedConcurrentExecutions,
          ];
        }),
      );
    expect(Object.values(reserved(d)).filter((v) => v !== undefined)).toEqual([]);
    const asked = synthesize({ ...DEPLOY_CONTEXT, reserveConcurrency: 'true' });
    expect(reserved(asked)).toMatchObject({
      dispatcher: 2,
      'ses-feedback': 5,
      'inbound-email': 5,
      'therapist-api': undefined,
    });
  }, 180_000);

  it('upgrades a table one index change per deploy, each synth one step from what the table has, as CloudFormation requires', () => {
    const gsis = (dep: Deployment) => {
      const list = z
        .array(z.looseObject({ IndexName: z.string() }))
        .parse(dep.data.resources('AWS::DynamoDB::Table')[0]!.props.GlobalSecondaryIndexes);
      return new Map(list.map((index) => [index.IndexName, JSON.stringify(index)]));
    };
    /** Indexes created, deleted or changed from one template to the next. */
    const changed = (from: Map<string, string>, to: Map<string, string>) =>
      [...new Set([...from.keys(), ...to.keys()])].filter((name) => from.get(name) !== to.get(name));
    const now = gsis(d);
    // The previous release's table (byTherapist and dueByShard as now): a plain deploy adds one index.
    const previous = new Map([...now].filter(([name]) => PREVIOUS_RELEASE_INDEXES.includes(name)));
    expect(changed(previous, now)).toEqual(['byPractice']);
    // The unsharded release's table: the same byTherapist, and `due` on the same keys, all attributes.
    const unsharded = JSON.stringify({
      IndexName: 'due',
      KeySchema: [
        { AttributeName: 'duePk', KeyType: 'HASH' },
        { AttributeName: 'dueSk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    let table = new Map([...now].filter(([name]) => name === 'byTherapist').concat([['due', unsharded]]));
    expect(changed(table, now)).toHaveLength(3); // one deploy would be refused
    // Each deploy says what the table has; its template is one change away, and names the next.
    const steps: string[][] = [];
    for (let said: string | undefined = [...table.keys()].join(','); said;) {
      const next = gsis(synthesize({ ...DEPLOY_CONTEXT, currentIndexes: said }));
      steps.push(changed(table, next));
      table = next;
      said = planIndexes(parseIndexList(said)).next?.join(',');
    }
    expect(steps).toEqual([['dueByShard'], ['byPractice'], ['due']]);
    expect(changed(table, now)).toEqual([]);
  }, 300_000);

  it('creates each function only after the policy holding its grants, so no first invocation is denied', () => {
    const missing: string[] = [];
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      const stack = stackOfFunction(d, fn);
      const resource = stack.template.Resources[stack.idAt(`${stack.name}/${fn}/Function/Resource`)]!;
      const policy = stack.idAt(`${stack.name}/${fn}/Permissions/Resource`);
      if (![resource.DependsOn].flat().includes(policy)) missing.push(fn);
    }
    // Lambda checks the role may read the stream when the mapping is created.
    const [mapping] = Object.values(d.api.template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping',
    );
    if (![mapping!.DependsOn].flat().includes(d.api.idAt('Afterword-Api/event-relay/Permissions/Resource')))
      missing.push('event-relay mapping');
    expect(missing).toEqual([]);
  });

  it('keeps every name it sets within AWS’s limits', () => {
    const broken: string[] = [];
    for (const stack of [d.data, d.api]) {
      for (const rule of NAME_RULES) {
        for (const r of stack.resources(rule.type)) {
          const name = r.props[rule.prop];
          if (name === undefined) continue;
          if (typeof name !== 'string' || name.length > rule.max || !rule.pattern.test(name))
            broken.push(`${rule.type} ${r.id}: ${String(name)}`);
        }
      }
    }
    const ssmDepth = d.data.resources('AWS::SSM::Parameter').map((p) => String(p.props.Name).split('/').length - 1);
    expect(Math.max(...ssmDepth)).toBeLessThanOrEqual(15);
    expect(broken).toEqual([]);
  });

  it('runs every function on Node.js 22, arm64, with an encrypted log group kept 90 days', () => {
    const functions = [...d.api.resources('AWS::Lambda::Function'), ...d.data.resources('AWS::Lambda::Function')];
    expect(functions).toHaveLength(Object.keys(FUNCTIONS).length);
    for (const fn of functions) expect(fn.props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    for (const group of [...d.api.resources('AWS::Logs::LogGroup'), ...d.data.resources('AWS::Logs::LogGroup')])
      expect(group.props).toMatchObject({ RetentionInDays: 90, KmsKeyId: expect.stringContaining(':key/') });
  });

  it('builds exactly the routes of the shared route table, JWT-protected for therapists only', () => {
    const routes = d.api
      .resources('AWS::ApiGatewayV2::Route')
      .map((r) => r.props as { RouteKey: string; AuthorizationType?: string });
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      expect(`${deployed.RouteKey} ${deployed.AuthorizationType ?? 'NONE'}`).toBe(
        `${deployed.RouteKey} ${route.access === 'therapist' ? 'JWT' : 'NONE'}`,
      );
    }
    const [authorizer] = d.api.resources('AWS::ApiGatewayV2::Authorizer');
    const [pool] = d.data.resources('AWS::Cognito::UserPool');
    const [client] = d.data.resources('AWS::Cognito::UserPoolClient');
    // The authorizer trusts exactly the data stack's pool and portal client.
    expect(authorizer!.props.JwtConfiguration).toEqual({
      Issuer: `https://cognito-idp.eu-west-2.amazonaws.com/${String(d.data.resolve({ Ref: pool!.id }))}`,
      Audience: [d.data.resolve({ Ref: client!.id })],
    });
  });

  it('throttles the stage and logs route templates, never raw paths that hold client links', () => {
    const stage = d.api.resources('AWS::ApiGatewayV2::Stage')[0]!.props as {
      DefaultRouteSettings: unknown;
      AccessLogSettings: { Format: string };
    };
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(stage.AccessLogSettings.Format).toContain('$context.routeKey');
    expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.(path|resourcePath)|rawPath/);
  });

  it('alarms on every function’s errors, dead letters, undeliverable mail, a lagging relay and SES reputation, to the alarm topic', () => {
    const alarms = [...d.api.resources('AWS::CloudWatch::Alarm'), ...d.data.resources('AWS::CloudWatch::Alarm')].map(
      (a) => a.props as { MetricName: string; AlarmActions: string[] },
    );
    const [topic] = d.data.resources('AWS::SNS::Topic').filter((t) => t.id.startsWith('Alarms'));
    expect(alarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(Object.keys(FUNCTIONS).length);
    expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(4);
    expect(alarms.filter((a) => a.MetricName === 'IteratorAge')).toHaveLength(1);
    expect(alarms.map((a) => a.MetricName)).toEqual(
      expect.arrayContaining([
        'UndeliverableJobs',
        'SendingPaused',
        'UnpublishedEvents',
        'ErrorLogLines',
        'Reputation.BounceRate',
        'Reputation.ComplaintRate',
      ]),
    );
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([d.data.arnOf(topic!.id)]);
  });

  it('counts only log events the code really writes: each metric filter names an event some log call emits', async () => {
    const patterns = d.api
      .resources('AWS::Logs::MetricFilter')
      .map((f) => String((f.props as { FilterPattern: string }).FilterPattern));
    const events = [
      ...new Set(patterns.flatMap((p) => [...p.matchAll(/\$\.event\s*=\s*"([^"]+)"/g)].map((m) => m[1]!))),
    ];
    expect(events.length).toBeGreaterThanOrEqual(3);
    const { stdout } = await promisify(execFile)(
      'grep',
      ['-rhoE', "log\\.(error|warn|info)\\('[a-z.-]+'", 'shared', 'functions'],
      {
        cwd: join(import.meta.dirname, '..', '..'),
      },
    );
    const logged = new Set([...stdout.matchAll(/'([a-z.-]+)'/g)].map((m) => m[1]!));
    expect(events.filter((e) => !logged.has(e))).toEqual([]);
  });

  it('ships the portal files beside the web function’s bundle', () => {
    const web = d.api
      .resources('AWS::Lambda::Function')
      .find((r) => r.id === d.api.idAt('Afterword-Api/web/Function/Resource'))!;
    const asset = (web.raw.Properties!.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    expect(existsSync(join(d.outdir, `asset.${asset}`, 'web', 'portal', 'index.html'))).toBe(true);
    expect(existsSync(join(d.outdir, `asset.${asset}`, 'web', 'assets', 'counter.js'))).toBe(true);
    expect(d.data.resources('AWS::Cognito::UserPoolClient')[0]!.props).toMatchObject({
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://afterword.example.org/portal'],
      GenerateSecret: false,
    });
  });

  it('receives replies only once SES may publish and the domain is an identity, scanned, over TLS', () => {
    const [rule] = d.data.resources('AWS::SES::ReceiptRule');
    expect(rule!.props.Rule).toMatchObject({
      Recipients: ['reply.example.org'],
      ScanEnabled: true,
      TlsPolicy: 'Require',
      Actions: [{ SNSAction: { Encoding: 'Base64' } }],
    });
    const policy = d.data
      .resources('AWS::SNS::TopicPolicy')
      .find((p) =>
        (p.props.Topics as string[]).includes(
          (rule!.props.Rule as { Actions: { SNSAction: { TopicArn: string } }[] }).Actions[0]!.SNSAction.TopicArn,
        ),
      )!;
    expect([rule!.raw.DependsOn].flat()).toContain(policy.id);
    expect(
      d.data
        .resources('AWS::SES::EmailIdentity')
        .map((i) => i.props.EmailIdentity)
        .sort(),
    ).toEqual(['mail.example.org', 'reply.example.org']);
  });

  it('gives every output the deploy guide’s steps and runbook name', () => {
    const deploy = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
    const named = [...new Set([...deploy.matchAll(/output `([A-Za-z0-9]+)`/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThanOrEqual(10);
    // With a custom domain too, whose DNS target is an output only then.
    const custom = synthesize({
      ...DEPLOY_CONTEXT,
      domainName: 'afterword.example.org',
      certificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/12345678-1234-1234-1234-123456789012',
    });
    const outputs = { ...d.data.outputs(), ...d.api.outputs(), ...custom.api.outputs() };
    expect(named.filter((name) => !(name in outputs))).toEqual([]);
    expect(custom.api.outputs().CustomDomainTarget).toMatch(/^d-.+\.execute-api\.eu-west-2\.amazonaws\.com$/);
  }, 180_000);
});

describe('the CDK app’s guard rails', () => {
  it('stops a synth with missing settings with a plain message, not a stack trace', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'infra', 'app.ts')], {
      cwd: ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: '{}', CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'afterword-cdk-')) },
    }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('Afterword cannot be synthesized');
    expect(failed?.stderr).toMatch(/senderDomain/);
    expect(failed?.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it.each([
    [{ cognitoDomainPrefix: 'my-aws-practice' }, /aws/],
    [{ cognitoDomainPrefix: 'x'.repeat(64) }, /1 to 63 characters/],
    [{ cognitoDomainPrefix: 'Upper' }, /Lowercase/],
    [{ publicBaseUrl: 'http://afterword.example.org' }, /https/],
    [{ publicBaseUrl: 'https://afterword.example.org/' }, /trailing slash/],
    [{ domainName: 'api.example.org' }, /go together/],
    [
      {
        domainName: 'api.example.org',
        certificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/12345678-1234-1234-1234-123456789012',
      },
      /must be on domainName/,
    ],
    [{ practiceName: 'Care {####}' }, /braces/],
    [{ restoredTableName: 'afterword-restored-20261201' }, /restoredTableStreamArn go together/],
    [
      {
        restoredTableName: 'afterword-restored-20261201',
        restoredTableStreamArn:
          'arn:aws:dynamodb:eu-west-2:111122223333:table/afterword/stream/2026-12-01T09:00:00.000',
      },
      /the stream of restoredTableName/,
    ],
    [
      {
        restoredTableName: 'afterword-restored-20261201',
        restoredTableStreamArn:
          'arn:aws:dynamodb:eu-west-2:111122223333:table/afterword-restored-20261201/stream/2026-12-01T09:00:00.000',
        currentIndexes: 'byTherapist,due',
      },
      /indexes are set by hand/,
    ],
    [{ keepUnshardedDueIndex: 'yes' }, /true or false/],
    [{ keepUnshardedDueIndex: 'true' }, /replaced by currentIndexes.*describe-table.*currentIndexes=byTherapist,due/],
  ])('refuses %o at synth, saying why', (change, message) => {
    expect(() =>
      readDeployConfig((key) => ({ ...DEPLOY_CONTEXT, ...change })[key as keyof typeof DEPLOY_CONTEXT]),
    ).toThrow(message);
  });

  it('refuses an index no release declared, and says what each upgrade deploy changes and what to set next', () => {
    // Building the app is enough (no bundling: nothing here reads an asset).
    const build = (context: Record<string, string>) =>
      buildApp({
        outdir: mkdtempSync(join(tmpdir(), 'afterword-cdk-')),
        context: { ...DEPLOY_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] },
      });
    expect(() => build({ currentIndexes: 'byTherapist,byClient' })).toThrow(
      /byClient, which no release of Afterword declared/,
    );
    expect(build({ currentIndexes: 'byTherapist\tdue' }).indexPlan).toBe(
      'This deploy creates index dueByShard (CloudFormation changes one index of a table per deploy). When both stacks show UPDATE_COMPLETE, deploy again with -c currentIndexes=byTherapist,dueByShard,due.',
    );
    expect(build({}).indexPlan).toBeUndefined();
  });

  it('refuses a custom domain whose certificate is in another region than the deployment', () => {
    const saved = process.env.CDK_DEFAULT_REGION;
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    try {
      const context = {
        ...DEPLOY_CONTEXT,
        domainName: 'afterword.example.org',
        certificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/12345678-1234-1234-1234-123456789012',
      };
      expect(() => buildApp({ outdir: mkdtempSync(join(tmpdir(), 'afterword-cdk-')), context })).toThrow(
        /certificateArn is in eu-west-2, but you are deploying to us-east-1/,
      );
    } finally {
      if (saved === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved;
    }
  });

  it('synthesizes cleanly without the optional inbound mail, leaving its pieces out', () => {
    const { inboundDomain: _left, ...withoutInbound } = DEPLOY_CONTEXT;
    const d = synthesize(withoutInbound);
    expect(d.data.resources('AWS::SES::ReceiptRule')).toEqual([]);
    const apiFunctions = (Object.keys(FUNCTIONS) as FunctionName[]).filter((fn) => stackOfFunction(d, fn) === d.api);
    expect(d.api.resources('AWS::Lambda::Function')).toHaveLength(apiFunctions.length - 1);
    expect(
      d.api
        .resources('AWS::Lambda::Function')
        .filter((f) => JSON.stringify(f.props.Environment ?? {}).includes('INBOUND_DOMAIN')),
    ).toEqual([]);
  }, 180_000);

  it('switches the service to a table restored from point-in-time recovery, leaving the original to the account', async () => {
    const restoredStream =
      'arn:aws:dynamodb:eu-west-2:111122223333:table/afterword-restored-20261201/stream/2026-12-01T10:00:00.000';
    const d = synthesize({
      ...DEPLOY_CONTEXT,
      restoredTableName: 'afterword-restored-20261201',
      restoredTableStreamArn: restoredStream,
    });
    expect(d.data.resources('AWS::DynamoDB::Table')).toEqual([]);
    const ssm = Object.fromEntries(d.data.resources('AWS::SSM::Parameter').map((p) => [p.props.Name, p.props.Value]));
    expect(ssm['/afterword/table-name']).toBe('afterword-restored-20261201');
    const { roleArn, policies } = functionRole(d.api, 'therapist-api');
    const restored = `arn:aws:dynamodb:eu-west-2:111122223333:table/afterword-restored-20261201`;
    expect(
      await decide({ principal: roleArn, action: 'dynamodb:GetItem', resource: restored, identityPolicies: policies }),
    ).toBe('Allowed');
    expect(
      await decide({
        principal: roleArn,
        action: 'dynamodb:Query',
        resource: `${restored}/index/byTherapist`,
        identityPolicies: policies,
      }),
    ).toBe('Allowed');
    // Domain events follow: the relay reads the restored table's stream.
    expect(ssm['/afterword/table-stream-arn']).toBe(restoredStream);
    const relay = functionRole(d.api, 'event-relay');
    expect(
      await decide({
        principal: relay.roleArn,
        action: 'dynamodb:GetRecords',
        resource: restoredStream,
        identityPolicies: relay.policies,
      }),
    ).toBe('Allowed');
  }, 180_000);

  it('makes both cdk-nag packs fail synthesis for careless resources (so a clean run means something)', () => {
    const built = buildApp({ outdir: mkdtempSync(join(tmpdir(), 'afterword-cdk-')), context: DEPLOY_CONTEXT });
    new Queue(built.api, 'Careless');
    new LogGroup(built.api, 'CarelessLogs');
    let message = '';
    try {
      built.app.synth();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('AwsSolutions-SQS3');
    expect(message).toContain('HIPAA.Security-CloudWatchLogGroupEncrypted');
  }, 180_000);
});
