/** Reading what a therapist typed: whole numbers, lists of days, reminders, time zones. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
// @ts-ignore typed by tsconfig.portal.json
import { isTimeZone, parseDayList, parseReminders, parseWhole, timeZones } from '../../web/portal/parse.js';

describe('reading typed values', () => {
  it('reads a whole number, empty as empty, and anything else as not a number', () => {
    expect(parseWhole(' 12 ')).toBe(12);
    expect(parseWhole('')).toBe('');
    expect(parseWhole('1.5')).toBeNaN();
    expect(parseWhole('twelve')).toBeNaN();
  });

  it('reads a list of days separated by commas, semicolons or spaces', () => {
    expect(parseDayList('7, 1')).toEqual([7, 1]);
    expect(parseDayList('14;7 1')).toEqual([14, 7, 1]);
    expect(parseDayList('  ')).toBe('');
    expect(parseDayList('7, soon')).toBeNull();
  });

  it('reads reminders within bounds as distinct days, and a word for none as none', () => {
    const bounds = { maxItems: 3, minimum: 1, maximum: 30 };
    expect(parseReminders('7, 1, 7', bounds)).toEqual([7, 1]);
    for (const none of ['none', 'No', '0']) expect(parseReminders(none, bounds)).toEqual([]);
    expect(parseReminders('', bounds)).toBe('');
  });

  it('refuses reminders outside their bounds, counting repeats as typed', () => {
    const bounds = { maxItems: 3, minimum: 1, maximum: 30 };
    expect(parseReminders('31', bounds)).toBeNull();
    expect(parseReminders('1, 1, 1, 1', bounds)).toBeNull();
    expect(parseReminders('x', bounds)).toBeNull();
  });

  it('knows a time zone by its IANA name, and nothing else', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Nowhere/Place')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('offers the browser’s time zones, with the current one first when the browser does not list it', () => {
    expect(timeZones('Europe/London')).toContain('Europe/London');
    expect(timeZones('Etc/Unknown')[0]).toBe('Etc/Unknown');
  });
});
