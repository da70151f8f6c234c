/**
 * IAM evaluated offline by a policy simulator (@cloud-copilot/iam-simulate: identity,
 * resource and key policies, conditions, same- and cross-account rules), on the resolved
 * templates of test/support/templates.ts. No string matching of policies.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { FunctionName } from '../../functions/needs.js';
import { ACCOUNT, type ResolvedStack } from './templates.js';

export interface PolicyDocument {
  Version: string;
  Statement: Record<string, unknown>[];
}

export interface Check {
  /** A role ARN, or a service principal such as `sns.amazonaws.com`. */
  principal: string;
  action: string;
  resource: string;
  /** Account that owns the resource (defaults to the deployment's). */
  resourceAccount?: string;
  identityPolicies?: { name: string; policy: PolicyDocument }[];
  resourcePolicy?: PolicyDocument | undefined;
  context?: Record<string, string | string[]>;
}

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export async function decide(check: Check): Promise<Decision> {
  const result = await runSimulation(
    {
      identityPolicies: check.identityPolicies ?? [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(check.resourcePolicy ? { resourcePolicy: check.resourcePolicy } : {}),
      request: {
        principal: check.principal,
        action: check.action,
        resource: { resource: check.resource, accountId: check.resourceAccount ?? ACCOUNT },
        contextVariables: check.context ?? {},
      },
    },
    {},
  );
  if (result.resultType === 'error')
    throw new Error(`The simulator refused ${check.action} on ${check.resource}: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

/** A function's role and every policy attached to it in its stack's template (functions/needs.ts `stackOf`), resolved. */
export function functionRole(stack: ResolvedStack, fn: FunctionName) {
  const roleId = stack.idAt(`${stack.name}/${fn}/Role/Resource`);
  const roleArn = stack.arnOf(roleId);
  const attached = (props: Record<string, unknown>) =>
    ((props.Roles as string[] | undefined) ?? []).includes(stack.resolve({ Ref: roleId }) as string);
  const policies = [...stack.resources('AWS::IAM::ManagedPolicy'), ...stack.resources('AWS::IAM::Policy')]
    .filter((p) => attached(p.props))
    .map((p) => ({ name: p.id, policy: p.props.PolicyDocument as PolicyDocument }));
  return { roleArn, policies };
}

/** A resource's own policy document, from the resource-policy resources that name it. */
export function resourcePolicyOf(
  stack: ResolvedStack,
  type: 'AWS::SNS::TopicPolicy' | 'AWS::SQS::QueuePolicy',
  target: string,
): PolicyDocument | undefined {
  const listKey = type === 'AWS::SNS::TopicPolicy' ? 'Topics' : 'Queues';
  const docs = stack.resources(type).filter((p) => (p.props[listKey] as string[]).includes(target));
  if (!docs.length) return undefined;
  return {
    Version: '2012-10-17',
    Statement: docs.flatMap((d) => (d.props.PolicyDocument as PolicyDocument).Statement),
  };
}

/** A Lambda function's resource policy, assembled from its AWS::Lambda::Permission resources. */
export function lambdaPolicyOf(stack: ResolvedStack, functionArn: string): PolicyDocument {
  const statements = stack
    .resources('AWS::Lambda::Permission')
    .filter((p) => p.props.FunctionName === functionArn)
    .map((p) => ({
      Effect: 'Allow',
      Principal: String(p.props.Principal).includes('.amazonaws.com')
        ? { Service: p.props.Principal }
        : { AWS: p.props.Principal },
      Action: p.props.Action,
      Resource: functionArn,
      // Both conditions when both are set (one must not overwrite the other and loosen the check).
      ...(p.props.SourceArn || p.props.SourceAccount
        ? {
            Condition: {
              ...(p.props.SourceArn ? { ArnLike: { 'aws:SourceArn': p.props.SourceArn } } : {}),
              ...(p.props.SourceAccount ? { StringEquals: { 'aws:SourceAccount': p.props.SourceAccount } } : {}),
            },
          }
        : {}),
    }));
  return { Version: '2012-10-17', Statement: statements };
}
