/**
 * renderEmail: the one entry point from an email kind to its subject, text and HTML.
 * Two typed maps (client, therapist) make a missing template a compile error. Client
 * templates get their links; therapist templates get `links: null` whatever they were
 * handed, so the client's private link cannot reach a therapist.
 */
import { acceptance } from './client/acceptance.js';
import { checkInDay } from './client/check-in-day.js';
import { checkInReminder } from './client/check-in-reminder.js';
import { closedByPractice } from './client/closed-by-practice.js';
import { closing } from './client/closing.js';
import type { ClientTemplate } from './client/common.js';
import { handedOver } from './client/handed-over.js';
import { invitation } from './client/invitation.js';
import { newLink } from './client/new-link.js';
import { optedOut } from './client/opted-out.js';
import { paused } from './client/paused.js';
import { reply } from './client/reply.js';
import { resumed } from './client/resumed.js';
import { rulesChanged } from './client/rules-changed.js';
import { updateReceipt } from './client/update-receipt.js';
import { updateRefused } from './client/update-refused.js';
import type { EmailContext, RenderedEmail } from './context.js';
import { isClientEmail, type ClientEmailKind, type EmailKind, type TherapistEmailKind } from '../domain/email-kinds.js';
import { checkInMessage } from './therapist/check-in-message.js';
import { checkInRestored } from './therapist/check-in-restored.js';
import { checkInSkipped } from './therapist/check-in-skipped.js';
import { therapistCheckInDay } from './therapist/check-in-day.js';
import { therapistCheckInReminder } from './therapist/check-in-reminder.js';
import { clientAccepted } from './therapist/client-accepted.js';
import { clientDeclined } from './therapist/client-declined.js';
import { clientOptedOut } from './therapist/client-opted-out.js';
import { closingSummary } from './therapist/closing-summary.js';
import type { TherapistTemplate } from './therapist/common.js';
import { handoverReceived } from './therapist/handover-received.js';
import { policyCreated } from './therapist/policy-created.js';
import { updateReceived } from './therapist/update-received.js';

const CLIENT_TEMPLATES: Record<ClientEmailKind, ClientTemplate> = {
  invitation,
  acceptance,
  'update-receipt': updateReceipt,
  'update-refused': updateRefused,
  'check-in-reminder': checkInReminder,
  'check-in-day': checkInDay,
  closing,
  'opted-out': optedOut,
  'new-link': newLink,
  reply,
  paused,
  resumed,
  'rules-changed': rulesChanged,
  'handed-over': handedOver,
  'closed-by-practice': closedByPractice,
};

const THERAPIST_TEMPLATES: Record<TherapistEmailKind, TherapistTemplate> = {
  'policy-created': policyCreated,
  'client-accepted': clientAccepted,
  'client-declined': clientDeclined,
  'client-opted-out': clientOptedOut,
  'update-received': updateReceived,
  'therapist-check-in-reminder': therapistCheckInReminder,
  'therapist-check-in-day': therapistCheckInDay,
  'check-in-message': checkInMessage,
  'check-in-skipped': checkInSkipped,
  'check-in-restored': checkInRestored,
  'closing-summary': closingSummary,
  'handover-received': handoverReceived,
};

export function renderEmail(kind: EmailKind, ctx: EmailContext): RenderedEmail {
  if (isClientEmail(kind)) {
    const { links } = ctx;
    // A client email without its stop link must never go out; this is a programming error.
    if (!links) throw new Error(`The ${kind} email needs the client's links.`);
    return CLIENT_TEMPLATES[kind]({ ...ctx, links });
  }
  return THERAPIST_TEMPLATES[kind]({ ...ctx, links: null });
}
