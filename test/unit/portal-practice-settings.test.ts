/** The practice settings form read as PUT /practice, its limits, and the service's problems placed on its fields. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { PRODUCT_LIMITS, RETENTION } from '../../shared/domain/practice.js';
import { parseWith, practiceBody } from '../../shared/domain/schemas.js';
// @ts-ignore typed by tsconfig.portal.json
import { practiceLimits } from '../../web/portal/practice-limits.js';
import {
  practiceFieldForPath,
  practiceProblemsFromServer,
  readPracticeForm,
  type PracticeValues,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/practice-read-form.js';

const rules = portalRules();
const limits = practiceLimits(rules);

function values(changes: Partial<PracticeValues> = {}): PracticeValues {
  return {
    name: 'Northside Counselling',
    limit: '',
    gap: '',
    maxChars: '',
    months: '',
    windowDays: '',
    format: '',
    remind: '',
    replies: '',
    crisis: 'US',
    invitationNote: '',
    closingNote: '',
    referrals: [],
    maxUpdates: '12',
    maxCharacters: '5000',
    maxWindowDays: '366',
    formats: ['message', 'session'],
    retentionDays: '90',
    ...changes,
  };
}

describe('the practice’s limits', () => {
  it('are the domain’s own for the window and retention, and the schemas’ for the rest', () => {
    expect(limits.retentionDays).toEqual({ minimum: RETENTION.min, maximum: RETENTION.max });
    expect(limits['bounds.maxWindowDays']).toEqual({ minimum: 1, maximum: PRODUCT_LIMITS.maxWindowDays });
    expect(limits['bounds.maxUpdates']).toMatchObject({ minimum: 0, maximum: PRODUCT_LIMITS.maxUpdates });
    expect(limits['bounds.maxCharacters']).toMatchObject({ minimum: 1, maximum: PRODUCT_LIMITS.maxCharacters });
    expect(limits.name?.maxLength).toBe(120);
  });

  it('are the service’s own once rules.json gives them', () => {
    const own = { retentionDays: { minimum: 60, maximum: 400 } };
    const withOwn = { ...rules, limits: { ...rules.limits, practice: own } };
    expect(practiceLimits(withOwn)).toBe(own);
  });
});

describe('reading the practice settings', () => {
  it('sends the name, the defaults as a profile’s usual rules, the bounds and the retention, which the service accepts', () => {
    const { body, problems } = readPracticeForm(
      values({
        name: '  Northside Counselling ',
        limit: '2',
        windowDays: '28',
        format: 'message',
        remind: '7',
        replies: 'may-reply',
        crisis: 'GB',
        closingNote: ' Take care. ',
        referrals: [{ key: 3, name: 'Samaritans', contact: '116 123' }],
        maxUpdates: '6',
        maxCharacters: '2000',
        maxWindowDays: '90',
        formats: ['message'],
        retentionDays: '365',
      }),
      { rules, limits },
    );
    expect(problems).toEqual([]);
    expect(body).toEqual({
      name: 'Northside Counselling',
      defaults: {
        updates: { limit: 2, windowDays: 28 },
        checkIn: { format: 'message', remindDaysBefore: [7] },
        replies: 'may-reply',
        referrals: [{ name: 'Samaritans', contact: '116 123' }],
        invitationNote: null,
        closingNote: 'Take care.',
        crisisLocale: 'GB',
      },
      bounds: { maxUpdates: 6, maxCharacters: 2000, maxWindowDays: 90, checkInFormats: ['message'] },
      retentionDays: 365,
    });
    expect(() => parseWith(practiceBody, body, 'practice')).not.toThrow();
  });

  it('needs a name, every bound, and a retention from 30 to 3,650 days, each said beside its field', () => {
    const { problems } = readPracticeForm(
      values({ name: ' ', maxUpdates: '', maxCharacters: '0', maxWindowDays: '1.5', retentionDays: '29' }),
      { rules, limits },
    );
    expect(problems).toEqual([
      { field: 'name', message: 'Enter the practice’s name.' },
      { field: 'maxUpdates', message: 'Choose a number from 0 to 12.' },
      { field: 'maxCharacters', message: 'Choose a number from 1 to 5,000.' },
      { field: 'maxWindowDays', message: 'Choose a number of days from 1 to 366.' },
      { field: 'retentionDays', message: 'Choose a number of days from 30 to 3,650 (10 years).' },
    ]);
    expect(readPracticeForm(values({ retentionDays: '3650' }), { rules, limits }).problems).toEqual([]);
  });

  it('sends an emptied part of the defaults as none, since the service keeps what a save leaves out', () => {
    const { body } = readPracticeForm(values(), {
      rules,
      limits,
      stored: { replies: 'may-reply', updates: { limit: 2 } },
    });
    expect(body.defaults).toEqual({
      updates: {},
      checkIn: {},
      // Replies cannot be sent empty: Afterword's own default stands in for the practice's former one.
      replies: rules.defaults.replies,
      referrals: [],
      invitationNote: null,
      closingNote: null,
      crisisLocale: 'US',
    });
    expect(() => parseWith(practiceBody, body, 'practice')).not.toThrow();
  });

  it('names no check-in at all for a practice that allows none, and no replies it never had', () => {
    const { body } = readPracticeForm(values({ formats: [] }), { rules, limits });
    expect(body.defaults).not.toHaveProperty('checkIn');
    expect(body.defaults).not.toHaveProperty('replies');
    expect(body.bounds.checkInFormats).toEqual([]);
  });
});

describe('the service’s problems on the settings form', () => {
  const sent = values({
    referrals: [
      { key: 4, name: '', contact: '' },
      { key: 7, name: 'Line', contact: 'x' },
    ],
  });

  it('places each path on its field: the practice’s own, a default, or a referral as it was sent', () => {
    expect(practiceFieldForPath('name', sent)).toBe('name');
    expect(practiceFieldForPath('bounds.checkInFormats.0', sent)).toBe('formats');
    expect(practiceFieldForPath('retentionDays', sent)).toBe('retentionDays');
    expect(practiceFieldForPath('defaults.updates.windowDays', sent)).toBe('windowDays');
    expect(practiceFieldForPath('defaults.crisisLocale', sent)).toBe('crisis');
    expect(practiceFieldForPath('defaults.referrals.0.contact', sent)).toBe('referral-7-contact');
    expect(practiceFieldForPath('somethingElse', sent)).toBeNull();
  });

  it('keeps the service’s plain words, says developer words for people, and places a default beyond the bounds on it', () => {
    const problems = practiceProblemsFromServer(
      [
        { path: 'retentionDays', message: 'Keep closed data at least 30 days.' },
        { path: 'bounds.maxUpdates', message: 'Too big: expected number to be <=12' },
        {
          path: 'defaults.updates.limit',
          message:
            'New arrangements would offer 3 updates, more than the bound of 2. Set a default of at most 2, or raise the bound.',
        },
      ],
      sent,
      { profile: rules.limits.profile, practice: limits },
    );
    expect(problems).toEqual([
      { field: 'retentionDays', message: 'Keep closed data at least 30 days.' },
      { field: 'maxUpdates', message: 'Choose a number from 0 to 12.' },
      {
        field: 'limit',
        message:
          'New arrangements would offer 3 updates, more than the bound of 2. Set a default of at most 2, or raise the bound.',
      },
    ]);
  });
});
