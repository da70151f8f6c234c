/**
 * The user pool's message trigger: an invitation an admin sends names their practice, in plain
 * words, with both placeholders Cognito requires (without either, Cognito silently sends its
 * own default); nothing of the therapist but the placeholders; every other message, and an
 * invitation without a practice, goes back exactly as it came.
 */
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { wordInvitation } from '../../functions/invitation-message.js';
import { invitationEmail } from '../../infra/invitation.js';
import { MAX_INVITATION_SUBJECT } from '../../shared/emails/account-invitation.js';
import { readingGrade, visibleText } from '../support/reading-grade.js';

const PORTAL = 'https://afterword.example.org/portal';
const THERAPIST = {
  sub: '0b6c3d1e-7f21-4e55-9a0c-2d7e4b1f9a10',
  email: 'dr.rivera@northside.example',
  name: 'Ana Rivera',
};

/** An event as Cognito sends it (the documented shape), for one trigger source. */
function event(
  triggerSource: CustomMessageTriggerEvent['triggerSource'],
  clientMetadata?: Record<string, string>,
): CustomMessageTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_AbC123',
    triggerSource,
    userName: THERAPIST.sub,
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    request: {
      userAttributes: { ...THERAPIST, email_verified: 'true', 'cognito:user_status': 'FORCE_CHANGE_PASSWORD' },
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

const invite = (practiceName: string) =>
  wordInvitation(event('CustomMessage_AdminCreateUser', { practiceId: 'northside', practiceName }), PORTAL).response;

describe('the invitation a practice admin sends', () => {
  it('names the practice, says where to sign in, and carries both placeholders once', () => {
    const { emailSubject, emailMessage } = invite('Northside Counselling');
    expect(emailSubject).toBe('Northside Counselling has invited you to Afterword');
    expect(emailMessage).toContain('Northside Counselling has set up Afterword for you.');
    expect(emailMessage).toContain(`<a href="${PORTAL}">${PORTAL}</a>`);
    expect(emailMessage!.split('{username}')).toHaveLength(2);
    expect(emailMessage!.split('{####}')).toHaveLength(2);
  });

  it('uses the placeholders the event names, as Cognito asks', () => {
    const e = event('CustomMessage_AdminCreateUser', { practiceName: 'Northside' });
    e.request.codeParameter = '{CODE}';
    e.request.usernameParameter = '{USER}';
    const { emailMessage } = wordInvitation(e, PORTAL).response;
    expect(emailMessage).toContain('your email: {USER}<br>temporary password: {CODE}');
  });

  it('reads at grade 6 or below, subject included', () => {
    const { emailSubject, emailMessage } = invite('Northside Counselling');
    const text = visibleText(emailMessage!).replace(/\{username\}|\{####\}/g, ' ');
    expect(readingGrade(`${emailSubject}\n${text}`).grade).toBeLessThanOrEqual(6);
  });

  it('says nothing of the therapist but the placeholders: not their name, address or id', () => {
    const { emailSubject, emailMessage } = invite('Northside Counselling');
    for (const value of Object.values(THERAPIST)) {
      expect(emailMessage).not.toContain(value);
      expect(emailSubject).not.toContain(value);
    }
    expect(emailMessage).not.toContain('Rivera');
  });

  it('escapes the name in the HTML, and a name can never become a placeholder or a tag', () => {
    const { emailSubject, emailMessage } = invite('Smith & Jones {####} <b>care</b>');
    expect(emailMessage).toContain('Smith &amp; Jones #### bcare/b has set up Afterword');
    expect(emailSubject).toBe('Smith & Jones #### bcare/b has invited you to Afterword');
    expect(emailMessage!.split('{####}')).toHaveLength(2);
    expect(emailMessage).not.toMatch(/<b>/);
  });

  it('keeps a long name’s subject within Cognito’s 140 characters, still saying who invites', () => {
    const { emailSubject, emailMessage } = invite(`The ${'Very Long '.repeat(12)}Practice`);
    expect(emailSubject!.length).toBeLessThanOrEqual(MAX_INVITATION_SUBJECT);
    expect(emailSubject).toMatch(/^The Very Long .*… has invited you to Afterword$/);
    // The body has room for the whole name.
    expect(emailMessage).toContain('Very Long Practice has set up Afterword');
  });
});

describe('what the trigger leaves alone', () => {
  it('passes an invitation without a practice back unchanged (the pool’s own message is sent)', () => {
    const metadatas: (Record<string, string> | undefined)[] = [
      undefined,
      { practiceId: 'northside' },
      { practiceName: '   ' },
    ];
    for (const metadata of metadatas) {
      const e = event('CustomMessage_AdminCreateUser', metadata);
      expect(wordInvitation(e, PORTAL)).toEqual(e);
    }
  });

  it.each([
    'CustomMessage_ForgotPassword',
    'CustomMessage_SignUp',
    'CustomMessage_ResendCode',
    'CustomMessage_UpdateUserAttribute',
    'CustomMessage_VerifyUserAttribute',
    'CustomMessage_Authentication',
  ] as const)('passes %s back unchanged, practice named or not', (source) => {
    const e = event(source, { practiceId: 'northside', practiceName: 'Northside' });
    expect(wordInvitation(e, PORTAL)).toEqual(e);
  });
});

describe('the pool’s own invitation', () => {
  it('is the same words, for the deployment’s practice name, with Cognito’s placeholders', () => {
    const pool = invitationEmail({ practiceName: 'Harbour Counselling', portalUrl: PORTAL });
    const trigger = invite('Harbour Counselling');
    expect(pool.emailSubject).toBe(trigger.emailSubject);
    expect(pool.emailBody).toBe(trigger.emailMessage);
    expect(invitationEmail({ portalUrl: PORTAL }).emailSubject).toBe('Your practice has invited you to Afterword');
  });
});
