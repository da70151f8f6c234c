/**
 * Builds the real adapters once per cold start, lazily, so a handler module can be imported
 * (by tests or the local server) without touching AWS. Handlers receive `getDeps` and never
 * import an SDK themselves.
 *
 * The SES client is loaded on the first email, not at start-up: reads (status pages, lists)
 * never pay for it, and a cold start that sends mail pays once (~25 ms, see `npm run bench`).
 * The Cognito client likewise, on a practice admin's first invitation or removal; only the
 * function given the user pool ships it at all, its entry passing functions/directory-deps.ts
 * (test/integration/bundle-contents.test.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MiddlewareStack } from '@smithy/types';
import { DynamoStore } from '../shared/adapters/dynamodb/dynamo-store.js';
import { localDirectory } from '../shared/adapters/local/directory.js';
import { systemClock } from '../shared/adapters/system/clock.js';
import { cryptoIds } from '../shared/adapters/system/ids.js';
import { jsonLogger } from '../shared/adapters/system/logger.js';
import { errorFields } from '../shared/ports/logger.js';
import type { TherapistDirectory } from '../shared/ports/operations.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { clientLimits, limitsFor, LOCAL_DYNAMODB_LIMITS, REQUEST_LIMITS, type AwsCallLimits } from './call-limits.js';
import { readEnv, type Env } from './config.js';
import type { FunctionName } from './needs.js';

const LOCAL_CREDENTIALS = { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** Any SDK v3 client: what an observer may attach middleware to. */
export interface SdkClient {
  // Each client's stack is typed by its own commands; an observer works on any of them.
  middlewareStack: MiddlewareStack<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface BuildOptions {
  /** Called with every AWS client once it is made (tests record the commands each function sends). */
  observe?: (client: SdkClient) => void;
  /** Timeouts and retries of every client (call-limits.ts); those of an API function unless said. */
  limits?: AwsCallLimits;
  /** How to open the user pool, for a function given one (functions/directory-deps.ts). */
  directory?: DirectoryOpener;
}

/** A need the function does not declare: using it is a wiring mistake, said plainly. */
const undeclared = (what: string, need: string) => () => {
  throw new Error(`This function is not given ${what}: add \`${need}\` to its entry in functions/needs.ts.`);
};

/** Loads something on first use, once: later callers share the same promise. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/**
 * The SES v2 clients, made on first use: one for sending, whose retries never repeat a send
 * that may have gone out (send-failure.ts), and one for the account's limits (a read, retried as usual).
 */
function lazySes(
  env: Env,
  region: string,
  limits: AwsCallLimits,
  options: BuildOptions,
): Pick<Deps, 'mailer' | 'sending'> {
  const from = env.MAIL_FROM;
  if (!from)
    return {
      mailer: { send: undeclared('mail', 'mail: true') },
      sending: { limits: undeclared('mail', 'mail: true') },
    };
  const ses = onFirstUse(async () => {
    const [{ SESv2Client }, { sesMailer }, { sesSendingAccount }, { sendRetryStrategy }] = await Promise.all([
      import('./sesv2-client.js'),
      import('../shared/adapters/ses/ses-mailer.js'),
      import('../shared/adapters/ses/sending-account.js'),
      import('../shared/adapters/ses/send-failure.js'),
    ]);
    const local = env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT, ...LOCAL_CREDENTIALS } : {};
    const common = { region, ...clientLimits(limits.ses), ...local };
    const sender = new SESv2Client({ ...common, retryStrategy: sendRetryStrategy(limits.ses.attempts) });
    const reader = new SESv2Client(common);
    options.observe?.(sender);
    options.observe?.(reader);
    return {
      mailer: sesMailer(sender, { from, configurationSet: env.SES_CONFIGURATION_SET }),
      sending: sesSendingAccount(reader),
    };
  });
  return {
    mailer: { send: async (email, sendOptions) => (await ses()).mailer.send(email, sendOptions) },
    sending: { limits: async () => (await ses()).sending.limits() },
  };
}

/** What opening the user pool needs: its id, and the client settings every AWS client here gets. */
export interface DirectoryAccess {
  userPoolId: string;
  region: string;
  limits: AwsCallLimits['cognito'];
  /** A local stand-in's address (tests); unset in AWS. */
  endpoint?: string | undefined;
  observe?: ((client: SdkClient) => void) | undefined;
}

/**
 * How a function given the user pool reaches it: functions/directory-deps.ts, passed in by
 * that function's entry alone, so that no other bundle ships the Cognito client at all.
 */
export type DirectoryOpener = (access: DirectoryAccess) => TherapistDirectory;

/**
 * The therapists' user pool, where the function is given one (USER_POOL_ID). Without one: the
 * local sign-in where the table is local (npm start, the tests), and otherwise a plain error
 * naming the missing need.
 */
function directoryFor(env: Env, region: string, limits: AwsCallLimits, options: BuildOptions): TherapistDirectory {
  const userPoolId = env.USER_POOL_ID;
  if (!userPoolId)
    return env.DYNAMODB_ENDPOINT
      ? localDirectory
      : {
          invite: undeclared('the user pool', 'directory: true'),
          remove: undeclared('the user pool', 'directory: true'),
        };
  if (!options.directory) {
    const unopened = () => {
      throw new Error(
        'This function is given a user pool but not the means to open it: pass functions/directory-deps.ts to awsDeps in its entry.',
      );
    };
    return { invite: unopened, remove: unopened };
  }
  return options.directory({
    userPoolId,
    region,
    limits: limits.cognito,
    endpoint: env.COGNITO_ENDPOINT,
    observe: options.observe,
  });
}

/** The service's URL, or a plain error where a function that was not given it tries to write a link. */
function appConfig(env: Env): Deps['config'] {
  let publicBaseUrl = env.PUBLIC_BASE_URL?.replace(/\/$/, '');
  return {
    get publicBaseUrl() {
      return publicBaseUrl ?? undeclared('the public URL', 'publicUrl: true')();
    },
    set publicBaseUrl(url: string) {
      publicBaseUrl = url;
    },
    inboundDomain: env.INBOUND_DOMAIN,
  };
}

export function buildDeps(env: Env, overrides: Partial<Deps> = {}, options: BuildOptions = {}): Deps {
  const region = env.AWS_REGION ?? 'us-east-1';
  const tableName = env.TABLE_NAME ?? undeclared('the table', 'table')();
  const limits = options.limits ?? REQUEST_LIMITS;
  const dynamo = new DynamoDBClient({
    region,
    ...clientLimits(env.DYNAMODB_ENDPOINT ? LOCAL_DYNAMODB_LIMITS : limits.dynamodb),
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, ...LOCAL_CREDENTIALS } : {}),
  });
  options.observe?.(dynamo);
  const log = overrides.log ?? jsonLogger();
  return {
    store: new DynamoStore(dynamo, tableName, {
      clock: overrides.clock ?? systemClock,
      ids: overrides.ids ?? cryptoIds,
      onHousekeepingError: (policyId, err) => log.error('retention.stamp-failed', { policyId, ...errorFields(err) }),
    }),
    ...lazySes(env, region, limits, options),
    clock: systemClock,
    ids: cryptoIds,
    log,
    config: appConfig(env),
    directory: directoryFor(env, region, limits, options),
    ...overrides,
  };
}

const cached = new Map<FunctionName, Deps>();

/**
 * The deps of one deployed function, built from exactly the environment its needs imply; a
 * function given the user pool passes how to open it (`directory`).
 */
export function awsDeps(name: FunctionName, options: Pick<BuildOptions, 'directory'> = {}): Deps {
  let deps = cached.get(name);
  if (!deps) cached.set(name, (deps = buildDeps(readEnv(name), {}, { limits: limitsFor(name), ...options })));
  return deps;
}
