/**
 * The answer when an arrangement would go beyond its practice's bounds: 409
 * outside-practice-bounds for a create or a change, and the same facts as the preview's
 * answer (beside the fields they concern), so the form can say it before anything is saved.
 */
import { RefusalError } from '../domain/errors.js';
import type { BoundBreach, BoundName } from '../domain/practice.js';
import { boundSentence, boundsRefusal } from '../wording/practice.js';

/** The request field each bound limits (the form shows the sentence beside it). */
const BOUND_FIELDS: Record<BoundName, string> = {
  maxUpdates: 'updates.limit',
  maxCharacters: 'updates.maxCharacters',
  maxWindowDays: 'updates.until',
  checkInFormats: 'checkIn.format',
};

export class OutsideBoundsError extends RefusalError {
  constructor(readonly found: [BoundBreach, ...BoundBreach[]]) {
    super('outside-practice-bounds', boundsRefusal(found), {
      bound: found[0].bound,
      allowed: found[0].allowed,
      breaches: found,
    });
  }
}

/** Throws when there is any breach: the first one names the bound, all are listed. */
export function refuseBeyondBounds(breaches: BoundBreach[]): void {
  const [first, ...rest] = breaches;
  if (first) throw new OutsideBoundsError([first, ...rest]);
}

/** What a preview answers instead of a 409: the refusal's facts, and a sentence beside each field. */
export function previewRefusal(err: OutsideBoundsError) {
  return {
    ok: false as const,
    errors: err.found.map((b) => ({ path: BOUND_FIELDS[b.bound], message: boundSentence(b) })),
    reason: err.reason,
    ...err.details,
  };
}
