/**
 * The faults the local SES proxy (ses-fault-proxy.ts) can play, and their names for the
 * environment (`SES_FAULTS=hang npm start`) and the control route (POST /local/ses-faults).
 */
import * as z from 'zod/mini';
import { ValidationError } from '../shared/domain/errors.js';
import { parseWith } from '../shared/domain/parse.js';

export type SesFault =
  /** Forward to the emulator and answer with what it said. */
  | { kind: 'pass' }
  /** Wait, then forward. */
  | { kind: 'delay'; ms: number }
  /** Answer with an SES v2 error (status and error type, as SES's REST JSON protocol sends them); nothing is sent. */
  | { kind: 'fail'; status: number; errorType: string }
  /** Read the request and never answer (the connection stays open). */
  | { kind: 'hang' }
  /** Read the request and close the connection without forwarding it: nothing is sent. */
  | { kind: 'drop' }
  /** Forward it, so the email IS received, then close the connection without answering. */
  | { kind: 'lose' };

/** The named faults; `delay:<ms>` and `fail:<status>:<ErrorType>` take their figures inline. */
export const FAULTS = {
  pass: { kind: 'pass' },
  'internal-failure': { kind: 'fail', status: 500, errorType: 'InternalFailure' },
  throttled: { kind: 'fail', status: 429, errorType: 'TooManyRequestsException' },
  paused: { kind: 'fail', status: 400, errorType: 'SendingPausedException' },
  'limit-exceeded': { kind: 'fail', status: 400, errorType: 'LimitExceededException' },
  hang: { kind: 'hang' },
  drop: { kind: 'drop' },
  lose: { kind: 'lose' },
} as const satisfies Record<string, SesFault>;

const NAMES = [...Object.keys(FAULTS), 'delay:<ms>', 'fail:<status>:<ErrorType>', 'down'].join(', ');

function isNamed(spec: string): spec is keyof typeof FAULTS {
  return Object.hasOwn(FAULTS, spec);
}

/** `hang`, `delay:1500`, `fail:503:ServiceUnavailable` … as a fault; `down` is not one (see SesFaultSetting). */
export function parseFault(spec: string): SesFault {
  const trimmed = spec.trim();
  if (isNamed(trimmed)) return FAULTS[trimmed];
  const delay = /^delay:(\d{1,6})$/.exec(trimmed);
  if (delay) return { kind: 'delay', ms: Number(delay[1]) };
  const fail = /^fail:([45]\d\d):([A-Za-z]{1,64})$/.exec(trimmed);
  if (fail) return { kind: 'fail', status: Number(fail[1]), errorType: fail[2]! };
  throw new ValidationError(`Unknown SES fault "${trimmed.slice(0, 40)}". Known: ${NAMES}.`);
}

/** What the proxy is set to: a standing fault, or down (connections refused, as when SES is unreachable). */
export type SesFaultSetting = SesFault | { kind: 'down' };

export function parseSetting(spec: string): SesFaultSetting {
  return spec.trim() === 'down' ? { kind: 'down' } : parseFault(spec);
}

const controlBody = z.strictObject({
  fault: z.string().check(z.minLength(1), z.maxLength(80)),
  /** Only the next N sending requests meet the fault; without it, it stands until changed. */
  times: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});

export type FaultControl = { setting: SesFaultSetting; times?: number | undefined };

/** The control route's body, e.g. {"fault":"hang"} or {"fault":"internal-failure","times":2}. */
export function parseControl(body: unknown): FaultControl {
  const input = parseWith(controlBody, body, 'SES fault');
  const setting = parseSetting(input.fault);
  if (setting.kind === 'down' && input.times !== undefined)
    throw new ValidationError('"down" stands until changed; it takes no "times".');
  return { setting, times: input.times };
}

/** A fault as its spec again, for the banner and the control route's answer. */
export function describeFault(fault: SesFaultSetting): string {
  if (fault.kind === 'delay') return `delay:${fault.ms}`;
  if (fault.kind === 'fail') {
    const named = Object.entries(FAULTS).find(
      ([, f]) => f.kind === 'fail' && f.status === fault.status && f.errorType === fault.errorType,
    );
    return named?.[0] ?? `fail:${fault.status}:${fault.errorType}`;
  }
  return fault.kind;
}
