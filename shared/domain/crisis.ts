/**
 * Crisis resources shown on every client email and page. The service is not for
 * emergencies and says so; which numbers to give depends on where the client lives,
 * so the therapist chooses a locale (US by default).
 */
export const CRISIS_LOCALES = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ'] as const;
export type CrisisLocale = (typeof CRISIS_LOCALES)[number];

export interface CrisisResources {
  lines: string[];
}

const RESOURCES: Record<CrisisLocale, CrisisResources> = {
  US: {
    lines: ['Call or text 988 (Suicide & Crisis Lifeline), any time.', 'If you are in immediate danger, call 911.'],
  },
  CA: { lines: ['Call or text 988 (Suicide Crisis Helpline), any time.', 'If you are in immediate danger, call 911.'] },
  GB: { lines: ['Call Samaritans free on 116 123, any time.', 'If you are in immediate danger, call 999.'] },
  IE: { lines: ['Call Samaritans free on 116 123, any time.', 'If you are in immediate danger, call 112 or 999.'] },
  AU: { lines: ['Call Lifeline on 13 11 14, any time.', 'If you are in immediate danger, call 000.'] },
  NZ: { lines: ['Call or text 1737, any time.', 'If you are in immediate danger, call 111.'] },
};

export function crisisResources(locale: CrisisLocale): CrisisResources {
  return RESOURCES[locale];
}
