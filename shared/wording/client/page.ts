/**
 * What the client's private page says around the arrangement: titles, headings, labels and
 * buttons, the notice after each action, the stop page. The sentences the page shares with
 * emails are in rules.ts and common.ts.
 */
import { formatDate, formatDateWithWeekday, type IsoDate } from '../../domain/dates.js';
import { count, sentences } from '../format.js';
import { ALL_EMAILS_STOPPED, NOTHING_ELSE_CHANGES, SITE, STOP_ALL_EMAILS, therapistWillBeTold } from './common.js';
import { NOT_AN_UPDATE } from './rules.js';

/** A neutral tab title: someone glancing at the screen learns nothing private. */
export function pageTitle(what = 'Your page'): string {
  return `${what} · ${SITE}`;
}

export const pageHeading = (therapistName: string) => `Staying in touch with ${therapistName}`;

/** What the page says after an action went through, keyed by the ?done= of the redirect. */
export const DONE_NOTICES = {
  accepted: {
    title: 'Thank you for accepting',
    detail: 'Everything below is now open to you, within the dates shown.',
  },
  declined: { title: 'You have declined', detail: 'Nothing more will be sent to you about this arrangement.' },
  update: {
    title: 'Your update was sent',
    detail: 'It is on its way to your therapist. A receipt is on its way to your inbox.',
  },
  // Not "by email": the therapist may have chosen to read it in the portal.
  'check-in': { title: 'Your check-in message was sent', detail: 'It is on its way to your therapist.' },
  skipped: {
    title: 'Check-in skipped',
    detail: sentences(
      'There will be no check-in reminders.',
      NOTHING_ELSE_CHANGES,
      'If you change your mind, you can undo this below while the check-in is still ahead.',
    ),
  },
  restored: {
    title: 'The check-in is back on',
    detail: 'Your therapist will be told. Reminders will come as before.',
  },
};

export const NO_SUCH_ACTION = 'There is no such action on this page.';

export const CRISIS_BOX = {
  heading: 'This page is not for emergencies.',
  intro: 'Messages sent here are not read straight away. If you need help now:',
};

export const invitedPage = {
  intro: (therapistName: string) =>
    `${therapistName} has suggested a simple way to stay in touch now that your sessions have ended. Here is what it includes:`,
  nothingUnlessAccepted: 'Nothing else will be sent to you unless you accept.',
  accept: 'Accept',
  declineIsFine: (therapistName: string) =>
    `Saying no is completely fine. If you decline, ${therapistName} will be told, and nothing more will come from this arrangement.`,
  decline: 'Decline',
};

export const openPage = {
  intro: (therapistName: string) => `You can write to ${therapistName} here, within the arrangement below.`,
  /** Nothing is left to send (no update, no check-in message ahead): no invitation to write. */
  introNothingToSend: (therapistName: string) => `Here is where your arrangement with ${therapistName} stands.`,
  leftHeading: 'What’s left',
  wholeArrangement: 'The whole arrangement',
};

export const THANK_YOU_FOR_TAKING_PART = 'Thank you for taking part. We wish you well.';
export const KEPT_WORDS_LABEL = 'Your words, kept here so you can copy them';

export const updateForm = {
  heading: 'Send an update',
  label: (therapistName: string) => `Your update to ${therapistName}`,
  /** `replies`: what the therapist does with updates (describeReplies). */
  hint: (maxCharacters: number, replies: string) =>
    sentences(`Up to ${count(maxCharacters)} characters, plain text.`, replies),
  button: 'Send update',
};

/** Why no update can be sent today, when the form is not shown. */
export const noUpdateToday = {
  paused: 'Updates are paused for now.',
  pausedUntil: (until: IsoDate) => `Updates are paused until ${formatDate(until)}.`,
  allSent: (limit: number) =>
    limit === 1 ? 'You have sent your update.' : `You have sent all ${count(limit)} updates.`,
  noMore: 'No more updates can be sent in this arrangement.',
};

export const checkInForm = {
  heading: 'Check-in',
  open: (until: IsoDate) =>
    sentences(`You can send your one check-in message until ${formatDate(until)}.`, NOT_AN_UPDATE),
  label: (therapistName: string) => `Your check-in message to ${therapistName}`,
  hint: (maxCharacters: number) => `Up to ${count(maxCharacters)} characters, plain text.`,
  button: 'Send check-in message',
  skipOffer: sentences('If you would rather not have the check-in, you can skip it.', NOTHING_ELSE_CHANGES),
  skip: 'Skip the check-in',
  confirmTitle: 'Skip the check-in?',
  confirmDetail: (lastDay: IsoDate) =>
    `There will be no check-in reminders, and your therapist will be told. You can change your mind on this page until ${formatDate(lastDay)}.`,
  confirmYes: 'Yes, skip the check-in',
  confirmNo: 'No, keep the check-in',
  undoOffer: (lastDay: IsoDate) =>
    `Changed your mind? You can have the check-in after all, until ${formatDate(lastDay)}.`,
  undo: 'Keep the check-in after all',
};

/** Where the check-in stands, when its form is not shown. */
export const checkInStatus = {
  session: (therapistName: string, on: IsoDate) =>
    `${therapistName} has planned a check-in session on ${formatDateWithWeekday(on)} and will arrange the details.`,
  paused: (therapistName: string) =>
    `${therapistName} has paused things for the moment, so the check-in message cannot be sent just now.`,
  ahead: (on: IsoDate, until: IsoDate) =>
    sentences(
      `From ${formatDateWithWeekday(on)} until ${formatDate(until)}, you can send one check-in message here.`,
      NOT_AN_UPDATE,
    ),
};

export const stopPage = {
  stoppedTitle: ALL_EMAILS_STOPPED,
  stopped: (therapistName: string) =>
    `Your arrangement with ${therapistName} has ended. One short email confirms this, and after it nothing more will be sent.`,
  yoursToDecide: (therapistName: string) =>
    sentences('That was yours to decide, and it is completely fine.', therapistWillBeTold(therapistName)),
  alreadyEndedTitle: 'No more emails',
  alreadyEnded: (therapistName: string) =>
    `Your arrangement with ${therapistName} has already ended, so no more emails will come from it. There is nothing you need to do.`,
  askTitle: STOP_ALL_EMAILS,
  ifYouStop: (therapistName: string) =>
    `If you stop, your arrangement with ${therapistName} ends. No more emails will come from it, and updates and the check-in message can no longer be sent.`,
  confirmation: (therapistName: string) =>
    `${therapistName} will be told that the arrangement has ended, and you will get one short email to confirm it. This cannot be undone from this page.`,
  button: STOP_ALL_EMAILS,
  back: 'Go back to your page',
};

/** A form post another website sent: refused, and nothing changed. */
export const otherSitePage = {
  title: 'Nothing was done',
  detail:
    'This form was sent from another website, so nothing was done. Please open your page from the link in your email and try again.',
};

export const linkNotActivePage = {
  title: 'Link not active',
  heading: 'This link is not active',
};

/** The client's own record on their page: what they sent, and any replies. */
export const yourMessages = {
  heading: 'What you have sent',
  update: (seq: number, on: IsoDate) => `Update ${seq}, sent ${formatDate(on)}`,
  checkIn: (on: IsoDate) => `Check-in message, sent ${formatDate(on)}`,
  reply: (therapistName: string, on: IsoDate) => `${therapistName} replied on ${formatDate(on)}:`,
};
