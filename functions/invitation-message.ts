/**
 * The user pool's custom message trigger: Cognito calls it, and waits, before it sends any
 * email. For an invitation (CustomMessage_AdminCreateUser) that names a practice in its
 * client metadata, as the practice admin's invite does ({practiceId, practiceName}), it words
 * the email for that practice; everything else (password resets, codes, an invitation from
 * the Cognito console) goes back unchanged, so Cognito sends the pool's own message.
 *
 * Why a trigger, and not a `custom:practice` attribute on the user that one pool-wide
 * template reads: a pool's message templates cannot read attributes (only {username} and
 * {####}), so a deployment serving several practices could not name the right one either
 * way; and the member record in the table is where a therapist's practice is kept (it changes
 * when an admin acts, and is checked on every request), so a copy in the pool would be a
 * second truth to keep in step. Adding an attribute would also change the schema of a
 * retained, deletion-protected pool that cannot take an attribute back (docs/deploy.md).
 *
 * Pure: it reads the event and the portal's address, calls nothing, logs nothing (the event
 * carries the therapist's address and name), and is given no table and no mail.
 */
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { accountInvitation } from '../shared/emails/account-invitation.js';
import { ConfigurationError, readEnv } from './config.js';

/** The event with the invitation worded for its practice, or as it came. */
export function wordInvitation(event: CustomMessageTriggerEvent, portalUrl: string): CustomMessageTriggerEvent {
  if (event.triggerSource !== 'CustomMessage_AdminCreateUser') return event;
  const practiceName = event.request.clientMetadata?.practiceName?.trim();
  if (!practiceName) return event;
  const { subject, html } = accountInvitation({
    practiceName,
    portalUrl,
    // Cognito's placeholders, as the event names them (the documented practice), with its usual names as a fallback.
    usernameParameter: event.request.usernameParameter ?? '{username}',
    codeParameter: event.request.codeParameter,
  });
  return { ...event, response: { ...event.response, emailSubject: subject, emailMessage: html } };
}

let portalUrl: string | undefined;

/** Read once, at the first invitation: the portal is where the service's address says. */
function portal(): string {
  const base = readEnv('invitation-message').PUBLIC_BASE_URL;
  if (!base) throw new ConfigurationError('The invitation-message function is not given PUBLIC_BASE_URL.');
  return `${base.replace(/\/$/, '')}/portal`;
}

export const handler = async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> =>
  wordInvitation(event, (portalUrl ??= portal()));
