/**
 * Where a new arrangement's rules come from, in order: what the request says, the therapist's
 * own usual rules (profile), their practice's defaults, and last the product's (policy.ts).
 * Pure: the layers in, the input to resolveRules out.
 */
import type { CrisisLocale } from '../domain/crisis.js';
import type { RulesInput } from '../domain/policy.js';
import type { Practice } from '../domain/practice.js';
import type { CreatePolicyBody } from '../domain/schemas.js';
import type { TherapistProfile } from '../ports/store.js';

/**
 * The crisis locale a therapist's new arrangements start from: their own, once they chose
 * one in their profile; until then the practice's (a practice in Ireland sets IE for all).
 */
export function startingCrisisLocale(
  profile: Pick<TherapistProfile, 'crisisLocale' | 'crisisLocaleChosen'>,
  practice: Pick<Practice, 'defaults'>,
): CrisisLocale {
  if (profile.crisisLocaleChosen) return profile.crisisLocale;
  return practice.defaults.crisisLocale ?? profile.crisisLocale;
}

export function startingRules(
  body: CreatePolicyBody,
  profile: TherapistProfile,
  practice: Practice,
  timeZone: string,
): RulesInput {
  const mine = profile.defaultRules ?? {};
  const ours = practice.defaults;
  const checkInAsked = ours.checkIn || mine.checkIn || body.checkIn;
  return {
    ...body,
    updates: { ...ours.updates, ...mine.updates, ...body.updates },
    checkIn:
      body.checkIn === null
        ? null
        : checkInAsked
          ? { ...ours.checkIn, ...mine.checkIn, ...body.checkIn }
          : // The product's default check-in only where the practice offers check-ins at all.
            practice.bounds.checkInFormats.length === 0
            ? null
            : undefined,
    replies: body.replies ?? mine.replies ?? ours.replies,
    referrals: body.referrals ?? mine.referrals ?? ours.referrals,
    // A note the request names (null included: none) wins; a usual note that is null is none set.
    invitationNote:
      body.invitationNote === undefined ? (mine.invitationNote ?? ours.invitationNote) : body.invitationNote,
    closingNote: body.closingNote === undefined ? (mine.closingNote ?? ours.closingNote) : body.closingNote,
    timeZone,
    crisisLocale: body.crisisLocale ?? startingCrisisLocale(profile, practice),
  };
}
