/**
 * Typed, forgiving reads of an email's data snapshot (EmailContext.data). The keys are
 * checked against emails/data.ts at compile time; a missing or malformed value (an older
 * job, a bug elsewhere) falls back to what the policy says instead of breaking the email.
 */
import { isIsoDate, type IsoDate } from '../domain/dates.js';
import type { MailData } from '../ports/store.js';
import type { EmailDataByKind } from './data.js';
import type { EmailKind } from '../domain/email-kinds.js';

type KeysOfType<T, V> = { [P in keyof T]-?: T[P] extends V ? P : never }[keyof T] & string;

export interface SnapshotReader<K extends EmailKind> {
  number(key: KeysOfType<EmailDataByKind[K], number>, fallback: number): number;
  text(key: KeysOfType<EmailDataByKind[K], string>, fallback: string): string;
  flag(key: KeysOfType<EmailDataByKind[K], boolean>, fallback: boolean): boolean;
  /** A valid ISO date, or the fallback. */
  date(key: KeysOfType<EmailDataByKind[K], string | null>, fallback: IsoDate): IsoDate;
  /** Like date, but an explicit null in the snapshot stays null ("no further date"). */
  dateOrNull(key: KeysOfType<EmailDataByKind[K], string | null>, fallback: IsoDate | null): IsoDate | null;
}

export function snapshot<K extends EmailKind>(data: MailData): SnapshotReader<K> {
  const raw = (key: string) => (Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined);
  return {
    number: (key, fallback) => {
      const v = raw(key);
      return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
    },
    text: (key, fallback) => {
      const v = raw(key);
      return typeof v === 'string' ? v : fallback;
    },
    flag: (key, fallback) => {
      const v = raw(key);
      return typeof v === 'boolean' ? v : fallback;
    },
    date: (key, fallback) => {
      const v = raw(key);
      return typeof v === 'string' && isIsoDate(v) ? v : fallback;
    },
    dateOrNull: (key, fallback) => {
      const v = raw(key);
      if (v === null) return null;
      return typeof v === 'string' && isIsoDate(v) ? v : fallback;
    },
  };
}
