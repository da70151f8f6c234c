/**
 * A practice: the therapists who work together, the rules a new arrangement starts from
 * (defaults) and the most any arrangement may offer (bounds). Pure data and pure functions.
 */
import type { CrisisLocale } from './crisis.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { CheckInFormat, PolicyRules, Referral, Replies } from './policy.js';

/** Every deployment has this practice; therapists signed in without one belong to it. */
export const DEFAULT_PRACTICE_ID = 'default';

export const ROLES = ['therapist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A therapist's standing in their practice. `leaving`: an admin has started handing their
 * arrangements over, and they can no longer sign in to anything; `removed`: gone from the practice.
 */
export const MEMBER_STATUSES = ['active', 'leaving', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A leaving therapist's handover, kept with their member record so a second request resumes it. */
export interface HandoverPlan {
  to: string | null;
  note: string | null;
  startedAt: string;
  /**
   * Every arrangement the handover covers (open when it was found), so that those already
   * handed to a colleague, and gone from the leaver's list, still count; absent: none found yet.
   */
  arrangements?: string[];
  /** When the last open arrangement was dealt with (the `handover-finished` entry); absent: not yet. */
  finishedAt?: string;
}

/** How long a closed arrangement's data is kept before it is deleted, in days. */
export const RETENTION = { min: 30, max: 3650, default: 90 } as const;

/** The most a product-wide policy may offer (the request schemas' limits); a practice narrows them. */
export const PRODUCT_LIMITS = { maxUpdates: 12, maxCharacters: 5000, maxWindowDays: 366 } as const;

export interface PracticeBounds {
  /** The most updates any arrangement may offer. */
  maxUpdates: number;
  /** The most characters an update (and the check-in message) may have. */
  maxCharacters: number;
  /** The longest update window, in days from its first to its last day. */
  maxWindowDays: number;
  /** The check-in formats arrangements may use; an arrangement without a check-in is always allowed. */
  checkInFormats: CheckInFormat[];
}

/** The rules a new arrangement starts from, under what the therapist's own profile sets. */
export interface PracticeDefaults {
  updates?: { limit?: number; minDaysBetween?: number; maxCharacters?: number; windowDays?: number };
  checkIn?: { afterMonths?: number; format?: CheckInFormat; remindDaysBefore?: number[] };
  replies?: Replies;
  referrals?: Referral[];
  crisisLocale?: CrisisLocale;
  invitationNote?: string | null;
  closingNote?: string | null;
}

export interface Practice {
  id: string;
  name: string;
  defaults: PracticeDefaults;
  bounds: PracticeBounds;
  retentionDays: number;
  /** Written with each change; null before the practice was first saved. */
  version: number | null;
}

export const DEFAULT_BOUNDS: PracticeBounds = {
  maxUpdates: PRODUCT_LIMITS.maxUpdates,
  maxCharacters: PRODUCT_LIMITS.maxCharacters,
  maxWindowDays: PRODUCT_LIMITS.maxWindowDays,
  checkInFormats: ['message', 'session'],
};

/** A practice nobody has set up yet: the product's own defaults and limits, 90 days' retention. */
export function unsetPractice(id: string, name: string): Practice {
  return { id, name, defaults: {}, bounds: { ...DEFAULT_BOUNDS }, retentionDays: RETENTION.default, version: null };
}

export type BoundName = 'maxUpdates' | 'maxCharacters' | 'maxWindowDays' | 'checkInFormats';

export interface BoundBreach {
  bound: BoundName;
  /** The practice's bound, said for a person (a number or the formats allowed). */
  allowed: number | CheckInFormat[];
  /** What the arrangement would offer. */
  offered: number | CheckInFormat;
}

/** The update window's length as the bounds count it: its first day to its last day, inclusive. */
export function windowDays(updates: { from: IsoDate; until: IsoDate }): number {
  return daysBetween(updates.from, updates.until) + 1;
}

/** Each bound the rules go beyond, in a fixed order; empty when they keep to every bound. */
export function boundBreaches(rules: PolicyRules, bounds: PracticeBounds): BoundBreach[] {
  const breaches: BoundBreach[] = [];
  const { updates, checkIn } = rules;
  if (updates.limit > bounds.maxUpdates)
    breaches.push({ bound: 'maxUpdates', allowed: bounds.maxUpdates, offered: updates.limit });
  if (updates.maxCharacters > bounds.maxCharacters)
    breaches.push({ bound: 'maxCharacters', allowed: bounds.maxCharacters, offered: updates.maxCharacters });
  if (updates.limit > 0 && windowDays(updates) > bounds.maxWindowDays)
    breaches.push({ bound: 'maxWindowDays', allowed: bounds.maxWindowDays, offered: windowDays(updates) });
  if (checkIn && !bounds.checkInFormats.includes(checkIn.format))
    breaches.push({ bound: 'checkInFormats', allowed: bounds.checkInFormats, offered: checkIn.format });
  return breaches;
}
