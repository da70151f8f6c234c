/**
 * What happens next in an arrangement, as a practice admin's overview shows it: the check-in,
 * the day updates close, or the closing. Pure, and from the metadata alone (arrangement-meta.ts).
 */
import type { IsoDate } from './dates.js';
import { isOpen, type ArrangementMeta } from './arrangement-meta.js';

export type NextWhat = 'check-in' | 'closing' | 'updates-close';

export interface NextEvent {
  what: NextWhat;
  on: IsoDate;
}

/**
 * The earliest of what is still ahead on `today` (on the same day, the check-in before the
 * closing before updates closing). The closing is always ahead of an open arrangement, even
 * when its day has come and the dispatcher has not closed it yet. Ended arrangements have none.
 */
export function nextEvent(meta: ArrangementMeta, today: IsoDate): NextEvent | null {
  if (!isOpen(meta.state)) return null;
  const candidates: NextEvent[] = [];
  if (meta.checkIn && meta.checkIn.status === 'pending' && meta.checkIn.on >= today)
    candidates.push({ what: 'check-in', on: meta.checkIn.on });
  candidates.push({ what: 'closing', on: meta.closesOn });
  const updatesLeft = meta.updates.used < meta.updates.limit;
  if (updatesLeft && meta.updates.until >= today && meta.updates.until < meta.closesOn)
    candidates.push({ what: 'updates-close', on: meta.updates.until });
  // Stable: on equal days the order above decides.
  return candidates.reduce((earliest, c) => (c.on < earliest.on ? c : earliest));
}
