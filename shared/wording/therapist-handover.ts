/**
 * What a therapist reads when the practice hands them a leaving colleague's arrangement: one
 * summary per arrangement, with where it stands and what the client was told. Never the
 * client's words.
 */
import { formatDate, type IsoDate } from '../domain/dates.js';
import { sentences } from './format.js';

export const handoverReceivedMail = {
  title: (clientName: string) => `Arrangement with ${clientName} handed to you`,
  /** `practiceName`: '' while the practice has no name of its own. */
  handedTo: (practiceName: string, formerTherapist: string, clientName: string) =>
    sentences(
      `${practiceName || 'Your practice'} has handed you the arrangement with ${clientName}, which was ${formerTherapist}’s until now.`,
      `${formerTherapist} has left the practice.`,
    ),
  invited: (clientName: string) =>
    `${clientName} has not answered the invitation yet. If they accept, you will be told by email.`,
  active: (clientName: string, acceptedOn: IsoDate) =>
    `It is active: ${clientName} accepted it on ${formatDate(acceptedOn)}.`,
  pausedUntil: (until: IsoDate) => `It is paused until ${formatDate(until)}, and opens again by itself that morning.`,
  paused: 'It is paused until you resume it.',
  factsHeading: 'Where it stands',
  updates: (received: number, limit: number, lastOn: IsoDate | null) =>
    lastOn
      ? `Updates received: ${received} of ${limit}, the latest on ${formatDate(lastOn)}.`
      : `Updates received: ${received} of ${limit}.`,
  windowUntil: (until: IsoDate) => `Updates can be sent until ${formatDate(until)}.`,
  windowOver: (until: IsoDate) => `The time for updates ended on ${formatDate(until)}.`,
  noUpdates: 'Updates: none are part of this arrangement.',
  checkIn: {
    none: 'Check-in: none is planned.',
    message: (on: IsoDate, until: IsoDate) =>
      `Check-in: from ${formatDate(on)} until ${formatDate(until)}, the client may send one check-in message.`,
    session: (on: IsoDate) => `Check-in: a session on ${formatDate(on)}, for you to arrange with them.`,
    sent: 'Check-in: the client has sent their check-in message.',
    skipped: (on: IsoDate) => `Check-in: the client chose to skip it (planned for ${formatDate(on)}).`,
    passed: (on: IsoDate) => `Check-in: it was planned for ${formatDate(on)}.`,
  },
  closes: (on: IsoDate) => `It closes on ${formatDate(on)}.`,
  scheduled: 'Reminders and other planned emails go out as before, now in your name.',
  clientTold: (clientName: string, invited: boolean) =>
    invited
      ? `${clientName} has been told, in an email from the practice, that you would read what they send if they accept. Its rules stay the same.`
      : `${clientName} has been told, in an email from the practice, that you look after the arrangement now. Its rules, and what is left, stay the same.`,
  noteToClient: 'The practice’s note to them:',
  notesSetAside: (formerTherapist: string) =>
    `${formerTherapist}’s personal notes to the client were not passed on, as they were in ${formerTherapist}’s own words. You can add your own in the portal.`,
  noWords: 'Anything they have sent so far is in the portal; this email leaves out their words.',
};
