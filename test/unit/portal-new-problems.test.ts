/** Problems on a new arrangement, as the service reports them by API path, placed on the form's fields. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
// @ts-ignore typed by tsconfig.portal.json
import { policyHints } from '../../web/portal/hints.js';
// @ts-ignore typed by tsconfig.portal.json
import { fieldForPath, labelFor, problemsFromServer } from '../../web/portal/new-problems.js';
// @ts-ignore typed by tsconfig.portal.json
import type { NewValues } from '../../web/portal/new-read-form.js';

const limits = portalRules().limits.policy;

function sent(changes: Partial<NewValues> = {}): NewValues {
  const empty = {
    clientName: '',
    clientEmail: '',
    endedOn: '',
    timeZone: '',
    limit: '',
    gap: '',
    weeks: '',
    maxChars: '',
    from: '',
    until: '',
  };
  return {
    ...empty,
    format: 'message',
    months: '',
    checkinOn: '',
    note: '',
    remind: '',
    replies: 'none',
    closesOn: '',
    crisis: 'US',
    referrals: [],
    ...changes,
  };
}

describe('placing the service’s problems on the new-arrangement form', () => {
  it('puts a problem with a date the service worked out on the field it was worked out from', () => {
    expect(fieldForPath('updates.until', sent())).toBe('weeks');
    expect(fieldForPath('updates.until', sent({ until: '2026-12-24' }))).toBe('until');
    expect(fieldForPath('checkIn.on', sent())).toBe('months');
    expect(fieldForPath('checkIn.on', sent({ checkinOn: '2027-03-01' }))).toBe('checkinOn');
  });

  it('puts a referral’s problem on the row it came from, counting only the rows that were sent', () => {
    const values = sent({
      referrals: [
        { key: 1, name: '', contact: '' },
        { key: 4, name: 'Clinic', contact: 'x' },
      ],
    });
    expect(fieldForPath('referrals.0.contact', values)).toBe('referral-4-contact');
    expect(fieldForPath('referrals.1.name', values)).toBeNull();
  });

  it('falls back to the nearest field a longer path belongs to, and to none for an unknown one', () => {
    expect(fieldForPath('checkIn', sent())).toBe('checkinOn');
    expect(fieldForPath('checkIn.remindDaysBefore.2', sent())).toBe('remind');
    expect(fieldForPath('client', sent())).toBeNull();
    expect(fieldForPath('', sent())).toBeNull();
  });

  it('says the service’s technical messages in plain words, and keeps its readable ones', () => {
    const hints = policyHints(limits);
    expect(
      problemsFromServer(
        [
          { path: 'updates.limit', message: 'Too big: expected number to be <=12' },
          { path: 'checkIn.remindDaysBefore.0', message: 'Invalid input' },
          { path: 'closesOn', message: 'The closing date cannot be before the update window ends.' },
          {},
        ],
        sent(),
        limits,
      ),
    ).toEqual([
      { field: 'limit', message: hints['updates.limit'] },
      { field: 'remind', message: hints['checkIn.remindDaysBefore'] },
      { field: 'closesOn', message: 'The closing date cannot be before the update window ends.' },
      { field: null, message: 'Please check this.' },
    ]);
  });

  it('names each field briefly for the summary of problems', () => {
    expect(labelFor('closesOn')).toBe('Closing date');
    expect(labelFor('referral-7-name')).toBe('Referral name');
    expect(labelFor('referral-7-contact')).toBe('Referral contact');
  });
});
