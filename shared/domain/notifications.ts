/**
 * How a therapist hears of a new update or check-in message: the profile's `notifications`.
 * A notice says that something arrived, with a link to the arrangement in the portal, and
 * carries none of the client's words, nor their name or address; full text carries the words;
 * the daily digest sends nothing per message, but one email a day at 09:00 in the therapist's
 * zone, notice style, listing every arrangement that had something new since the last one.
 */
import { addDays, instantAt, todayIn, type IsoDate } from './dates.js';
import { DEFAULTS } from './policy.js';

export const NOTIFICATIONS = ['notice', 'full-text', 'daily-digest'] as const;
export type Notifications = (typeof NOTIFICATIONS)[number];

export const DEFAULT_NOTIFICATIONS: Notifications = 'notice';

/** How one email to the therapist about a message is written (kept with its job). */
export type MessageStyle = 'notice' | 'full-text';

/** One message a daily digest will count: which arrangement, what, when. Never any words or names. */
export interface DigestEntry {
  policyId: string;
  kind: 'update' | 'check-in-message';
  /** When the message was accepted. */
  at: string;
  /** The day the arrangement was set up, in its zone: how the digest names it without the client. */
  createdOn: IsoDate;
  /** The day the practice handed it to this therapist, when it did (in its zone): named by that instead. */
  handedOverOn?: IsoDate;
}

/** When a digest goes out: the next 09:00 after `at` in the therapist's zone (today's if still ahead). */
export function nextDigestAt(at: Date, timeZone: string): string {
  const today = todayIn(timeZone, at);
  const todays = instantAt(today, DEFAULTS.sendAt, timeZone);
  return Date.parse(todays) > at.getTime() ? todays : instantAt(addDays(today, 1), DEFAULTS.sendAt, timeZone);
}

/** One arrangement's line in a digest: every message since the last digest counted. */
export interface DigestLine {
  policyId: string;
  createdOn: IsoDate;
  handedOverOn?: IsoDate;
  updates: number;
  checkInMessages: number;
}

/** Entries to lines: one per arrangement, in the order each first had something new. */
export function digestLines(entries: readonly DigestEntry[]): DigestLine[] {
  const lines = new Map<string, DigestLine>();
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    const line = lines.get(e.policyId) ?? {
      policyId: e.policyId,
      createdOn: e.createdOn,
      ...(e.handedOverOn ? { handedOverOn: e.handedOverOn } : {}),
      updates: 0,
      checkInMessages: 0,
    };
    if (e.kind === 'update') line.updates += 1;
    else line.checkInMessages += 1;
    lines.set(e.policyId, line);
  }
  return [...lines.values()];
}
