/** Configuration from the environment, parsed once at cold start; a missing value fails fast and says which. */
import * as z from 'zod/mini';
import { parseWith } from '../shared/domain/schemas.js';

const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  PUBLIC_BASE_URL: z.url(),
  MAIL_FROM: z.string().check(z.minLength(3)),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  /** Replies to client emails go to reply+<token>@INBOUND_DOMAIN; unset: no update-by-email. */
  INBOUND_DOMAIN: z.optional(z.string()),
  /** The custom bus domain events go to; without it events are only logged as published. */
  EVENT_BUS_NAME: z.optional(z.string()),
  AWS_REGION: z.optional(z.string()),
  /** Local mode and tests only: DynamoDB Local and the SES emulator. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  return parseWith(envSchema, env, 'function configuration');
}
