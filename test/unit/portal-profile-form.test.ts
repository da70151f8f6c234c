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
    ...changes,
  };
}

describe('reading the profile form', () => {
  it('sends the name, zone and crisis locale, and no usual rules when none are filled in', () => {
    expect(readProfileForm(profile({ displayName: ' Dr. Brooks ' }), limits)).toEqual({
      body: { displayName: 'Dr. Brooks', timeZone: 'America/New_York', crisisLocale: 'US', defaultRules: {} },
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
    expect(
      profileProblemsFromServer(
        [{ path: 'defaultRules.updates.limit', message: 'Too big: expected number to be <=12' }],
        limits,
      ),
    ).toEqual([{ field: 'limit', message: hints['defaultRules.updates.limit'] }]);
  });
});
