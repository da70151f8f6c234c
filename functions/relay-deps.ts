/**
 * The event relay's deps: the event bus and a logger. Apart from functions/aws-deps.ts on
 * purpose, so its bundle carries the EventBridge client and not DynamoDB's: the relay never
 * calls the table (the stream hands it the entries; Lambda reads the stream for it).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { eventBridgePublisher } from '../shared/adapters/eventbridge/eventbridge-publisher.js';
import { jsonLogger } from '../shared/adapters/system/logger.js';
import type { RelayDeps } from '../shared/use-cases/relay-events.js';
import type { BuildOptions } from './aws-deps.js';
import { BACKGROUND_LIMITS, clientLimits, limitsFor } from './call-limits.js';
import { readEnv, type Env } from './config.js';
import type { FunctionName } from './needs.js';

export function buildRelayDeps(env: Env, overrides: Partial<RelayDeps> = {}, options: BuildOptions = {}): RelayDeps {
  const busName = env.EVENT_BUS_NAME;
  if (!busName) throw new Error('The event relay is not given an event bus: add `events: true` to its needs.');
  const client = new EventBridgeClient({
    region: env.AWS_REGION ?? 'us-east-1',
    // Nobody waits on the relay, but a stuck call holds up the shard: bounded like the other background calls.
    ...clientLimits((options.limits ?? BACKGROUND_LIMITS).eventbridge),
    ...(env.EVENTBRIDGE_ENDPOINT
      ? { endpoint: env.EVENTBRIDGE_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  options.observe?.(client);
  return { events: eventBridgePublisher(client, busName), log: jsonLogger(), ...overrides };
}

let built: RelayDeps | undefined;

/** The relay's deps in a deployed function, built once from exactly the environment its needs imply. */
export const relayDeps = (name: FunctionName): RelayDeps =>
  (built ??= buildRelayDeps(readEnv(name), {}, { limits: limitsFor(name) }));
