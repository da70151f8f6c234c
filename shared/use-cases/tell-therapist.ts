/**
 * How the therapist is told of an accepted update or check-in message: in the style their
 * profile chose (notifications), read when the message is accepted and kept with the email's
 * job rather than read again when it goes out. Why then: a notice's job never holds the client's
 * words at all, so no retry and nothing left in the table can bring them into an email; and one
 * reading decides, in the very transaction that accepts the message, how the therapist hears of
 * it, so a message is never told twice or not at all. The cost: an email already decided keeps
 * the style of that moment if the therapist changes their choice before a retry sends it.
 */
import { DEFAULT_NOTIFICATIONS, type Notifications } from '../domain/notifications.js';
import type { IsoDate } from '../domain/dates.js';
import type { PolicyChange } from '../ports/store.js';
import type { Deps } from './deps.js';
import { mail } from './mail.js';

/** What telling the therapist adds to the change that accepts a message. */
export type TherapistTold = Required<Pick<PolicyChange, 'mails'>>;

/** The profile's choice, read once per request however often a lost race makes it decide again. */
export function notificationsReader(deps: Deps): (therapistId: string) => Promise<Notifications> {
  let read: Promise<Notifications> | undefined;
  return (therapistId) =>
    (read ??= deps.store.getProfile(therapistId).then((p) => p?.notifications ?? DEFAULT_NOTIFICATIONS));
}

export function toldOfUpdate(
  notifications: Notifications,
  update: { seq: number; text: string; characters: number; sentOn: IsoDate },
): TherapistTold {
  const style = notifications === 'full-text' ? 'full-text' : 'notice';
  return { mails: [mail('update-received', { ...update, text: style === 'full-text' ? update.text : '', style })] };
}

export function toldOfCheckIn(notifications: Notifications, message: { text: string; sentOn: IsoDate }): TherapistTold {
  const style = notifications === 'full-text' ? 'full-text' : 'notice';
  return { mails: [mail('check-in-message', { ...message, text: style === 'full-text' ? message.text : '', style })] };
}
