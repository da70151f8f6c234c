/**
 * Time limits on every AWS call, chosen by who waits for the answer. Without them the SDK
 * waits as long as the socket stays open: a hung SES call held a client's request for the
 * whole Lambda timeout. Each attempt is bounded (`requestMs` covers connecting as well),
 * and so is the number of attempts, so the worst case of one call is known:
 * attempts × requestMs + the SDK's backoff between them (100 ms base, 500 ms when throttled).
 *
 * Normal latencies for scale: DynamoDB answers in about 10 ms, EventBridge and SES in tens
 * of milliseconds; the limits are far above that, so they only fire when something is wrong.
 */
import { FUNCTIONS, type FunctionName } from './needs.js';

export interface CallLimits {
  /** Per attempt: time to have a connection (TCP and TLS). */
  connectMs: number;
  /** Per attempt: time to have the answer, connecting included. */
  requestMs: number;
  /** Attempts in all, 1 meaning no retry. */
  attempts: number;
  /**
   * Connections one client keeps open at most (the SDK's default is 50). Calls beyond it wait
   * for a free one, so a client made for parallel work needs as many as it has calls in flight.
   */
  sockets?: number;
}

/**
 * The dispatcher's most calls in flight to one service: its jobs (MAX_JOBS_IN_FLIGHT in
 * shared/use-cases/dispatch.ts) and one due-work query per partition (DUE_PARTITIONS);
 * test/unit/call-limits.test.ts holds the two together. Not imported, to keep the dispatcher
 * out of every other function's bundle.
 */
const DISPATCH_SOCKETS = 128 + 33;

export interface AwsCallLimits {
  dynamodb: CallLimits;
  ses: CallLimits;
  eventbridge: CallLimits;
  /** The user pool (a practice admin's invitations and removals). */
  cognito: CallLimits;
}

/**
 * API functions: Lambda stops them at 10 s (API Gateway would wait 29 s), and a request makes
 * a few DynamoDB calls in a row, so one stuck call must not take the whole budget: at most
 * 3 × 2 s. SES is capped again by the immediate send's own deadline (SEND_NOW_MS in
 * shared/use-cases/deliver.ts). Requests publish no events (the event relay does, from the
 * table's stream); the EventBridge limit is kept for any client made with these limits.
 */
export const REQUEST_LIMITS: AwsCallLimits = {
  dynamodb: { connectMs: 1_000, requestMs: 2_000, attempts: 3 },
  ses: { connectMs: 1_000, requestMs: 2_500, attempts: 2 },
  eventbridge: { connectMs: 1_000, requestMs: 1_500, attempts: 2 },
  // AdminCreateUser waits for the invitation's message trigger (Cognito gives it at most 5 s, a
  // cold start takes well under one), so 4 s an attempt; twice at most stays inside the 10 s.
  // A retried create that had gone through meets the account it made: "already exists", same id.
  cognito: { connectMs: 1_000, requestMs: 4_000, attempts: 2 },
};

/**
 * Scheduled, SNS- and stream-triggered functions (the dispatcher has 60 s, feedback, inbound
 * mail and the event relay 30 s): nobody waits on an answer, but a stuck call spends the run's time. Somewhat longer
 * than for requests, so a slow SES still gets the email through; a call whose outcome is
 * unknown is not repeated (shared/adapters/ses/send-failure.ts), so one costs at most 5 s.
 */
export const BACKGROUND_LIMITS: AwsCallLimits = {
  dynamodb: { connectMs: 1_000, requestMs: 3_000, attempts: 3, sockets: DISPATCH_SOCKETS },
  ses: { connectMs: 1_000, requestMs: 5_000, attempts: 3, sockets: DISPATCH_SOCKETS },
  eventbridge: { connectMs: 1_000, requestMs: 3_000, attempts: 3 },
  cognito: { connectMs: 1_000, requestMs: 5_000, attempts: 2 },
};

/**
 * DynamoDB Local (npm start, the tests, the bench): a JVM on a shared laptop or CI machine,
 * whose pauses under a parallel burst are not the outage the limits above guard against.
 * SES keeps its deployed limits locally, so the fault tests exercise the real ones.
 */
export const LOCAL_DYNAMODB_LIMITS: CallLimits = {
  connectMs: 5_000,
  requestMs: 10_000,
  attempts: 3,
  sockets: DISPATCH_SOCKETS,
};

/** The ops command: a person at a terminal, over the internet rather than inside the region. */
export const OPS_LIMITS: CallLimits = { connectMs: 3_000, requestMs: 10_000, attempts: 3 };

export const OPS_CALL_LIMITS: AwsCallLimits = {
  dynamodb: OPS_LIMITS,
  ses: OPS_LIMITS,
  eventbridge: OPS_LIMITS,
  cognito: OPS_LIMITS,
};

/** A deployed function's limits, from how it is invoked. */
export function limitsFor(name: FunctionName): AwsCallLimits {
  return FUNCTIONS[name].trigger === 'http' ? REQUEST_LIMITS : BACKGROUND_LIMITS;
}

/** The SDK client options that enforce `limits` (any v3 client takes these). */
export function clientLimits(limits: CallLimits) {
  return {
    maxAttempts: limits.attempts,
    requestHandler: {
      connectionTimeout: limits.connectMs,
      requestTimeout: limits.requestMs,
      // Without this the handler only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      // A response that stops halfway is caught too (requestTimeout ends with the headers).
      socketTimeout: limits.requestMs,
      // Over the SDK's own agent defaults (keep-alive on): only the connection count changes.
      ...(limits.sockets
        ? { httpAgent: { maxSockets: limits.sockets }, httpsAgent: { maxSockets: limits.sockets } }
        : {}),
    },
  };
}
