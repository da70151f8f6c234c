/**
 * Builds the real adapters once per cold start, lazily, so a handler module can be imported
 * (by tests or the local server) without touching AWS. Handlers receive `getDeps` and never
 * import an SDK themselves.
 *
 * The SES client is loaded on the first email, not at start-up: reads (status pages, lists)
 * never pay for it, and a cold start that sends mail pays once (~25 ms, see `npm run bench`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '../shared/adapters/dynamodb/dynamo-store.js';
import { systemClock } from '../shared/ports/clock.js';
import { cryptoIds } from '../shared/ports/ids.js';
import { errorFields, jsonLogger } from '../shared/ports/logger.js';
import type { EventPublisher } from '../shared/ports/events.js';
import type { Mailer } from '../shared/ports/mailer.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { readEnv, type Env } from './config.js';

const LOCAL_CREDENTIALS = { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** Loads something on first use, once: later callers share the same promise. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

function lazySesMailer(env: Env, region: string): Mailer {
  const mailer = onFirstUse(async () => {
    const [{ SESv2Client }, { sesMailer }] = await Promise.all([import('@aws-sdk/client-sesv2'), import('../shared/adapters/ses/ses-mailer.js')]);
    const client = new SESv2Client({ region, ...(env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT, ...LOCAL_CREDENTIALS } : {}) });
    return sesMailer(client, { from: env.MAIL_FROM, configurationSet: env.SES_CONFIGURATION_SET });
  });
  return { send: async (email) => (await mailer()).send(email) };
}

/** EventBridge is loaded with the first event, like SES with the first email. */
function lazyEventPublisher(env: Env, region: string): EventPublisher {
  const busName = env.EVENT_BUS_NAME;
  if (!busName) return { publish: async () => {} };
  const publisher = onFirstUse(async () => {
    const [{ EventBridgeClient }, { eventBridgePublisher }] = await Promise.all([
      import('@aws-sdk/client-eventbridge'),
      import('../shared/adapters/eventbridge/eventbridge-publisher.js'),
    ]);
    return eventBridgePublisher(new EventBridgeClient({ region }), busName);
  });
  return { publish: async (events) => (await publisher()).publish(events) };
}

export function buildDeps(env: Env, overrides: Partial<Deps> = {}): Deps {
  const region = env.AWS_REGION ?? 'us-east-1';
  const dynamo = new DynamoDBClient({ region, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, ...LOCAL_CREDENTIALS } : {}) });
  const log = overrides.log ?? jsonLogger();
  return {
    store: new DynamoStore(dynamo, env.TABLE_NAME, undefined, (policyId, err) => log.error('retention.stamp-failed', { policyId, ...errorFields(err) })),
    mailer: lazySesMailer(env, region),
    events: lazyEventPublisher(env, region),
    clock: systemClock,
    ids: cryptoIds,
    log,
    config: { publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''), inboundDomain: env.INBOUND_DOMAIN },
    ...overrides,
  };
}

let cached: Deps | undefined;

export function awsDeps(): Deps {
  cached ??= buildDeps(readEnv());
  return cached;
}
