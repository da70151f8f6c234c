/**
 * How the therapist is told of an accepted update or check-in message: in the style their
 * profile chose (notifications), read when the message is accepted and kept with what that
 * decides, rather than read again when an email goes out. Why then: the daily digest's entry
 * has to be written in the very transaction that accepts the message, so that a message is
 * never told twice or not at all, and one reading decides every style at that one moment; a
 * notice's job then never holds the client's words, so no retry and nothing left in the table
 * can bring them into an email. The cost: what was decided keeps the style of that moment if
 * the therapist changes their choice before it goes out (a retried email, a pending digest).
 */
import { todayIn, type IsoDate } from '../domain/dates.js';
import { DEFAULT_NOTIFICATIONS, nextDigestAt, type DigestEntry, type Notifications } from '../domain/notifications.js';
import type { Policy } from '../domain/policy.js';
import type { MailJob, PolicyChange } from '../ports/store.js';
import type { Deps } from './deps.js';
import { mail } from './mail.js';
import { DEFAULT_TIME_ZONE } from './profile.js';

/** What the profile says about being told: the style, and the zone a daily digest keeps its 09:00 in. */
export interface TherapistChoice {
  notifications: Notifications;
  timeZone: string;
}

/** What telling the therapist adds to the change that accepts a message: an email, or a digest entry. */
export type TherapistTold = { mails: MailJob[] } & Pick<PolicyChange, 'digest'>;

/** The profile's choice, read once per request however often a lost race makes it decide again. */
export function choiceReader(deps: Deps): (therapistId: string) => Promise<TherapistChoice> {
  let read: Promise<TherapistChoice> | undefined;
  return (therapistId) =>
    (read ??= deps.store.getProfile(therapistId).then((p) => ({
      notifications: p?.notifications ?? DEFAULT_NOTIFICATIONS,
      timeZone: p?.timeZone ?? DEFAULT_TIME_ZONE,
    })));
}

/** The entry a daily digest counts the message by, due at the therapist's next 09:00. */
function digestOf(choice: TherapistChoice, policy: Policy, at: string, kind: DigestEntry['kind']): TherapistTold {
  const createdOn = todayIn(policy.rules.timeZone, new Date(policy.createdAt));
  const handedOver = policy.handovers?.at(-1);
  const handedOverOn = handedOver ? { handedOverOn: todayIn(policy.rules.timeZone, new Date(handedOver.at)) } : {};
  return {
    mails: [],
    digest: {
      therapistId: policy.therapistId,
      dueAt: nextDigestAt(new Date(at), choice.timeZone),
      entry: { policyId: policy.id, kind, at, createdOn, ...handedOverOn },
    },
  };
}

export function toldOfUpdate(
  choice: TherapistChoice,
  policy: Policy,
  at: string,
  update: { seq: number; text: string; characters: number; sentOn: IsoDate },
): TherapistTold {
  if (choice.notifications === 'daily-digest') return digestOf(choice, policy, at, 'update');
  const full = choice.notifications === 'full-text';
  const data = { ...update, text: full ? update.text : '', style: full ? 'full-text' : 'notice' } as const;
  return { mails: [mail('update-received', data)] };
}

export function toldOfCheckIn(
  choice: TherapistChoice,
  policy: Policy,
  at: string,
  message: { text: string; sentOn: IsoDate },
): TherapistTold {
  if (choice.notifications === 'daily-digest') return digestOf(choice, policy, at, 'check-in-message');
  const full = choice.notifications === 'full-text';
  const data = { ...message, text: full ? message.text : '', style: full ? 'full-text' : 'notice' } as const;
  return { mails: [mail('check-in-message', data)] };
}
