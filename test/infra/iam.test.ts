/**
 * Every AWS command the integration tests sent (recorded by the harness, with the function
 * it was sent for) is allowed by that function's role in the synthesized template, for the
 * resource it targets: the IAM policy simulator decides, not string matching. And what must
 * be denied is: Scan, other tables, indexes a function does not declare, mail from another
 * address, another bus, the user pool to any function not given it. Runs after the
 * integration project (vitest groupOrder).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionName } from '../../functions/needs.js';
import { DIRECTORY_ACTIONS } from '../../infra/constructs/actions.js';
import { TABLE } from '../../shared/adapters/dynamodb/table-design.js';
import { decide, functionRole, type Check, type PolicyDocument } from '../support/iam.js';
import { readSdkCalls, type SdkCall } from '../support/sdk-calls.js';
import { ACCOUNT, DEPLOY_CONTEXT, REGION, stackOfFunction, synthesize, type Deployment } from '../support/templates.js';

/** The IAM action(s) a recorded command is authorized as, and on what. */
interface Authorization {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

interface Targets {
  tableArn: string;
  streamArn: string;
  configurationSetArn: string;
  busArn: string;
  fromAddress: string;
  userPoolArn: string;
}

const ses = (resource: string) => `arn:aws:ses:${REGION}:${ACCOUNT}:${resource}`;

const DYNAMO_ACTIONS: Record<string, string> = {
  GetItemCommand: 'dynamodb:GetItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
};
/** What Lambda's event source mapping calls on the stream, as the function's role (local/stream-poller.ts). */
const STREAM_ACTIONS: Record<string, string> = {
  DescribeStreamCommand: 'dynamodb:DescribeStream',
  GetShardIteratorCommand: 'dynamodb:GetShardIterator',
  GetRecordsCommand: 'dynamodb:GetRecords',
};
/** The Cognito commands the directory adapter sends, each authorized as its own action on the pool. */
const COGNITO_ACTIONS: Record<string, string> = Object.fromEntries(
  DIRECTORY_ACTIONS.map((action) => [`${action.slice('cognito-idp:'.length)}Command`, action]),
);
const TRANSACT_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

/** Locally the table, configuration set, bus and sender have test names; in AWS, the template's. */
function authorizationsFor(call: SdkCall, t: Targets): Authorization[] {
  const table = call.indexName ? `${t.tableArn}/index/${call.indexName}` : t.tableArn;
  if (call.client === 'DynamoDBClient') {
    if (call.command === 'TransactWriteItemsCommand')
      return call.transactItems!.map((kind) => ({ action: TRANSACT_ACTIONS[kind]!, resource: t.tableArn }));
    const action = DYNAMO_ACTIONS[call.command];
    if (!action) throw new Error(`No IAM mapping for DynamoDB ${call.command}: add it to test/infra/iam.test.ts`);
    return [{ action, resource: table }];
  }
  if (call.client === 'DynamoDBStreamsClient') {
    const action = STREAM_ACTIONS[call.command];
    if (!action)
      throw new Error(`No IAM mapping for DynamoDB Streams ${call.command}: add it to test/infra/iam.test.ts`);
    return [{ action, resource: t.streamArn }];
  }
  if (call.client === 'SESv2Client' && call.command === 'SendEmailCommand') {
    // SES authorizes the sending identity, the configuration set, and (in the sandbox) each recipient.
    const context = { 'ses:FromAddress': t.fromAddress };
    return [
      { action: 'ses:SendEmail', resource: ses(`identity/${DEPLOY_CONTEXT.senderDomain}`), context },
      { action: 'ses:SendEmail', resource: t.configurationSetArn, context },
      ...(call.recipients ?? []).map((to) => ({ action: 'ses:SendEmail', resource: ses(`identity/${to}`), context })),
    ];
  }
  if (call.client === 'SESv2Client' && call.command === 'GetAccountCommand')
    return [{ action: 'ses:GetAccount', resource: '*' }];
  if (call.client === 'EventBridgeClient' && call.command === 'PutEventsCommand')
    return [{ action: 'events:PutEvents', resource: t.busArn }];
  // Locally the pool is a stand-in's; in AWS, the data stack's (its ARN is what the role names).
  if (call.client === 'CognitoIdentityProviderClient' && COGNITO_ACTIONS[call.command] && call.userPoolId)
    return [{ action: COGNITO_ACTIONS[call.command]!, resource: t.userPoolArn }];
  throw new Error(`No IAM mapping for ${call.client} ${call.command}: add it to test/infra/iam.test.ts`);
}

describe('IAM, simulated against the synthesized roles', () => {
  let deployment: Deployment;
  let targets: Targets;
  let calls: SdkCall[];
  const role = (fn: FunctionName) => functionRole(stackOfFunction(deployment, fn), fn);
  const asFunction = (
    fn: FunctionName,
    a: Authorization,
    policies?: { name: string; policy: PolicyDocument }[],
  ): Check => {
    const r = role(fn);
    return {
      principal: r.roleArn,
      action: a.action,
      resource: a.resource,
      identityPolicies: policies ?? r.policies,
      context: a.context ?? {},
    };
  };

  beforeAll(() => {
    deployment = synthesize();
    const { data } = deployment;
    const [table] = data.resources('AWS::DynamoDB::Table');
    const [configurationSet] = data.resources('AWS::SES::ConfigurationSet');
    const [bus] = data.resources('AWS::Events::EventBus');
    const [pool] = data.resources('AWS::Cognito::UserPool');
    targets = {
      tableArn: data.arnOf(table!.id),
      streamArn: String(data.resolve({ 'Fn::GetAtt': [table!.id, 'StreamArn'] })),
      configurationSetArn: ses(`configuration-set/${String(data.resolve({ Ref: configurationSet!.id }))}`),
      busArn: data.arnOf(bus!.id),
      fromAddress: `no-reply@${DEPLOY_CONTEXT.senderDomain}`,
      userPoolArn: data.arnOf(pool!.id),
    };
    calls = readSdkCalls();
    if (!calls.length)
      throw new Error('No recorded AWS calls: run the integration tests first (npm test runs them before this file).');
  }, 180_000);

  it('allows every command each function sent during the integration tests, on the resource it targeted', async () => {
    const unique = new Map<string, { fn: FunctionName; a: Authorization }>();
    for (const call of calls) {
      if (!call.fn) continue; // test setup and local-only routes, not any deployed function
      for (const a of authorizationsFor(call, targets))
        unique.set(`${call.fn} ${a.action} ${a.resource}`, { fn: call.fn, a });
    }
    const denied: string[] = [];
    for (const [label, { fn, a }] of unique) if ((await decide(asFunction(fn, a))) !== 'Allowed') denied.push(label);
    expect(denied).toEqual([]);
    // Every function that touches AWS was exercised, so none of them is checked by nothing.
    const exercised = new Set([...unique.values()].map((u) => u.fn));
    const touchesAws = (Object.keys(FUNCTIONS) as FunctionName[]).filter((fn) =>
      Object.keys(FUNCTIONS[fn]).some((k) => ['table', 'mail', 'events', 'directory'].includes(k)),
    );
    expect([...exercised].sort()).toEqual(touchesAws.sort());
  });

  it('uses every grant: each declared index, mail, sending-limits and events need, and each table action, is exercised by some recorded command', () => {
    const unused: string[] = [];
    for (const [fn, needs] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
      const mine = calls.filter((c) => c.fn === fn);
      const indexes = 'table' in needs ? needs.table.indexes : [];
      for (const index of indexes)
        if (!mine.some((c) => c.indexName === TABLE.indexes[index].name)) unused.push(`${fn}: index ${index}`);
      if ('sendingLimits' in needs && !mine.some((c) => c.command === 'GetAccountCommand'))
        unused.push(`${fn}: sending limits`);
      if ('mail' in needs && !mine.some((c) => c.command === 'SendEmailCommand')) unused.push(`${fn}: mail`);
      if ('events' in needs && !mine.some((c) => c.command === 'PutEventsCommand')) unused.push(`${fn}: events`);
      if ('directory' in needs)
        for (const [command, action] of Object.entries(COGNITO_ACTIONS))
          if (!mine.some((c) => c.command === command)) unused.push(`${fn}: ${action}`);
      // ListStreams is granted for Lambda's check when the mapping is created; the mapping itself never lists.
      if (needs.trigger === 'table-stream')
        for (const command of Object.keys(STREAM_ACTIONS))
          if (!mine.some((c) => c.command === command)) unused.push(`${fn}: stream ${command}`);
    }
    // Across all functions (one table statement serves them all): no table action goes unused.
    const used = new Set(calls.filter((c) => c.fn).flatMap((c) => authorizationsFor(c, targets).map((a) => a.action)));
    const granted = functionRole(deployment.api, 'therapist-api').policies.flatMap((p) =>
      p.policy.Statement.filter((s) => s.Sid === 'Table').flatMap((s) => s.Action as string[]),
    );
    expect(granted.length).toBeGreaterThan(3);
    for (const action of granted) if (!used.has(action)) unused.push(`table action ${action}`);
    expect(unused).toEqual([]);
  });

  it('denies what no function may do: Scan, table administration, another table, another bus, another sender', async () => {
    const otherTable = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/someone-elses`;
    const allowed: string[] = [];
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      const forbidden: Authorization[] = [
        { action: 'dynamodb:Scan', resource: targets.tableArn },
        { action: 'dynamodb:DeleteTable', resource: targets.tableArn },
        { action: 'dynamodb:BatchWriteItem', resource: targets.tableArn },
        { action: 'dynamodb:GetItem', resource: otherTable },
        { action: 'dynamodb:PutItem', resource: otherTable },
        { action: 'events:PutEvents', resource: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` },
        {
          action: 'ses:SendEmail',
          resource: ses(`identity/${DEPLOY_CONTEXT.senderDomain}`),
          context: { 'ses:FromAddress': 'therapist@practice.example.org' },
        },
        {
          action: 'ses:SendEmail',
          resource: ses('configuration-set/another'),
          context: { 'ses:FromAddress': targets.fromAddress },
        },
        { action: 'kms:Decrypt', resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/another-key` },
        {
          action: 'dynamodb:GetRecords',
          resource: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/someone-elses/stream/2026-12-01T00:00:00.000`,
        },
        // Only the relay reads the stream (it carries every item's new image, words included).
        ...(FUNCTIONS[fn].trigger === 'table-stream'
          ? []
          : [{ action: 'dynamodb:GetRecords', resource: targets.streamArn }]),
      ];
      for (const a of forbidden)
        if ((await decide(asFunction(fn, a))) === 'Allowed') allowed.push(`${fn} ${a.action} ${a.resource}`);
    }
    expect(allowed).toEqual([]);
  });

  it('has no wildcard action anywhere, and wildcard resources only where the name is not ours and a condition narrows it, or the action takes no resource', () => {
    const found: string[] = [];
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      for (const { policy } of role(fn).policies) {
        for (const statement of policy.Statement) {
          const actions = [statement.Action].flat() as string[];
          const resources = [statement.Resource].flat() as string[];
          if (actions.some((a) => a.includes('*'))) found.push(`${fn}: action ${actions.join(',')}`);
          for (const resource of resources.filter((r) => r.includes('*'))) {
            const logStreams = /:log-group:[^*:]+:\*$/.test(resource);
            const sandboxRecipients =
              resource.endsWith(':identity/*') && JSON.stringify(statement.Condition ?? {}).includes('ses:FromAddress');
            // An action with no resource type at all (AWS's authorization reference lists none for it).
            const accountWide = resource === '*' && actions.length === 1 && actions[0] === 'ses:GetAccount';
            if (!logStreams && !sandboxRecipients && !accountWide) found.push(`${fn}: resource ${resource}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  /** A function's log group ARN, in whichever stack it is. */
  const logGroupOf = (fn: FunctionName) => {
    const stack = stackOfFunction(deployment, fn);
    return stack.arnOf(stack.idAt(`${stack.name}/${fn}/Logs/Resource`)).replace(/:\*$/, '');
  };

  it('lets each function write its own log streams, and no other function’s', async () => {
    const wrong: string[] = [];
    const groups = Object.fromEntries((Object.keys(FUNCTIONS) as FunctionName[]).map((fn) => [fn, logGroupOf(fn)]));
    for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
      for (const [owner, group] of Object.entries(groups)) {
        const stream = {
          action: 'logs:PutLogEvents',
          resource: `${group}:log-stream:2026/12/01/[$LATEST]0123456789abcdef`,
        };
        const decision = await decide(asFunction(fn, stream));
        if ((decision === 'Allowed') !== (owner === fn)) wrong.push(`${fn} → ${owner}'s logs: ${decision}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('denies each function the indexes it does not declare, and the functions without data any table access', async () => {
    const allowed: string[] = [];
    for (const [fn, needs] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
      const declared: readonly string[] = 'table' in needs ? needs.table.indexes.map((i) => TABLE.indexes[i].name) : [];
      for (const index of Object.values(TABLE.indexes).map((i) => i.name)) {
        if (declared.includes(index)) continue;
        if (
          (await decide(
            asFunction(fn, { action: 'dynamodb:Query', resource: `${targets.tableArn}/index/${index}` }),
          )) === 'Allowed'
        )
          allowed.push(`${fn} ${index}`);
      }
      if (
        !('table' in needs) &&
        (await decide(asFunction(fn, { action: 'dynamodb:GetItem', resource: targets.tableArn }))) === 'Allowed'
      )
        allowed.push(`${fn} table`);
    }
    expect(allowed).toEqual([]);
  });

  it('lets the relay read the encrypted stream (its role and the data key’s policy), and not without its key statement', async () => {
    const [key] = deployment.data.resources('AWS::KMS::Key');
    const keyArn = deployment.data.arnOf(key!.id);
    // GetRecords on a table encrypted with a customer-managed key needs kms:Decrypt as the caller.
    const decrypt = {
      ...asFunction('event-relay', { action: 'kms:Decrypt', resource: keyArn }),
      resourcePolicy: key!.props.KeyPolicy as PolicyDocument,
    };
    expect(await decide(decrypt)).toBe('Allowed');
    const withoutKey = role('event-relay').policies.map((p) => ({
      ...p,
      policy: { ...p.policy, Statement: p.policy.Statement.filter((s) => s.Sid !== 'DataKey') },
    }));
    expect(await decide({ ...decrypt, identityPolicies: withoutKey })).toBe('ImplicitlyDenied');
    for (const action of ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream'])
      expect(await decide(asFunction('event-relay', { action, resource: targets.streamArn }))).toBe('Allowed');
  });

  it('would catch a missing grant: without its index statement, the therapist list is denied', async () => {
    const { policies } = role('therapist-api');
    const withoutIndexes = policies.map((p) => ({
      ...p,
      policy: { ...p.policy, Statement: p.policy.Statement.filter((s) => s.Sid !== 'Indexes') },
    }));
    const listing = {
      action: 'dynamodb:Query',
      resource: `${targets.tableArn}/index/${TABLE.indexes.byTherapist.name}`,
    };
    expect(await decide(asFunction('therapist-api', listing))).toBe('Allowed');
    expect(await decide(asFunction('therapist-api', listing, withoutIndexes))).toBe('ImplicitlyDenied');
  });

  it('lets only the function given the user pool change it, with exactly the directory’s five commands, on that pool alone', async () => {
    const otherPool = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_SomeoneElses`;
    const wrong: string[] = [];
    for (const [fn, needs] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
      for (const action of DIRECTORY_ACTIONS) {
        const decision = await decide(asFunction(fn, { action, resource: targets.userPoolArn }));
        if ((decision === 'Allowed') !== 'directory' in needs) wrong.push(`${fn} ${action}: ${decision}`);
        if ((await decide(asFunction(fn, { action, resource: otherPool }))) === 'Allowed')
          wrong.push(`${fn} ${action} on another pool`);
      }
      // What an admin's function has no reason to do: delete accounts, set passwords, read or change others in bulk.
      for (const action of [
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:ListUsers',
        'cognito-idp:UpdateUserPool',
        'cognito-idp:DeleteUserPool',
      ])
        if ((await decide(asFunction(fn, { action, resource: targets.userPoolArn }))) === 'Allowed')
          wrong.push(`${fn} ${action}`);
    }
    expect(wrong).toEqual([]);
  });

  it('would catch a missing grant: without its directory statement, an invitation is denied', async () => {
    const invite = { action: 'cognito-idp:AdminCreateUser', resource: targets.userPoolArn };
    const withoutDirectory = role('practice-api').policies.map((p) => ({
      ...p,
      policy: { ...p.policy, Statement: p.policy.Statement.filter((s) => s.Sid !== 'TherapistDirectory') },
    }));
    expect(await decide(asFunction('practice-api', invite))).toBe('Allowed');
    expect(await decide(asFunction('practice-api', invite, withoutDirectory))).toBe('ImplicitlyDenied');
  });

  it('lets a sandboxed account send to a verified recipient, only as the service', async () => {
    const recipient = { action: 'ses:SendEmail', resource: ses('identity/client@example.com') };
    expect(
      await decide(asFunction('dispatcher', { ...recipient, context: { 'ses:FromAddress': targets.fromAddress } })),
    ).toBe('Allowed');
    expect(
      await decide(asFunction('dispatcher', { ...recipient, context: { 'ses:FromAddress': 'someone@else.example' } })),
    ).toBe('ImplicitlyDenied');
    expect(
      await decide(asFunction('ses-feedback', { ...recipient, context: { 'ses:FromAddress': targets.fromAddress } })),
    ).toBe('ImplicitlyDenied');
  });
});
