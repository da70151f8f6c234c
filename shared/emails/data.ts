/**
 * The data snapshot each email is given (EmailContext.data), by kind. Written by the use
 * cases when they decide to send, read by the templates when the email goes out.
 */
import type { EmailKind } from '../domain/email-kinds.js';
import type { MessageStyle } from '../domain/notifications.js';

export interface EmailDataByKind {
  invitation: Record<string, never>;
  acceptance: Record<string, never>;
  /** After the update numbered `seq` was accepted. */
  /** `text`: the client's own words, quoted back so they keep a record (absent in jobs written before). */
  'update-receipt': {
    seq: number;
    left: number;
    limit: number;
    nextAllowedOn: string | null;
    windowUntil: string;
    text: string;
  };
  /** Email path only: the client's own words quoted back with the reason. */
  'update-refused': { text: string; reason: string; detail: string; nextAllowedOn: string | null };
  'check-in-reminder': { daysBefore: number };
  'check-in-day': Record<string, never>;
  closing: Record<string, never>;
  'opted-out': Record<string, never>;
  'new-link': Record<string, never>;
  /** The therapist's reply to an update (`about` 'update', its `seq`) or the check-in message; `messageSentOn`: the day the client wrote. */
  reply: { text: string; about: 'update' | 'check-in'; seq: number; messageSentOn: string };
  /** `until`: the day it reopens by itself, null when not known; `note`: the therapist's words to the client ('' for none). */
  paused: { until: string | null; note: string };
  resumed: Record<string, never>;
  /** The sentences of what changed, one per line, as decided when the change was saved. */
  'rules-changed': { changes: string };
  'policy-created': Record<string, never>;
  'client-accepted': Record<string, never>;
  'client-declined': Record<string, never>;
  'client-opted-out': Record<string, never>;
  /**
   * `style`: as the therapist's profile chose when the update was accepted; a notice's `text` is ''
   * (its job never holds the words). Jobs from before the choice have no style and the words: full text.
   */
  'update-received': { seq: number; text: string; characters: number; sentOn: string; style: MessageStyle };
  'therapist-check-in-reminder': { daysBefore: number };
  'therapist-check-in-day': Record<string, never>;
  /** `style` and `text` as for update-received. */
  'check-in-message': { text: string; sentOn: string; style: MessageStyle };
  'check-in-skipped': Record<string, never>;
  'check-in-restored': Record<string, never>;
  'closing-summary': { reason: string; updatesReceived: number; checkIn: string };
  /**
   * A colleague took over when the therapist left, as decided then: the practice that writes, the
   * therapist who left, and the practice's note ('' for none).
   */
  'handed-over': { practiceName: string; formerTherapist: string; note: string };
  /** The practice's goodbye; what it says is on the policy (closedByPractice), which no later change touches. */
  'closed-by-practice': Record<string, never>;
  /**
   * The colleague's summary of an arrangement handed to them; as for handed-over, and never the
   * client's words. `notesSetAside`: the former therapist's personal notes were not passed on.
   */
  'handover-received': { practiceName: string; formerTherapist: string; note: string; notesSetAside: boolean };
}

/** Compile-time check that every kind has a data shape. */
export type EmailData<K extends EmailKind> = EmailDataByKind[K];
type EveryKindHasData = EmailKind extends keyof EmailDataByKind ? true : never;
const _exhaustive: EveryKindHasData = true;
void _exhaustive;
