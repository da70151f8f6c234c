/**
 * What a change to an arrangement's rules changes, seen from the client's side: each
 * difference, and whether it takes back something they were promised (fewer updates, fewer
 * characters, a longer wait between updates, a shorter window, an earlier or removed
 * check-in, an earlier closing). Pure: two sets of rules in, the differences out.
 */
import type { IsoDate } from './dates.js';
import type { CheckInRules, PolicyRules, Referral } from './policy.js';

export type RuleChange =
  | { what: 'limit'; from: number; to: number }
  | { what: 'maxCharacters'; from: number; to: number }
  | { what: 'minDaysBetween'; from: number; to: number }
  | { what: 'window'; from: { from: IsoDate; until: IsoDate }; to: { from: IsoDate; until: IsoDate } }
  | { what: 'checkIn'; from: CheckInRules | null; to: CheckInRules | null }
  | { what: 'replies'; from: PolicyRules['replies']; to: PolicyRules['replies'] }
  | { what: 'closesOn'; from: IsoDate; to: IsoDate }
  | { what: 'referrals'; from: Referral[]; to: Referral[] };

const sameCheckIn = (a: CheckInRules | null, b: CheckInRules | null) => JSON.stringify(a) === JSON.stringify(b);
const sameReferrals = (a: Referral[], b: Referral[]) => JSON.stringify(a) === JSON.stringify(b);

/** Every difference the client would notice, in the order their rules are told. */
export function ruleChanges(before: PolicyRules, after: PolicyRules): RuleChange[] {
  const changes: RuleChange[] = [];
  const [b, a] = [before.updates, after.updates];
  if (a.limit !== b.limit) changes.push({ what: 'limit', from: b.limit, to: a.limit });
  if (a.maxCharacters !== b.maxCharacters)
    changes.push({ what: 'maxCharacters', from: b.maxCharacters, to: a.maxCharacters });
  if (a.minDaysBetween !== b.minDaysBetween)
    changes.push({ what: 'minDaysBetween', from: b.minDaysBetween, to: a.minDaysBetween });
  if (a.from !== b.from || a.until !== b.until)
    changes.push({ what: 'window', from: { from: b.from, until: b.until }, to: { from: a.from, until: a.until } });
  if (after.replies !== before.replies) changes.push({ what: 'replies', from: before.replies, to: after.replies });
  if (!sameCheckIn(before.checkIn, after.checkIn))
    changes.push({ what: 'checkIn', from: before.checkIn, to: after.checkIn });
  if (after.closesOn !== before.closesOn) changes.push({ what: 'closesOn', from: before.closesOn, to: after.closesOn });
  if (!sameReferrals(before.referrals, after.referrals))
    changes.push({ what: 'referrals', from: before.referrals, to: after.referrals });
  return changes;
}

/** Whether a change takes back something promised. */
export function reducesPromise(change: RuleChange): boolean {
  switch (change.what) {
    case 'limit':
    case 'maxCharacters':
      return change.to < change.from;
    case 'minDaysBetween':
      return change.to > change.from;
    case 'window':
      return change.to.from > change.from.from || change.to.until < change.from.until;
    case 'checkIn':
      return change.from !== null && (change.to === null || change.to.on < change.from.on);
    case 'closesOn':
      return change.to < change.from;
    case 'replies':
    case 'referrals':
      return false;
  }
}
