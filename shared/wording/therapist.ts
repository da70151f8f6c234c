/**
 * Everything a therapist reads in an email from the service, one group per email; each
 * group's `title` is the email's subject and heading. Where a therapist is shown what the
 * client was told, the client's own sentence is quoted whole (from client.ts), never
 * rebuilt here.
 */
import { formatDate, formatDateWithWeekday, type IsoDate } from '../domain/dates.js';
import { count, plural, reminderDays, sentences } from './format.js';
import { SITE } from './client/common.js';

const NOTHING_MORE_TO_THEM = 'Nothing more will be sent to them.';
const EXPORT_BEFORE_THEN = 'You can export it from the portal before then.';

/** What every therapist email carries. */
export const therapistMail = {
  openInPortal: 'Open this arrangement in the portal',
  reviewOrExport: 'Review or export this arrangement',
  footer: (clientName: string) =>
    sentences(
      `Sent by ${SITE} about your arrangement with ${clientName}.`,
      'Your email address is never shown to the client.',
    ),
  noteAsClientReadsIt: (clientName: string) => `Your note, as ${clientName} reads it:`,
  /** `told`: the client's sentence, quoted as they read it. */
  clientWasTold: (clientName: string, told: string) => `${clientName} has been told: “${told}”`,
};

/**
 * Emails that leave out the client's name, address and words (the profile's notifications: a
 * notice). They name the arrangement by the day it was set up and the start of its id.
 */
export const noticeMail = {
  arrangement: (createdOn: IsoDate, ref: string) =>
    `the arrangement you set up on ${formatDate(createdOn)} (ref. ${ref})`,
  /** An arrangement the practice handed to the therapist: they did not set it up. */
  handedArrangement: (handedOverOn: IsoDate, ref: string) =>
    `the arrangement handed to you on ${formatDate(handedOverOn)} (ref. ${ref})`,
  updateTitle: (ref: string) => `New update in arrangement ${ref}`,
  /** `arrangement`: noticeMail.arrangement. */
  update: (arrangement: string, seq: number, limit: number, on: IsoDate) =>
    `Update ${seq} of ${limit} arrived on ${formatDate(on)} in ${arrangement}.`,
  checkInTitle: (ref: string) => `Check-in message in arrangement ${ref}`,
  checkIn: (arrangement: string, on: IsoDate) => `The check-in message arrived on ${formatDate(on)} in ${arrangement}.`,
  readInPortal: 'You can read it in the portal.',
  openToRead: 'Read it in the portal',
  why: 'As you chose in your profile, this email leaves out the client’s name, address and words. You can change that in your profile.',
  /** A message that arrived before the arrangement was handed over, told as its former therapist chose. */
  whyAfterHandover:
    'This message arrived around the time the arrangement was handed to you, so this email leaves out the client’s name, address and words.',
  footer: sentences(
    `Sent by ${SITE} about one of your arrangements.`,
    'Your email address is never shown to the client.',
  ),
};

/** The daily digest: notice style, one line per arrangement that had something new. */
export const digestMail = {
  title: (messages: number, arrangements: number) =>
    `Your daily summary: ${plural(messages, 'new message')} in ${plural(arrangements, 'arrangement')}`,
  intro: 'Since your last summary, these arrangements have something new. Open each one to read it.',
  /** `arrangement`: noticeMail.arrangement, which starts the line. */
  line: (arrangement: string, updates: number, checkInMessages: number) => {
    const what = [
      updates > 0 ? `${plural(updates, 'new update')}` : null,
      checkInMessages > 0 ? 'the check-in message' : null,
    ].filter((part): part is string => part !== null);
    return `${arrangement.charAt(0).toUpperCase()}${arrangement.slice(1)}: ${what.join(' and ')}`;
  },
  why: 'As you chose in your profile, this summary leaves out clients’ names, addresses and words. You can change that in your profile.',
  openPortal: 'Open the portal',
  footer: sentences(
    `Sent by ${SITE} once a day, at 09:00 where you are, when something new has arrived.`,
    'Your email address is never shown to clients.',
  ),
};

export const policyCreatedMail = {
  title: (clientName: string) => `Arrangement created for ${clientName}`,
  oneInvitation: (clientName: string) =>
    `${clientName} gets one invitation email now. Nothing else is sent to them unless they accept.`,
  rulesHeading: (clientName: string) => `The rules, as ${clientName} reads them`,
  sendTime: (time: string, timeZone: string) => `Reminders and other scheduled emails go out at ${time} (${timeZone}).`,
  referralsHeading: 'Referrals',
  referralsGiven: (clientName: string) =>
    `${clientName} is given these at closing and whenever an update cannot be passed on:`,
  noReferrals:
    'No referrals are set. You can add them in the portal; the client is given them at closing and whenever an update cannot be passed on.',
  invitationNote: (clientName: string) => `Your note in the invitation, as ${clientName} reads it:`,
  closingNoteSet: (clientName: string) => `${clientName} will read your closing note in the goodbye email.`,
};

export const clientAcceptedMail = {
  title: (clientName: string) => `${clientName} accepted the arrangement`,
  active: (clientName: string) => `${clientName} accepted the arrangement. It is now active.`,
  /** `told`: describeUpdates, as the client read it. */
  toldAboutUpdates: (clientName: string, told: string) => `What ${clientName} was told about updates: “${told}”`,
  checkIn: (on: IsoDate, remindDaysBefore: number[]) =>
    sentences(
      `The check-in is on ${formatDateWithWeekday(on)}.`,
      remindDaysBefore.length > 0 ? `You will both get a reminder ${reminderDays(remindDaysBefore)}.` : null,
    ),
};

export const clientDeclinedMail = {
  title: (clientName: string) => `${clientName} declined the arrangement`,
  notTakingPart: (clientName: string) =>
    `${clientName} chose not to take part in the arrangement. Nothing more will be sent to them, and nothing more is needed from you.`,
};

/** The closing facts an opt-out email and a closing summary both give. */
function deletion(retentionDays: number, on: IsoDate, withUpdates: boolean): string {
  return sentences(
    withUpdates
      ? `Its data, including every update, will be deleted ${retentionDays} days after closing, on ${formatDate(on)}.`
      : `Its data will be deleted ${retentionDays} days after closing, on ${formatDate(on)}.`,
    EXPORT_BEFORE_THEN,
  );
}

export const clientOptedOutMail = {
  title: (clientName: string) => `${clientName} stopped all emails`,
  closed: (clientName: string, on: IsoDate) =>
    `${clientName} chose to stop all emails, so the arrangement closed on ${formatDate(on)}.`,
  /** `withReferrals`: only said when the policy has referrals to give (never claimed otherwise). */
  confirmed: (withReferrals: boolean) =>
    sentences(
      withReferrals
        ? 'They got a short confirmation with your referrals and crisis resources.'
        : 'They got a short confirmation with crisis resources.',
      NOTHING_MORE_TO_THEM,
    ),
  received: (n: number) =>
    n === 1 ? '1 update was received during the arrangement.' : `${n} updates were received during the arrangement.`,
  /** `deleteOn`: the day the data goes, `retentionDays` after closing. */
  deletion: (retentionDays: number, deleteOn: IsoDate) => deletion(retentionDays, deleteOn, false),
};

export const updateReceivedMail = {
  title: (clientName: string, seq: number, limit: number) => `Update ${seq} of ${limit} from ${clientName}`,
  /** `characters`: 0 when unknown, and then not said. */
  sentOn: (clientName: string, on: IsoDate, characters: number) => {
    if (characters <= 0) return `${clientName} sent this on ${formatDate(on)}:`;
    return `${clientName} sent this on ${formatDate(on)} (${count(characters)} ${characters === 1 ? 'character' : 'characters'}):`;
  },
  left: (seq: number, limit: number, left: number) => {
    if (left === 0) return `This was update ${seq} of ${limit}; none are left.`;
    if (left === 1) return `This was update ${seq} of ${limit}; 1 is left.`;
    return `This was update ${seq} of ${limit}; ${left} are left.`;
  },
};

/** `when`: "in 7 days", "tomorrow" (whenFromNow). */
export const therapistReminderMail = {
  title: (clientName: string, when: string) => `Check-in with ${clientName} ${when}`,
  noCheckIn: 'This arrangement has no check-in, so there is nothing to prepare.',
  message: (clientName: string, when: string, on: IsoDate) =>
    `The check-in with ${clientName} is ${when}, on ${formatDateWithWeekday(on)}.`,
  messageWindow: (clientName: string, until: IsoDate) =>
    sentences(
      `From that day until ${formatDate(until)}, ${clientName} may send you one check-in message.`,
      // True whichever way the profile says to tell them: a notice, the words, or the daily summary.
      'You will be told by email once it arrives.',
    ),
  remindedToo: (clientName: string) => `${clientName} has been reminded too.`,
  session: (clientName: string, when: string, on: IsoDate) =>
    `The check-in session with ${clientName} is ${when}, on ${formatDateWithWeekday(on)}.`,
  arrangeIt: 'Please remember to arrange it, if you have not already.',
};

export const therapistCheckInDayMail = {
  title: (clientName: string) => `Check-in with ${clientName} today`,
  noCheckIn: 'This arrangement has no check-in.',
  message: (clientName: string) => `Today is the check-in day with ${clientName}.`,
  messageWindow: (clientName: string, until: IsoDate) =>
    `Until ${formatDate(until)}, ${clientName} may send you one check-in message. You will be told by email once it arrives, or if they skip it.`,
  session: (clientName: string) => `Today is the check-in session with ${clientName}.`,
  arrangeIt: 'Please make sure it is arranged.',
};

export const checkInMessageMail = {
  title: (clientName: string) => `Check-in message from ${clientName}`,
  sentOn: (clientName: string, on: IsoDate) => `${clientName} sent their check-in message on ${formatDate(on)}:`,
};

export const checkInSkippedMail = {
  title: (clientName: string) => `${clientName} skipped the check-in`,
  /** `plannedOn`: null when the arrangement had no check-in date to name. */
  skipped: (clientName: string, plannedOn: IsoDate | null, session: boolean) =>
    sentences(
      plannedOn
        ? `${clientName} chose to skip the check-in planned for ${formatDate(plannedOn)}.`
        : `${clientName} chose to skip the check-in.`,
      session ? 'There is no session to arrange.' : 'No check-in message will come.',
    ),
  continues: (closesOn: IsoDate) => `The rest of the arrangement continues until ${formatDate(closesOn)}.`,
  /** The client can take it back until the check-in has passed; the therapist will hear if they do. */
  mayUndo: (lastDay: IsoDate) =>
    `They can change their mind until ${formatDate(lastDay)}; if they do, you will get an email.`,
};

export const checkInRestoredMail = {
  title: (clientName: string) => `${clientName} wants the check-in after all`,
  restored: (clientName: string, on: IsoDate, session: boolean) =>
    sentences(
      `${clientName} changed their mind: the check-in on ${formatDate(on)} is back on.`,
      session ? 'Please arrange the session as planned.' : 'Reminders will go out as before.',
    ),
};

export const closingSummaryMail = {
  title: (clientName: string) => `Arrangement with ${clientName} closed`,
  /** `reason`: as kept with the summary; an unknown one says only the day. */
  closed: (clientName: string, reason: string, on: IsoDate) => {
    const day = formatDate(on);
    switch (reason) {
      case 'closing-date':
        return `The arrangement with ${clientName} is closed: it reached its closing date, ${day}.`;
      case 'therapist':
        return `The arrangement with ${clientName} is closed: you closed it on ${day}.`;
      case 'opted-out':
        return `The arrangement with ${clientName} is closed: the client stopped all emails on ${day}.`;
      case 'declined':
        return `The arrangement with ${clientName} is closed: the client declined it.`;
      case 'therapist-left':
        return `The arrangement with ${clientName} is closed: the practice closed it on ${day}, when its therapist left.`;
      default:
        return `The arrangement with ${clientName} is closed: it closed on ${day}.`;
    }
  },
  received: (received: number, limit: number) => `Updates received: ${received} of ${limit}.`,
  checkIn: {
    none: 'Check-in: none was planned.',
    messageSent: (on: IsoDate) => `Check-in: the client sent their check-in message (check-in day ${formatDate(on)}).`,
    sessionDay: (on: IsoDate) => `Check-in: the session day was ${formatDate(on)}.`,
    skipped: (on: IsoDate) => `Check-in: the client chose to skip it (planned for ${formatDate(on)}).`,
    notTaken: (on: IsoDate) => `Check-in: it had not taken place by closing (planned for ${formatDate(on)}).`,
  },
  onlyConfirmation: 'As they stopped all emails, only a short confirmation was sent to them.',
  /** Names the note and the referrals only when the goodbye carried them (never claimed otherwise). */
  closingEmailSent: (clientName: string, withReferrals: boolean, withNote: boolean) => {
    const given = [withNote ? 'your note' : null, withReferrals ? 'your referrals' : null, 'crisis resources'];
    const parts = given.filter((part): part is string => part !== null);
    const last = parts.pop() ?? '';
    const what = parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
    return sentences(`${clientName} got a closing email with ${what}.`, NOTHING_MORE_TO_THEM);
  },
  notAccepted: (clientName: string) =>
    `${clientName} had not accepted the arrangement, so no closing email was sent to them.`,
  deletion: (retentionDays: number, deleteOn: IsoDate) => deletion(retentionDays, deleteOn, true),
};
