/**
 * What each function needs from the world, declared once. The CDK app derives every
 * function's IAM grants, environment, trigger, timeout and memory from this table
 * (infra/constructs/service-function.ts), and each function's configuration reads exactly
 * the variables its needs imply (functions/config.ts). Adding a need here is the only way
 * to give a function access to something: there is no second place to forget.
 *
 * Pure data: infra reads it without bundling the service.
 */
import type { TABLE } from '../shared/adapters/dynamodb/table-design.js';
import type { FunctionName as HttpFunctionName } from './http/routes.js';

export type FunctionName =
  HttpFunctionName | 'dispatcher' | 'ses-feedback' | 'inbound-email' | 'event-relay' | 'invitation-message';
export type IndexName = keyof typeof TABLE.indexes;

export interface FunctionNeeds {
  /** Reads (and writes) the table; `indexes` are the secondary indexes it queries. */
  table?: { access: 'read' | 'readwrite'; indexes: readonly IndexName[] };
  /** Sends email as the service's identity, through its configuration set. */
  mail?: boolean;
  /** Reads the account's SES sending rate and pause state (SES GetAccount), to pace what it sends. */
  sendingLimits?: boolean;
  /** Publishes domain events to the deployment's event bus (only the relay: the others write them to the table). */
  events?: boolean;
  /** Puts links to the service (client pages, the portal) in what it sends or serves. */
  publicUrl?: boolean;
  /**
   * Reply addresses for updates by email: `optional` uses them when the deployment receives
   * mail; `required` exists only then (the function is not deployed without it).
   */
  inbound?: 'optional' | 'required';
  /** The portal's Cognito managed-login settings. */
  signIn?: boolean;
  /**
   * The therapists' user pool, as a practice admin changes it: create an account (which sends
   * the invitation), read one that exists, make it an admin, end its sign-in. Nothing else of
   * the pool (no deleting, no passwords, no reading of other accounts' attributes in bulk).
   * Its entry passes functions/directory-deps.ts to awsDeps, so only its bundle ships the
   * Cognito client.
   */
  directory?: boolean;
  /**
   * What invokes it: API Gateway, the every-minute schedule, SES through an SNS topic, the
   * table's stream (new timeline entries: it may read the stream, and nothing else of the
   * table), or the user pool, for the words of a message Cognito is about to send (it waits
   * for the answer, so this function lives beside the pool in the data stack).
   */
  trigger: 'http' | 'schedule' | 'ses-feedback' | 'ses-inbound' | 'table-stream' | 'user-pool-message';
  timeoutSeconds: number;
  memoryMb: number;
  /** Caps concurrent runs when the deployment asks for reserved concurrency (off by default: see docs/deploy.md). */
  reservedConcurrency?: number;
  /** A folder of the repository shipped beside the bundle (static files read at run time). */
  files?: 'web';
}

/** The environment variable(s) each kind of need is given as, in one place. */
export const NEED_ENV = {
  table: ['TABLE_NAME'],
  mail: ['MAIL_FROM', 'SES_CONFIGURATION_SET'],
  events: ['EVENT_BUS_NAME'],
  publicUrl: ['PUBLIC_BASE_URL'],
  inbound: ['INBOUND_DOMAIN'],
  signIn: ['COGNITO_DOMAIN', 'COGNITO_CLIENT_ID'],
  directory: ['USER_POOL_ID'],
} as const satisfies Partial<Record<keyof FunctionNeeds, readonly string[]>>;

export type NeedVariable = (typeof NEED_ENV)[keyof typeof NEED_ENV][number];

const api = { trigger: 'http', timeoutSeconds: 10, memoryMb: 512 } as const;
/** Every state change may send email at once; its domain events leave through the table's stream. */
const changesPolicies = { mail: true, publicUrl: true, inbound: 'optional' } as const;

export const FUNCTIONS = {
  'therapist-api': { ...api, ...changesPolicies, table: { access: 'readwrite', indexes: ['byTherapist'] } },
  // An admin's handover changes arrangements (and emails their clients) like a therapist's action;
  // inviting and removing a therapist changes their account in the user pool.
  'practice-api': {
    ...api,
    ...changesPolicies,
    table: { access: 'readwrite', indexes: ['byPractice', 'byTherapist'] },
    directory: true,
  },
  'client-api': { ...api, ...changesPolicies, table: { access: 'readwrite', indexes: [] } },
  'client-pages': { ...api, ...changesPolicies, table: { access: 'readwrite', indexes: [] } },
  health: { ...api, memoryMb: 256 },
  web: { ...api, memoryMb: 256, publicUrl: true, signIn: true, files: 'web' },
  dispatcher: {
    ...changesPolicies,
    sendingLimits: true,
    table: { access: 'readwrite', indexes: ['due'] },
    trigger: 'schedule',
    timeoutSeconds: 60,
    memoryMb: 512,
    reservedConcurrency: 2,
  },
  'ses-feedback': {
    table: { access: 'readwrite', indexes: [] },
    trigger: 'ses-feedback',
    timeoutSeconds: 30,
    memoryMb: 512,
    reservedConcurrency: 5,
  },
  'inbound-email': {
    ...changesPolicies,
    inbound: 'required',
    table: { access: 'readwrite', indexes: [] },
    trigger: 'ses-inbound',
    timeoutSeconds: 30,
    memoryMb: 512,
    reservedConcurrency: 5,
  },
  'event-relay': { events: true, trigger: 'table-stream', timeoutSeconds: 30, memoryMb: 256 },
  // Words the invitation for the inviting practice; the portal's address is all it is given.
  // Cognito waits at most 5 seconds for it.
  'invitation-message': { publicUrl: true, trigger: 'user-pool-message', timeoutSeconds: 5, memoryMb: 256 },
} as const satisfies Record<FunctionName, FunctionNeeds>;

/** The environment variable names a function with these needs is given (INBOUND_DOMAIN only when mail is received). */
export function environmentNames(needs: FunctionNeeds, receivesMail: boolean): NeedVariable[] {
  const given = (need: keyof typeof NEED_ENV) => Boolean(needs[need]) && (need !== 'inbound' || receivesMail);
  return (Object.keys(NEED_ENV) as (keyof typeof NEED_ENV)[]).filter(given).flatMap((need) => NEED_ENV[need]);
}

/**
 * How the table's stream reaches a `table-stream` function, in AWS (the event source mapping)
 * and in local mode (local/stream-poller.ts) alike. A failing batch is split in two and
 * retried, so after at most ten retries a batch of 100 is down to the one record that fails;
 * that record then goes to the on-failure queue, and the records after it go on.
 */
export const STREAM_DELIVERY = { batchSize: 100, retryAttempts: 10, bisectOnError: true } as const;

/** Invoked in the background (schedule, SNS, the stream): what fails every retry is kept in an on-failure queue. */
export const isAsync = (needs: FunctionNeeds) => needs.trigger !== 'http' && needs.trigger !== 'user-pool-message';

/**
 * The stack a function is deployed in. A user pool's triggers are properties of the pool
 * itself, and the API stack already depends on the data stack, so a trigger must live beside
 * the pool: the pool naming a function of the API stack would make each stack wait for the other.
 */
export const stackOf = (needs: FunctionNeeds): 'data' | 'api' =>
  needs.trigger === 'user-pool-message' ? 'data' : 'api';

/** The functions deployed in one stack, with their needs. */
export const functionsIn = (stack: 'data' | 'api') =>
  (Object.entries(FUNCTIONS) as [FunctionName, FunctionNeeds][]).filter(([, needs]) => stackOf(needs) === stack);
