/**
 * Builds the real adapters once per cold start, lazily, so a handler module can be imported
 * (by tests or the local server) without touching AWS. Handlers receive `getDeps` and never
 * import an SDK themselves.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoStore } from '../shared/adapters/dynamodb/dynamo-store.js';
import { sesMailer } from '../shared/adapters/ses/ses-mailer.js';
import { systemClock } from '../shared/ports/clock.js';
import { cryptoIds } from '../shared/ports/ids.js';
import { jsonLogger } from '../shared/ports/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { readEnv, type Env } from './config.js';

export function buildDeps(env: Env, overrides: Partial<Deps> = {}): Deps {
  const local = env.DYNAMODB_ENDPOINT ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
  const region = env.AWS_REGION ?? 'us-east-1';
  const dynamo = new DynamoDBClient({ region, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, ...local } : {}) });
  const ses = new SESv2Client({ region, ...(env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}) });
  return {
    store: new DynamoStore(dynamo, env.TABLE_NAME),
    mailer: sesMailer(ses, { from: env.MAIL_FROM, configurationSet: env.SES_CONFIGURATION_SET }),
    clock: systemClock,
    ids: cryptoIds,
    log: jsonLogger(),
    config: { publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, '') },
    ...overrides,
  };
}

let cached: Deps | undefined;

export function awsDeps(): Deps {
  cached ??= buildDeps(readEnv());
  return cached;
}
