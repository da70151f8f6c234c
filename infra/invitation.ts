/**
 * The pool's own invitation email: what Cognito sends a therapist invited without a practice
 * named (from the Cognito console, or before the message trigger words it for the inviting
 * practice: functions/invitation-message.ts). Cognito fills in {username} and {####} (the
 * temporary password); it must contain both. The words are shared/emails/account-invitation.ts.
 */
import type { UserInvitationConfig } from 'aws-cdk-lib/aws-cognito';
import { accountInvitation } from '../shared/emails/account-invitation.js';

export function invitationEmail(options: {
  practiceName?: string | undefined;
  portalUrl: string;
}): UserInvitationConfig {
  const { subject, html } = accountInvitation({
    practiceName: options.practiceName ?? 'Your practice',
    portalUrl: options.portalUrl,
    usernameParameter: '{username}',
    codeParameter: '{####}',
  });
  return { emailSubject: subject, emailBody: html };
}
