/** The plain-language messages for values out of range, written from whatever limits the service gives. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
// @ts-ignore typed by tsconfig.portal.json
import { friendlier, fromTo, policyHints, profileHints, rangeHint } from '../../web/portal/hints.js';

/** Limits unlike the service's, so the numbers in each message are seen to come from them. */
const LIMITS = {
  'client.name': { maxLength: 80 },
  'updates.limit': { minimum: 0, maximum: 9 },
  'updates.minDaysBetween': { minimum: 2, maximum: 30 },
  'updates.maxCharacters': { minimum: 10, maximum: 20000 },
  'checkIn.afterMonths': { minimum: 1, maximum: 6 },
  'checkIn.note': { maxLength: 1500 },
  'checkIn.remindDaysBefore': { maxItems: 3, minimum: 2, maximum: 40 },
};

describe('messages for values out of range', () => {
  it('states each range with the numbers it is given, written as the portal writes numbers', () => {
    expect(policyHints(LIMITS)).toMatchObject({
      'client.name': 'Enter the client’s name (up to 80 characters).',
      'updates.limit': 'Choose a number from 0 to 9.',
      'updates.minDaysBetween': 'Choose a number of days from 2 to 30.',
      'updates.maxCharacters': 'Choose a number from 10 to 20,000.',
      'checkIn.afterMonths': 'Choose a number of months from 1 to 6.',
      'checkIn.note': 'Keep the note to 1,500 characters or fewer.',
      'checkIn.remindDaysBefore': 'Use up to 3 reminders, each 2 to 40 days before, for example 7, 1.',
    });
    expect(rangeHint(LIMITS, 'updates.minDaysBetween', 'days')).toBe('Choose a number of days from 2 to 30.');
    expect(fromTo(LIMITS, 'updates.maxCharacters')).toBe('From 10 to 20,000.');
  });

  it('has every limit it needs in what the service serves', () => {
    const { limits } = portalRules();
    expect(() => policyHints(limits.policy)).not.toThrow();
    expect(() => profileHints(limits.profile)).not.toThrow();
  });

  it('says plainly which limit it was not given, rather than inventing one', () => {
    expect(() => policyHints({})).toThrow('The service gives no limits for client.name.');
  });

  it('replaces a technical message with the plain one, and keeps a message already written for people', () => {
    expect(friendlier('Too big: expected number to be <=12', 'Choose a number from 0 to 12.')).toBe(
      'Choose a number from 0 to 12.',
    );
    expect(friendlier('Invalid input', 'Enter a complete date.')).toBe('Enter a complete date.');
    expect(friendlier('The check-in must be after the day therapy ended.', 'Enter a complete date.')).toBe(
      'The check-in must be after the day therapy ended.',
    );
    expect(friendlier('Invalid input', undefined)).toBe('Invalid input');
  });
});
