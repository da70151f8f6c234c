/**
 * The email Cognito sends a therapist a practice admin has invited (AdminCreateUser, from the
 * ops command or the console). Cognito fills in {username} and {####} (the temporary password);
 * it must contain both. Plain words: what Afterword is, what to do, how long the password lasts.
 */
import type { UserInvitationConfig } from 'aws-cdk-lib/aws-cognito';

export function invitationEmail(options: {
  practiceName?: string | undefined;
  portalUrl: string;
}): UserInvitationConfig {
  const practice = options.practiceName ?? 'Your practice';
  const html = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return {
    emailSubject: `${practice} has invited you to Afterword`,
    emailBody: [
      `<p>Hello,</p>`,
      `<p>${html(practice)} has set up Afterword for you: a calm, bounded way to stay in touch with clients after therapy ends, on terms you set.</p>`,
      `<p>Sign in at <a href="${options.portalUrl}">${options.portalUrl}</a> with</p>`,
      `<p>your email: {username}<br>temporary password: {####}</p>`,
      `<p>You will choose your own password and set up an authenticator app the first time. The temporary password works for 7 days; after that, ask your practice admin to send a new invitation.</p>`,
      `<p>If you did not expect this, you can ignore this email.</p>`,
    ].join('\n'),
  };
}
