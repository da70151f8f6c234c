/** The therapist's own settings: the name clients see, their zone and crisis-resource locale, how they are told of messages. */
import { DEFAULT_NOTIFICATIONS } from '../domain/notifications.js';
import type { ProfileBody } from '../domain/schemas.js';
import type { TherapistProfile } from '../ports/store.js';
import type { Deps, Therapist } from './deps.js';
import { practiceFor } from './practice-settings.js';
import { startingCrisisLocale } from './starting-rules.js';

export const DEFAULT_TIME_ZONE = 'America/New_York';

/** The stored profile, or one made from the sign-in claims the first time. */
export async function profileFor(deps: Deps, therapist: Therapist): Promise<TherapistProfile> {
  const stored = await deps.store.getProfile(therapist.id);
  if (stored) return stored;
  const profile: TherapistProfile = {
    therapistId: therapist.id,
    email: therapist.email,
    displayName: therapist.name,
    timeZone: DEFAULT_TIME_ZONE,
    crisisLocale: 'US',
    notifications: DEFAULT_NOTIFICATIONS,
  };
  await deps.store.putProfile(profile);
  return profile;
}

export async function updateProfile(deps: Deps, therapist: Therapist, body: ProfileBody): Promise<TherapistProfile> {
  const current = await profileFor(deps, therapist);
  const updated: TherapistProfile = {
    ...current,
    // The address always follows the identity provider, so it cannot be set here.
    email: therapist.email,
    displayName: body.displayName ?? current.displayName,
    timeZone: body.timeZone ?? current.timeZone,
    crisisLocale: body.crisisLocale ?? current.crisisLocale,
    ...(body.crisisLocale || current.crisisLocaleChosen ? { crisisLocaleChosen: true } : {}),
    notifications: body.notifications ?? current.notifications,
    ...(body.defaultRules || current.defaultRules ? { defaultRules: body.defaultRules ?? current.defaultRules } : {}),
  };
  await deps.store.putProfile(updated);
  return updated;
}

/**
 * GET and PUT /profile answer the profile with the therapist's role and their practice's
 * defaults and bounds (every therapist of a practice sees the same), and the crisis locale
 * their new arrangements start from: their own once chosen, else the practice's.
 */
export async function profileAnswer(deps: Deps, therapist: Therapist, profile: TherapistProfile) {
  const practice = await practiceFor(deps, therapist.practiceId);
  // Whether the locale was chosen is the service's own bookkeeping: the answer shows the locale that applies.
  const shown: TherapistProfile = { ...profile };
  delete shown.crisisLocaleChosen;
  return {
    ...shown,
    crisisLocale: startingCrisisLocale(profile, practice),
    role: therapist.role,
    practice: {
      id: practice.id,
      name: practice.name,
      defaults: practice.defaults,
      bounds: practice.bounds,
      retentionDays: practice.retentionDays,
    },
  };
}
