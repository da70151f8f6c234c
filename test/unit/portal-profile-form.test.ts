/** The profile form read as PUT /profile, and the service's problems placed on its fields. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
// @ts-ignore typed by tsconfig.portal.json
import { profileHints } from '../../web/portal/hints.js';
import {
  profileFieldForPath,
  profileProblemsFromServer,
  readProfileForm,
  type ProfileValues,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/profile-read-form.js';

const limits = portalRules().limits.profile;
const hints = profileHints(limits);

function profile(changes: Partial<ProfileValues> = {}): ProfileValues {
  return {
    displayName: 'Dr. Brooks',
    timeZone: 'America/New_York',
    crisis: 'US',
    limit: '',
    gap: '',
    maxChars: '',
    months: '',
    format: '',
    remind: '',
    replies: '',
    windowDays: '',
    notifications: 'notice',
    invitationNote: '',
    closingNote: '',
    referrals: [],
    ...changes,
  };
}

describe('reading the profile form', () => {
  it('sends the name, zone and crisis locale, and no usual rules when none are filled in', () => {
    expect(readProfileForm(profile({ displayName: ' Dr. Brooks ' }), limits)).toEqual({
      body: {
        displayName: 'Dr. Brooks',
        timeZone: 'America/New_York',
        crisisLocale: 'US',
        notifications: 'notice',
        defaultRules: {},
      },
      problems: [],
    });
  });

  it('sends each usual rule that was filled in', () => {
    const { body } = readProfileForm(
      profile({
        limit: '4',
        gap: '3',
        maxChars: '800',
        months: '2',
        format: 'session',
        remind: 'none',
        replies: 'may-reply',
      }),
      limits,
    );
    expect(body.defaultRules).toEqual({
      updates: { limit: 4, minDaysBetween: 3, maxCharacters: 800 },
      checkIn: { afterMonths: 2, format: 'session', remindDaysBefore: [] },
      replies: 'may-reply',
    });
  });

  it('sends the choice of notifications, the window length, the referrals and the notes, trimmed', () => {
    const { body, problems } = readProfileForm(
      profile({
        notifications: 'daily-digest',
        windowDays: '28',
        invitationNote: '  It was good to work with you.\n',
        closingNote: ' ',
        referrals: [
          { key: 1, name: ' Harbour Clinic ', contact: ' 555-0142 ' },
          { key: 2, name: '', contact: '' },
        ],
      }),
      limits,
    );
    expect(problems).toEqual([]);
    expect(body.notifications).toBe('daily-digest');
    expect(body.defaultRules).toEqual({
      updates: { windowDays: 28 },
      referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
      invitationNote: 'It was good to work with you.',
    });
  });

  it('refuses a window length, a note or a half-filled referral the service would refuse, on their fields', () => {
    const max = limits['defaultRules.invitationNote']!.maxLength!;
    const { problems } = readProfileForm(
      profile({
        windowDays: '366',
        closingNote: 'a'.repeat(max + 1),
        referrals: [{ key: 3, name: 'Harbour Clinic', contact: '' }],
      }),
      limits,
    );
    expect(problems).toEqual([
      { field: 'windowDays', message: hints['defaultRules.updates.windowDays'] },
      { field: 'referral-3-contact', message: 'Add a phone number, email or website, or remove this referral.' },
      { field: 'closingNote', message: hints['defaultRules.closingNote'] },
    ]);
    expect(hints['defaultRules.updates.windowDays']).toBe('Choose a number of days from 1 to 365.');
  });

  it('asks for a name and a time zone the browser knows', () => {
    expect(readProfileForm(profile({ displayName: ' ', timeZone: 'Nowhere' }), limits).problems).toEqual([
      { field: 'displayName', message: 'Enter your name as clients should see it.' },
      { field: 'timeZone', message: hints.timeZone },
    ]);
  });

  it('refuses usual rules outside what the service accepts, saying what it does accept', () => {
    const { maximum } = limits['defaultRules.updates.limit']!;
    const { problems, body } = readProfileForm(
      profile({ limit: String(maximum! + 1), months: '0', remind: '7, x' }),
      limits,
    );
    expect(problems).toEqual([
      { field: 'limit', message: hints['defaultRules.updates.limit'] },
      { field: 'months', message: hints['defaultRules.checkIn.afterMonths'] },
      { field: 'remind', message: hints['defaultRules.checkIn.remindDaysBefore'] },
    ]);
    expect(body.defaultRules).toEqual({});
  });

  it('puts the service’s problems on the nearest field, in plain words', () => {
    expect(profileFieldForPath('defaultRules.checkIn.remindDaysBefore.0')).toBe('remind');
    expect(profileFieldForPath('defaultRules')).toBeNull();
    expect(profileFieldForPath('defaultRules.updates.windowDays')).toBe('windowDays');
    expect(profileFieldForPath('notifications')).toBe('notifications');
    expect(profileFieldForPath('defaultRules.closingNote')).toBe('closingNote');
    expect(
      profileProblemsFromServer(
        [{ path: 'defaultRules.updates.limit', message: 'Too big: expected number to be <=12' }],
        limits,
      ),
    ).toEqual([{ field: 'limit', message: hints['defaultRules.updates.limit'] }]);
  });
});
