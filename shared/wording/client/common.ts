/**
 * Sentences a client reads both on their page and in emails: who sends them, where support
 * is, stopping, and taking leave. One wording each, wherever it appears.
 */
export const SITE = 'Afterword';

export function sentOnBehalfOf(therapistName: string): string {
  return `Sent by ${SITE} on behalf of ${therapistName}.`;
}

export const STOP_ALL_EMAILS = 'Stop all emails';
export const ALL_EMAILS_STOPPED = 'All emails have stopped';
export const NOTHING_ELSE_CHANGES = 'Nothing else changes.';
export const TAKE_CARE = 'Take good care of yourself.';

export function therapistWillBeTold(therapistName: string): string {
  return `${therapistName} will be told that the arrangement has ended.`;
}

export const referrals = {
  heading: 'If you would like support',
  intro: (therapistName: string) => `${therapistName} suggested:`,
};
