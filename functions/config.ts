/**
 * Configuration from the environment, parsed once at cold start. Each function reads exactly
 * the variables its needs (functions/needs.ts) imply, the same list the CDK app gives it, so a
 * missing value fails fast, names itself, and cannot be one the stack never sets.
 */
import * as z from 'zod/mini';
import { parseWith } from '../shared/domain/parse.js';
import { environmentNames, FUNCTIONS, type FunctionName, type FunctionNeeds, type NeedVariable } from './needs.js';

const nonEmpty = z.string().check(z.minLength(1));
const domain = z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'Expected a domain such as reply.example.org.'));

/** Every variable a function may be given, with its shape. Which are required depends on the needs. */
const VARIABLES = {
  TABLE_NAME: nonEmpty,
  PUBLIC_BASE_URL: z.url(),
  MAIL_FROM: z.string().check(z.minLength(3)),
  SES_CONFIGURATION_SET: nonEmpty,
  /** Replies to client emails go to reply+<token>@INBOUND_DOMAIN; unset: no update-by-email. */
  INBOUND_DOMAIN: domain,
  /** The custom bus domain events go to. */
  EVENT_BUS_NAME: nonEmpty,
  COGNITO_DOMAIN: z.url(),
  COGNITO_CLIENT_ID: nonEmpty,
  /** The therapists' user pool a practice admin invites to and removes from (Cognito's own pattern). */
  USER_POOL_ID: z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'Expected a user pool id such as eu-west-2_AbC123.')),
} as const satisfies Record<NeedVariable, z.ZodMiniType>;

/** Set by Lambda itself, or by local mode and tests (DynamoDB Local, the SES, EventBridge and Cognito stand-ins). */
const AMBIENT = {
  AWS_REGION: z.optional(z.string()),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  EVENTBRIDGE_ENDPOINT: z.optional(z.url()),
  COGNITO_ENDPOINT: z.optional(z.url()),
};

export type Env = { [K in keyof typeof VARIABLES]?: string } & { [K in keyof typeof AMBIENT]?: string };

/** The schema of one function's environment: its needs' variables required, INBOUND_DOMAIN optional where it is. */
export function envSchemaFor(needs: FunctionNeeds) {
  const shape: Record<string, z.ZodMiniType<string | undefined>> = { ...AMBIENT };
  // Required: exactly what the stack gives this function (INBOUND_DOMAIN only where it cannot run without it).
  for (const name of environmentNames(needs, needs.inbound === 'required')) shape[name] = VARIABLES[name];
  if (needs.inbound === 'optional') shape.INBOUND_DOMAIN = z.optional(VARIABLES.INBOUND_DOMAIN);
  return z.object(shape);
}

/** A deployment mistake, not a bad request: it must never reach a caller as a 4xx. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Reads only what `name` needs; everything else in the environment is ignored. */
export function readEnv(name: FunctionName, env: NodeJS.ProcessEnv = process.env): Env {
  try {
    return parseWith(envSchemaFor(FUNCTIONS[name]), env, `configuration of the ${name} function`);
  } catch (err) {
    throw new ConfigurationError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}
