/**
 * The synthesized templates as one deployment would see them: every intrinsic (Ref, GetAtt,
 * Join, Sub, Select, Split) resolved to concrete values, as CloudFormation would in account
 * 111122223333 in eu-west-2, with each resource's physical name made from its logical id.
 * SSM-typed parameters of the API stack resolve to the value the data stack writes under that
 * parameter name, exactly the hand-over that happens at deploy time.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS, stackOf, type FunctionName } from '../../functions/needs.js';
import { buildApp } from '../../infra/app.js';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const OTHER_ACCOUNT = '999999999999';

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Metadata?: Record<string, unknown>;
}
export interface CfnTemplate {
  Resources: Record<string, Resource>;
  Parameters?: Record<string, { Type: string; Default?: string }>;
  Outputs?: Record<string, { Value: unknown }>;
}

export const DEPLOY_CONTEXT = {
  senderDomain: 'mail.example.org',
  publicBaseUrl: 'https://afterword.example.org',
  cognitoDomainPrefix: 'example-care',
  inboundDomain: 'reply.example.org',
};

/** What a resource's Ref and Fn::GetAtt give, by type (the physical id is made from the logical id). */
function physical(type: string, logicalId: string, props: Record<string, unknown>, attribute?: string): string {
  const id = logicalId.toLowerCase();
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  const named = (prop: string) => (typeof props[prop] === 'string' ? (props[prop] as string) : id);
  switch (type) {
    case 'AWS::DynamoDB::Table':
      return attribute === 'Arn'
        ? arn('dynamodb', `table/${id}`)
        : attribute === 'StreamArn'
          ? arn('dynamodb', `table/${id}/stream/x`)
          : id;
    case 'AWS::KMS::Key':
      return attribute === 'Arn' ? arn('kms', `key/${id}`) : id;
    case 'AWS::SQS::Queue':
      return attribute === 'Arn'
        ? arn('sqs', id)
        : attribute === 'QueueName'
          ? id
          : `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${id}`;
    case 'AWS::SNS::Topic':
      return attribute === 'TopicName' ? id : arn('sns', id);
    case 'AWS::Lambda::Function':
      return attribute === 'Arn' ? arn('lambda', `function:${id}`) : id;
    case 'AWS::Logs::LogGroup':
      return attribute === 'Arn' ? arn('logs', `log-group:${named('LogGroupName')}:*`) : named('LogGroupName');
    case 'AWS::Events::EventBus':
      return attribute === 'Arn' ? arn('events', `event-bus/${named('Name')}`) : named('Name');
    case 'AWS::Events::Rule':
      return attribute === 'Arn' ? arn('events', `rule/${named('Name')}`) : named('Name');
    case 'AWS::IAM::Role':
      return attribute === 'Arn' ? `arn:aws:iam::${ACCOUNT}:role/${id}` : id;
    case 'AWS::IAM::ManagedPolicy':
      return `arn:aws:iam::${ACCOUNT}:policy/${id}`;
    case 'AWS::Cognito::UserPool':
      return attribute === 'Arn'
        ? arn('cognito-idp', `userpool/${REGION}_${id}`)
        : attribute === 'ProviderURL'
          ? `cognito-idp.${REGION}.amazonaws.com/${REGION}_${id}`
          : `${REGION}_${id}`;
    case 'AWS::SES::EmailIdentity':
      if (attribute?.startsWith('DkimDNSTokenName'))
        return `${attribute.slice(-1)}._domainkey.${named('EmailIdentity')}`;
      if (attribute?.startsWith('DkimDNSTokenValue')) return `token${attribute.slice(-1)}.dkim.amazonses.com`;
      return named('EmailIdentity');
    case 'AWS::ApiGatewayV2::Api':
      return attribute === 'ApiEndpoint' ? `https://${id}.execute-api.${REGION}.amazonaws.com` : id;
    case 'AWS::ApiGatewayV2::DomainName':
      return attribute === 'RegionalDomainName' ? `d-${id}.execute-api.${REGION}.amazonaws.com` : named('DomainName');
    case 'AWS::SSM::Parameter':
      return named('Name');
    default:
      return id;
  }
}

export class ResolvedStack {
  constructor(
    readonly name: string,
    readonly template: CfnTemplate,
    private readonly parameter: (name: string, declared: { Type: string; Default?: string }) => string,
    /** Fn::ImportValue: another stack's export (the app uses none; resolved so any template can be read). */
    private readonly imported: (exportName: string) => unknown = (name) => {
      throw new Error(`${this.name} imports ${name}, and no stack exports it`);
    },
  ) {}

  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [fn, arg] = entries[0]!;
      switch (fn) {
        case 'Ref':
          return this.ref(arg as string);
        case 'Fn::GetAtt': {
          const [logicalId, attribute] = Array.isArray(arg) ? (arg as string[]) : (arg as string).split('.');
          return this.getAtt(logicalId!, attribute!);
        }
        case 'Fn::Join': {
          const [sep, parts] = arg as [string, unknown[]];
          return (this.resolve(parts) as unknown[]).join(sep);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [number | string, unknown];
          return (this.resolve(list) as unknown[])[Number(this.resolve(index))];
        }
        case 'Fn::ImportValue':
          return this.imported(String(this.resolve(arg)));
        case 'Fn::Split': {
          const [sep, text] = arg as [string, unknown];
          return String(this.resolve(text)).split(sep);
        }
        case 'Fn::Sub': {
          const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
          return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
            if (name in vars) return String(this.resolve(vars[name]));
            const [logicalId, attribute] = name.split('.');
            return String(attribute ? this.getAtt(logicalId!, attribute) : this.ref(logicalId!));
          });
        }
      }
      if (fn.startsWith('Fn::')) throw new Error(`${this.name}: ${fn} is not resolved by test/support/templates.ts`);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(v)]));
  }

  private ref(name: string): string {
    switch (name) {
      case 'AWS::Region':
        return REGION;
      case 'AWS::AccountId':
        return ACCOUNT;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return this.name;
    }
    const declared = this.template.Parameters?.[name];
    if (declared) return this.parameter(name, declared);
    const resource = this.template.Resources[name];
    if (!resource) throw new Error(`${this.name}: Ref to unknown ${name}`);
    return physical(resource.Type, name, this.props(name), undefined);
  }

  private getAtt(logicalId: string, attribute: string): string {
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new Error(`${this.name}: GetAtt of unknown ${logicalId}`);
    return physical(resource.Type, logicalId, this.props(logicalId), attribute);
  }

  /** A resource's properties with plain names resolved (some physical ids come from them). */
  private props(logicalId: string): Record<string, unknown> {
    const props = this.template.Resources[logicalId]!.Properties ?? {};
    const names = ['Name', 'LogGroupName', 'EmailIdentity', 'DomainName'].filter((k) => k in props);
    return Object.fromEntries(names.map((k) => [k, this.resolve(props[k])]));
  }

  /** Resources of a type, with properties resolved. */
  resources(type: string): { id: string; props: Record<string, unknown>; raw: Resource }[] {
    return Object.entries(this.template.Resources)
      .filter(([, r]) => r.Type === type)
      .map(([id, raw]) => ({ id, raw, props: this.resolve(raw.Properties ?? {}) as Record<string, unknown> }));
  }

  /** The logical id of the resource a construct path names, e.g. `Afterword-Api/dispatcher/Function/Resource`. */
  idAt(path: string): string {
    const found = Object.entries(this.template.Resources).find(([, r]) => r.Metadata?.['aws:cdk:path'] === path);
    if (!found) throw new Error(`${this.name}: nothing at ${path}`);
    return found[0];
  }

  arnOf(logicalId: string): string {
    const type = this.template.Resources[logicalId]!.Type;
    return this.getAtt(logicalId, type === 'AWS::SNS::Topic' ? 'TopicArn' : 'Arn');
  }

  outputs(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.template.Outputs ?? {}).map(([k, o]) => [k, String(this.resolve(o.Value))]),
    );
  }
}

export interface Deployment {
  data: ResolvedStack;
  api: ResolvedStack;
  /** The folder synthesis wrote to (templates and bundled function assets). */
  outdir: string;
}

/** The stack a function is deployed in (functions/needs.ts `stackOf`). */
export const stackOfFunction = (d: Deployment, fn: FunctionName): ResolvedStack =>
  stackOf(FUNCTIONS[fn]) === 'data' ? d.data : d.api;

/**
 * Synthesizes the app offline (cdk-nag run) and resolves both stacks. Functions are bundled
 * only when a test needs the bundles themselves (`bundle: true`); otherwise CDK skips
 * bundling, which changes nothing in the templates but an asset hash.
 */
export function synthesize(
  context: Record<string, string | boolean> = DEPLOY_CONTEXT,
  options: { bundle?: boolean } = {},
): Deployment {
  const outdir = mkdtempSync(join(tmpdir(), 'afterword-cdk-'));
  // Path metadata, as the CDK CLI asks for it: tests find resources by construct path.
  const extra = { 'aws:cdk:enable-path-metadata': true, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) };
  buildApp({ outdir, context: { ...context, ...extra } }).app.synth();
  const read = (name: string) => JSON.parse(readFileSync(join(outdir, `${name}.template.json`), 'utf8')) as CfnTemplate;
  const data: ResolvedStack = new ResolvedStack('Afterword-Data', read('Afterword-Data'), (name, declared) => {
    if (name === 'AlarmEmail') return 'ops@example.org';
    if (declared.Default !== undefined) return declared.Default;
    throw new Error(`Afterword-Data: no value for parameter ${name}`);
  });
  const ssm = new Map(
    data.resources('AWS::SSM::Parameter').map((p) => [p.props.Name as string, String(p.props.Value)]),
  );
  const exports = (name: string) => {
    const output = Object.values(data.template.Outputs ?? {}).find(
      (o) => JSON.stringify(data.resolve((o as { Export?: { Name: unknown } }).Export?.Name)) === JSON.stringify(name),
    );
    if (!output) throw new Error(`Afterword-Api imports ${name}, which Afterword-Data does not export`);
    return data.resolve(output.Value);
  };
  const api = new ResolvedStack(
    'Afterword-Api',
    read('Afterword-Api'),
    (name, declared) => {
      if (declared.Type.startsWith('AWS::SSM::Parameter::Value')) {
        const value = ssm.get(declared.Default ?? '');
        if (value === undefined)
          throw new Error(`Afterword-Api reads SSM parameter ${declared.Default}, which Afterword-Data does not write`);
        return value;
      }
      if (declared.Default !== undefined) return declared.Default;
      throw new Error(`Afterword-Api: no value for parameter ${name}`);
    },
    exports,
  );
  return { data, api, outdir };
}
