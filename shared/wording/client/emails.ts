/**
 * What the emails to a client say, one group per email. Sentences the page says too are in
 * rules.ts and common.ts; the templates in shared/emails/client/ only arrange them.
 */
import { formatDate, formatDateWithWeekday, type IsoDate } from '../../domain/dates.js';
import { count, reminderDays, sentences } from '../format.js';
import { ALL_EMAILS_STOPPED, SITE, therapistWillBeTold } from './common.js';
import { NOT_AN_UPDATE } from './rules.js';

/** What every client email carries. */
export const clientMail = {
  greeting: (clientName: string) => `Hello ${clientName},`,
  arrangementHeading: (therapistName: string) => `Your arrangement with ${therapistName}`,
  whereThingsStand: 'Where things stand',
  openPage: 'Open your private page',
  acceptOrDecline: 'Accept or decline on your private page',
  replyToSend:
    'You can also send an update by replying to this email: write above the quoted text, in plain words. The same limits apply, and you will get an answer either way.',
  notForEmergencies: `${SITE} is not for emergencies, and nobody watches it for urgent messages. If you need help now:`,
  stop: 'Stop all emails from this arrangement',
  noteFrom: (therapistName: string) => `A note from ${therapistName}:`,
  willArrange: (therapistName: string) => `${therapistName} will arrange the details with you.`,
  skipOnPage: 'If you would rather not, you can skip the check-in on the same page.',
  thankYouForWriting: 'Thank you for writing.',
};

export const invitationMail = {
  subject: (therapistName: string) => `An invitation from ${therapistName}`,
  offer: (therapistName: string) =>
    `${therapistName} would like to offer you a small, clear way to stay in touch now that your sessions have ended. It has simple limits, agreed in advance, so you both know what to expect.`,
  noPressure: 'Nothing is expected of you. You can accept, decline, or simply leave this email be.',
  offering: (therapistName: string) => `What ${therapistName} is offering`,
  onlyEmail:
    'This is the only email you will get unless you accept. If you decline, or do nothing, nothing more will be sent.',
  keepLinkPrivate: 'The link is just for you. Please keep it to yourself: anyone who has it can open your page.',
};

export const acceptanceMail = {
  subject: (therapistName: string) => `Your arrangement with ${therapistName} has started`,
  thanks: (therapistName: string) => `Thank you for accepting. Your arrangement with ${therapistName} has started.`,
  pageIsThere: (canWrite: boolean) =>
    canWrite
      ? 'Your private page is always there for you: you can see what is left, send an update, or stop all emails at any time.'
      : 'Your private page is always there for you: you can see what is left, or stop all emails at any time.',
  reminders: (daysBefore: number[]) =>
    `We will remind you about your check-in ${reminderDays(daysBefore)}, and again on the day.`,
};

export const receiptMail = {
  subject: (therapistName: string) => `Your update to ${therapistName} was received`,
  heading: 'Your update was received',
  received: (therapistName: string) =>
    sentences(clientMail.thankYouForWriting, `Your update has been received and is on its way to ${therapistName}.`),
  yourWords: 'This is what you wrote:',
  /** `ahead`: the check-in still to come, when there is one. */
  lastOne: (ahead: string | null) => sentences('That was the last update this arrangement allows.', ahead),
};

export const refusedMail = {
  subject: (therapistName: string) => `About your update to ${therapistName}`,
  heading: 'Your update could not be sent this time',
  notPassedOn: (therapistName: string, detail: string) =>
    sentences(clientMail.thankYouForWriting, `This update could not be passed on to ${therapistName}.`, detail),
  youWroteHeading: 'What you wrote',
  youWrote: 'Here are your words in full, so nothing is lost:',
  nextHeading: 'What you can do next',
  shorterFits: (maxCharacters: number) =>
    `Each update can be up to ${count(maxCharacters)} characters, so a shorter version will fit.`,
  wordsStillYours: 'Your words are still yours. You might keep them, or share them with someone you trust.',
};

/** `when`: "in 7 days", "tomorrow" (whenFromNow). */
export const reminderMail = {
  subject: (therapistName: string, when: string) => `Your check-in with ${therapistName} is ${when}`,
  heading: (when: string) => `Your check-in is ${when}`,
  noCheckIn: 'This arrangement does not include a check-in, so there is nothing to prepare.',
  message: (therapistName: string, when: string, on: IsoDate) =>
    `A gentle reminder: your check-in with ${therapistName} is ${when}, on ${formatDateWithWeekday(on)}.`,
  messageWindow: (therapistName: string, until: IsoDate) =>
    sentences(
      `From that day until ${formatDate(until)}, you can send ${therapistName} one check-in message from your private page.`,
      NOT_AN_UPDATE,
    ),
  skipIsFine: sentences(clientMail.skipOnPage, 'Either is fine.'),
  session: (therapistName: string, when: string, on: IsoDate) =>
    `A gentle reminder: your check-in session with ${therapistName} is ${when}, on ${formatDateWithWeekday(on)}.`,
};

export const checkInDayMail = {
  subject: (therapistName: string) => `Today is your check-in with ${therapistName}`,
  heading: 'Today is your check-in',
  message: (therapistName: string, until: IsoDate) =>
    sentences(
      `Today is your check-in day. From today until ${formatDate(until)}, you can send ${therapistName} one check-in message from your private page.`,
      NOT_AN_UPDATE,
    ),
  asMuchAsYouLike: (maxCharacters: number) =>
    sentences(
      `Write as much or as little as you like, up to ${count(maxCharacters)} characters.`,
      clientMail.skipOnPage,
    ),
  write: 'Write your check-in message',
  session: (therapistName: string) => `Today is your check-in session with ${therapistName}.`,
};

export const closingMail = {
  subject: (therapistName: string) => `Your arrangement with ${therapistName} has ended`,
  closedByTherapist: (therapistName: string, on: IsoDate) =>
    `${therapistName} has brought your arrangement to a close, as of ${formatDate(on)}.`,
  endedAsPlanned: (therapistName: string, on: IsoDate) =>
    `Your arrangement with ${therapistName} came to its end on ${formatDate(on)}, as planned.`,
  endingsStir: 'Endings can stir up a lot, even planned ones. Whatever you feel about this one makes sense.',
  nothingMore: 'No more emails will be sent, and nothing more can be sent through your private page.',
};

export const optedOutMail = {
  subject: (therapistName: string) => `Emails stopped: your arrangement with ${therapistName}`,
  heading: ALL_EMAILS_STOPPED,
  stopped: (therapistName: string) =>
    `You asked to stop all emails from your arrangement with ${therapistName}, so it has ended. This is the last email you will get from it.`,
  yoursToChoose: (therapistName: string) =>
    sentences('That was yours to choose, and it is completely fine.', therapistWillBeTold(therapistName)),
};

export const newLinkMail = {
  subject: (therapistName: string) => `A new link for your arrangement with ${therapistName}`,
  heading: 'A new link to your private page',
  replaces: (therapistName: string) =>
    `Here is a new link to your private page for your arrangement with ${therapistName}. It replaces any earlier links, which no longer work.`,
  unchanged:
    'Nothing else about your arrangement has changed. Please keep the link to yourself: anyone who has it can open your page.',
};

export const replyMail = {
  subject: (therapistName: string) => `A reply from ${therapistName}`,
  heading: (therapistName: string) => `A reply from ${therapistName}`,
  /** `seq`: the update it answers, null for the check-in message. */
  about: (therapistName: string, seq: number | null, sentOn: IsoDate) =>
    seq === null
      ? `${therapistName} wrote back to your check-in message of ${formatDate(sentOn)}:`
      : `${therapistName} wrote back to your update of ${formatDate(sentOn)}:`,
  onYourPage: 'You can read it again on your page, under your own words.',
};

export const pausedMail = {
  subject: (therapistName: string) => `Your arrangement with ${therapistName} is paused`,
  heading: 'A pause in your arrangement',
  paused: (therapistName: string, until: IsoDate | null) =>
    until
      ? `${therapistName} has paused your arrangement until ${formatDateWithWeekday(until)}. It opens again by itself that morning.`
      : `${therapistName} has paused your arrangement for now.`,
  noteFrom: (therapistName: string) => `A note from ${therapistName}:`,
  whilePaused: 'While it is paused, updates and the check-in message cannot be sent, and reminders wait.',
  nothingLost: 'Nothing is lost: what you have sent is kept.',
  weWillTell: 'We will email you when it opens again.',
};

export const resumedMail = {
  subject: (therapistName: string) => `Your arrangement with ${therapistName} is open again`,
  heading: 'Your arrangement is open again',
  open: (therapistName: string) => `The pause is over. Your arrangement with ${therapistName} is open again.`,
};
