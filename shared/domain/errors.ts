/**
 * Typed errors. Each class knows its HTTP status and problem type so the mapping to
 * application/problem+json (RFC 9457) happens in exactly one place (functions/http/respond.ts).
 * Messages of these errors are written for the person reading them and are safe to show.
 */
import type { IsoDate } from './dates.js';

export type RefusalReason =
  | 'not-active'
  | 'outside-window'
  | 'too-long'
  | 'limit-reached'
  | 'too-soon'
  | 'not-check-in-time'
  | 'already-checked-in'
  | 'no-check-in'
  | 'not-allowed-now'
  | 'replies-off'
  | 'already-replied'
  | 'reduces-promise'
  | 'outside-practice-bounds';

export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  /** Extra members for the problem document, e.g. reason and nextAllowedOn. */
  extras(): Record<string, unknown> {
    return {};
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly type = '/problems/validation';
  readonly title = 'Some details need another look';
  constructor(
    detail: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(detail);
  }
  override extras() {
    return this.issues.length > 0 ? { errors: this.issues } : {};
  }
}

/** An error whose status, problem type and title are the same every time; only its detail differs. */
function fixedProblem(status: number, slug: string, title: string) {
  return class extends AppError {
    readonly status = status;
    readonly type = `/problems/${slug}`;
    readonly title = title;
  };
}

export class UnauthorizedError extends fixedProblem(401, 'unauthorized', 'Please sign in') {}
/** Signed in, but this is not theirs to do: an admin's page for a therapist, or access that has ended. */
export class ForbiddenError extends fixedProblem(403, 'forbidden', 'Not available to you') {}
export class NotFoundError extends fixedProblem(404, 'not-found', 'Not found') {}
export class MethodNotAllowedError extends fixedProblem(405, 'method-not-allowed', 'Method not allowed') {}
export class PayloadTooLargeError extends fixedProblem(413, 'too-large', 'That request is too large') {}
export class UnsupportedMediaTypeError extends fixedProblem(415, 'unsupported-media-type', 'Please send JSON') {}

/** The request was fine, but the policy's state or rules do not allow it right now. */
export class StateConflictError extends fixedProblem(409, 'state-conflict', 'Not possible right now') {}

export interface RefusalDetails {
  nextAllowedOn?: IsoDate;
  windowFrom?: IsoDate;
  windowUntil?: IsoDate;
  limit?: number;
  count?: number;
  state?: string;
  /** What else stands in the way of an update, after the reason (whole truths). */
  alsoBlockedBy?: string[];
  /** reduces-promise: each thing the change would take back, said for the therapist. */
  reductions?: { what: string; detail: string }[];
  /** outside-practice-bounds: the first bound the policy goes beyond, what it allows, and every bound it breaks. */
  bound?: string;
  allowed?: number | string[];
  breaches?: { bound: string; allowed: number | string[]; offered: number | string }[];
}

/** A client action refused by the policy's rules: always says what is possible next. */
export class RefusalError extends AppError {
  readonly status = 409;
  readonly title: string;
  readonly type: string;
  constructor(
    readonly reason: RefusalReason,
    detail: string,
    readonly details: RefusalDetails = {},
  ) {
    super(detail);
    this.type = `/problems/${reason}`;
    this.title = REFUSAL_TITLES[reason];
  }
  override extras() {
    return { reason: this.reason, ...this.details };
  }
}

const REFUSAL_TITLES: Record<RefusalReason, string> = {
  'not-active': 'Updates are not open right now',
  'outside-window': 'Outside the time for updates',
  'too-long': 'A little too long',
  'limit-reached': 'All updates have been used',
  'too-soon': 'A little too soon for the next update',
  'not-check-in-time': 'Not the time for the check-in',
  'already-checked-in': 'Check-in already sent',
  'no-check-in': 'No check-in message in this arrangement',
  'not-allowed-now': 'Not possible right now',
  'replies-off': 'Replies are off for this arrangement',
  'already-replied': 'Already replied',
  'reduces-promise': 'This would take back something promised',
  'outside-practice-bounds': "Beyond your practice's limits",
};

/** Still contended after every retry: a temporary state, said plainly (503), never a bare 500. */
export class BusyError extends fixedProblem(503, 'busy', 'Busy for a moment') {}

/** Optimistic-concurrency loss; use cases retry on it and it never reaches a client. */
export class VersionConflictError extends Error {
  constructor(options?: ErrorOptions) {
    super('the policy changed while this request was being handled', options);
    this.name = 'VersionConflictError';
  }
}
