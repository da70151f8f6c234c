/** Every email the service sends, and who receives it. One list, used by jobs, templates and tests. */
export const CLIENT_EMAILS = [
  'invitation',
  'acceptance',
  'update-receipt',
  'update-refused',
  'check-in-reminder',
  'check-in-day',
  'closing',
  'opted-out',
  'new-link',
  'reply',
  'paused',
  'resumed',
  'rules-changed',
  'handed-over',
  'closed-by-practice',
] as const;

export const THERAPIST_EMAILS = [
  'policy-created',
  'client-accepted',
  'client-declined',
  'client-opted-out',
  'update-received',
  'therapist-check-in-reminder',
  'therapist-check-in-day',
  'check-in-message',
  'check-in-skipped',
  'check-in-restored',
  'closing-summary',
  'handover-received',
] as const;

export type ClientEmailKind = (typeof CLIENT_EMAILS)[number];
export type TherapistEmailKind = (typeof THERAPIST_EMAILS)[number];
export type EmailKind = ClientEmailKind | TherapistEmailKind;

const CLIENT_EMAIL_SET: ReadonlySet<EmailKind> = new Set(CLIENT_EMAILS);

export function isClientEmail(kind: EmailKind): kind is ClientEmailKind {
  return CLIENT_EMAIL_SET.has(kind);
}
