/**
 * What a client reads when their therapist leaves the practice: the practice's one email (a
 * colleague takes over, or the arrangement ends), and the page once it has ended that way.
 * The practice speaks here, in its own name, never the therapist who left.
 */
import { formatDate, type IsoDate } from '../../domain/dates.js';
import { sentences } from '../format.js';

/**
 * How the practice names itself; `practiceName` is '' while its admin has not named it, and
 * then it is simply "the practice".
 */
export const practiceMail = {
  writingFrom: (practiceName: string, formerTherapist: string) =>
    practiceName
      ? `We are writing from ${practiceName}.`
      : `We are writing from the practice where ${formerTherapist} worked.`,
  noteFrom: (practiceName: string) => (practiceName ? `A note from ${practiceName}:` : 'A note from the practice:'),
  suggests: (practiceName: string) => (practiceName ? `${practiceName} suggests:` : 'The practice suggests:'),
  /** Whose behalf an email or page from the practice is sent on (sentOnBehalfOf). */
  signedBy: (practiceName: string) => practiceName || 'the practice',
};

export const handedOverMail = {
  subject: (formerTherapist: string) => `News about your arrangement with ${formerTherapist}`,
  heading: (colleague: string) => `${colleague} is taking over`,
  opening: (practiceName: string, formerTherapist: string) =>
    sentences(practiceMail.writingFrom(practiceName, formerTherapist), `${formerTherapist} has left the practice.`),
  /** Accepted (open or paused): the colleague reads whatever comes from now on. */
  takesOver: (colleague: string) =>
    sentences(
      `${colleague}, who works with us, now looks after your arrangement.`,
      `Anything you send from now on goes to ${colleague}.`,
    ),
  sameRules: 'The rules stay the same, and so does what is left.',
  /** Not answered yet: the offer stands, with someone else to read it. */
  offerStands: (formerTherapist: string, colleague: string) =>
    sentences(
      `The offer ${formerTherapist} sent you still stands, with the same rules.`,
      `If you accept, ${colleague}, who works with us, will read what you send.`,
    ),
  noPressure: 'You can still say no, or simply leave it be.',
  keptOnPage: 'What you sent before is kept on your page.',
  change: 'A change like this can bring up a lot. Whatever you feel about it is okay.',
};

export const closedByPracticeMail = {
  subject: (formerTherapist: string) => `Your arrangement with ${formerTherapist} has ended`,
  invitedSubject: (formerTherapist: string) => `The invitation from ${formerTherapist} has ended`,
  ended: (practiceName: string, formerTherapist: string, on: IsoDate) =>
    sentences(
      practiceMail.writingFrom(practiceName, formerTherapist),
      `${formerTherapist} has left the practice, so your arrangement ended on ${formatDate(on)}.`,
    ),
  invitationEnded: (practiceName: string, formerTherapist: string) =>
    sentences(
      practiceMail.writingFrom(practiceName, formerTherapist),
      `${formerTherapist} has left the practice, so the invitation you got has ended.`,
      'There is nothing you need to do.',
    ),
  notYou: 'This is not because of anything you did.',
};

/** The page after a colleague took over. */
export const handedOverPage = {
  invitedIntro: (formerTherapist: string, colleague: string) =>
    sentences(
      `${formerTherapist} suggested a simple way to stay in touch now that your sessions have ended.`,
      `${formerTherapist} has since left the practice. If you accept, ${colleague} will read what you send.`,
      'Here is what it includes:',
    ),
  tookOver: (colleague: string, formerTherapist: string, on: IsoDate) =>
    `${colleague} took over from ${formerTherapist} on ${formatDate(on)}.`,
};

/** Why nothing more can be sent, on the page and in a refusal, once the practice closed it. */
export const THERAPIST_LEFT = {
  updates: 'Your therapist has left the practice, so this arrangement has ended and updates can no longer be sent.',
  messages: 'Your therapist has left the practice, so this arrangement has ended and messages can no longer be sent.',
};
