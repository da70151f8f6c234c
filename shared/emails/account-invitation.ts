/**
 * The email Cognito sends a therapist whose account a practice admin has just made: who
 * invited them, where to sign in, and the two placeholders Cognito fills in itself (the
 * address they sign in with and the temporary password). Cognito sends it only if both are
 * in it, otherwise its own default, without a word of warning. Used twice: as the user
 * pool's own message (infra/invitation.ts), and by the message trigger, for the inviting
 * practice (functions/invitation-message.ts). Plain words, grade 6 or below; nothing about
 * the therapist but the placeholders.
 */
import { escapeHtml } from './escape.js';

/** Cognito's limit for an email subject. */
export const MAX_INVITATION_SUBJECT = 140;

const SUBJECT_END = ' has invited you to Afterword';

export interface InvitationWords {
  /** As the practice calls itself; plain text (escaped here for HTML). */
  practiceName: string;
  /** The portal, where they sign in. */
  portalUrl: string;
  /** Cognito's placeholders: `request.usernameParameter` and `request.codeParameter` of the event, `{username}` and `{####}` on the pool. */
  usernameParameter: string;
  codeParameter: string;
}

/**
 * A practice's name as the invitation may show it: on one line, and without braces (Cognito
 * fills in anything that looks like its placeholders, so a name must never look like one) or
 * angle brackets.
 */
export function invitationPracticeName(name: string): string {
  return name
    .replace(/[{}<>]/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function accountInvitation(words: InvitationWords): { subject: string; html: string } {
  const practice = invitationPracticeName(words.practiceName) || 'Your practice';
  const room = MAX_INVITATION_SUBJECT - SUBJECT_END.length;
  const shortName = practice.length > room ? `${practice.slice(0, room - 1).trimEnd()}…` : practice;
  const name = escapeHtml(practice);
  const url = escapeHtml(words.portalUrl);
  return {
    subject: `${shortName}${SUBJECT_END}`,
    html: [
      `<p>Hello,</p>`,
      `<p>${name} has set up Afterword for you. It is a calm way to stay in touch with clients after therapy ends, on terms you set.</p>`,
      `<p>Sign in at <a href="${url}">${url}</a> with</p>`,
      `<p>your email: ${words.usernameParameter}<br>temporary password: ${words.codeParameter}</p>`,
      `<p>The first time, you will choose your own password and set up an app that gives you sign-in codes. The temporary password works for 7 days. After that, ask your practice admin for a new one.</p>`,
      `<p>If you did not expect this email, you can ignore it.</p>`,
    ].join('\n'),
  };
}
