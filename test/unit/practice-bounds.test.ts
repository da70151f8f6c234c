/**
 * A practice's bounds without I/O: what a new arrangement or a change goes beyond, which
 * defaults could not be kept to, the sentences that say so, where a new arrangement's rules
 * come from, and the names (never the values) of what a settings change changed.
 */
import { describe, expect, it } from 'vitest';
import { resolveRules, type PolicyRules } from '../../shared/domain/policy.js';
import { boundBreaches, DEFAULT_BOUNDS, unsetPractice, type PracticeBounds } from '../../shared/domain/practice.js';
import { breachesAdded, defaultsBeyondBounds } from '../../shared/domain/practice-bounds.js';
import type { TherapistProfile } from '../../shared/ports/store.js';
import { previewRefusal, OutsideBoundsError } from '../../shared/use-cases/bounds-refusal.js';
import { changedSettings } from '../../shared/use-cases/practice.js';
import { startingCrisisLocale, startingRules } from '../../shared/use-cases/starting-rules.js';
import { boundSentence, boundsRefusal, defaultBeyondBound } from '../../shared/wording/practice.js';

const bounds: PracticeBounds = { maxUpdates: 4, maxCharacters: 800, maxWindowDays: 60, checkInFormats: ['session'] };
const rules = (over: Parameters<typeof resolveRules>[0]['updates'] = {}, format: 'message' | 'session' = 'session') =>
  resolveRules({ endedOn: '2026-11-20', timeZone: 'Europe/London', updates: over, checkIn: { format } });

describe('what goes beyond a bound', () => {
  it('names each bound in a fixed order, counting the window from its first day to its last', () => {
    expect(boundBreaches(rules({ limit: 6, maxCharacters: 900, until: '2027-01-19' }, 'message'), bounds)).toEqual([
      { bound: 'maxUpdates', allowed: 4, offered: 6 },
      { bound: 'maxCharacters', allowed: 800, offered: 900 },
      { bound: 'maxWindowDays', allowed: 60, offered: 61 },
      { bound: 'checkInFormats', allowed: ['session'], offered: 'message' },
    ]);
    expect(boundBreaches(rules({ limit: 4, maxCharacters: 800, until: '2027-01-18' }), bounds)).toEqual([]);
  });

  it('lets a change keep what the arrangement offered before a bound was tightened, and take some back', () => {
    const before: PolicyRules = rules({ limit: 6, maxCharacters: 800 });
    expect(breachesAdded(before, rules({ limit: 6, maxCharacters: 800 }), bounds)).toEqual([]);
    expect(breachesAdded(before, rules({ limit: 5, maxCharacters: 800 }), bounds)).toEqual([]);
    expect(breachesAdded(before, rules({ limit: 7, maxCharacters: 800 }), bounds)).toEqual([
      { bound: 'maxUpdates', allowed: 4, offered: 7 },
    ]);
    expect(breachesAdded(before, rules({ limit: 6, maxCharacters: 801 }), bounds)).toEqual([
      { bound: 'maxCharacters', allowed: 800, offered: 801 },
    ]);
  });
});

describe('the words of a bound', () => {
  it('says what the practice allows and what the arrangement would offer', () => {
    expect(boundSentence({ bound: 'maxUpdates', allowed: 4, offered: 6 })).toBe(
      'Your practice allows at most 4 updates; this arrangement would offer 6.',
    );
    expect(boundSentence({ bound: 'maxUpdates', allowed: 1, offered: 2 })).toContain('at most 1 update;');
    expect(boundSentence({ bound: 'maxCharacters', allowed: 800, offered: 1200 })).toBe(
      'Your practice allows updates of at most 800 characters; this arrangement would allow 1,200.',
    );
    expect(boundSentence({ bound: 'maxWindowDays', allowed: 60, offered: 61 })).toBe(
      'Your practice allows an update window of at most 60 days, from its first day to its last; this one would be open for 61 days.',
    );
    expect(boundSentence({ bound: 'checkInFormats', allowed: ['session'], offered: 'message' })).toBe(
      'Your practice offers check-ins only as a check-in session; this arrangement would have a check-in message.',
    );
    expect(boundSentence({ bound: 'checkInFormats', allowed: [], offered: 'session' })).toBe(
      'Your practice does not offer check-ins; this arrangement would have a check-in session.',
    );
  });

  it('joins every bound into one kind refusal that says what can be done', () => {
    const one = boundsRefusal([{ bound: 'maxUpdates', allowed: 4, offered: 6 }]);
    expect(one).toBe(
      'Your practice allows at most 4 updates; this arrangement would offer 6. Change it to fit, or ask your practice admin.',
    );
    expect(
      boundsRefusal([
        { bound: 'maxUpdates', allowed: 4, offered: 6 },
        { bound: 'maxCharacters', allowed: 800, offered: 900 },
      ]),
    ).toMatch(/offer 6\. Your practice allows updates.* Change them to fit/);
  });

  it('answers the preview with the refusal’s facts and a sentence beside each field', () => {
    const err = new OutsideBoundsError([
      { bound: 'maxWindowDays', allowed: 60, offered: 61 },
      { bound: 'checkInFormats', allowed: ['session'], offered: 'message' },
    ]);
    expect(err).toMatchObject({ status: 409, reason: 'outside-practice-bounds' });
    expect(previewRefusal(err)).toEqual({
      ok: false,
      reason: 'outside-practice-bounds',
      bound: 'maxWindowDays',
      allowed: 60,
      breaches: err.found,
      errors: [
        { path: 'updates.until', message: boundSentence(err.found[0]) },
        { path: 'checkIn.format', message: boundSentence(err.found[1]!) },
      ],
    });
  });
});

describe('practice defaults under the bounds', () => {
  it('finds the defaults a new arrangement could not keep to, the product’s own included', () => {
    expect(defaultsBeyondBounds({}, DEFAULT_BOUNDS)).toEqual([]);
    const found = defaultsBeyondBounds({ updates: { limit: 6 } }, bounds);
    expect(found.map((f) => [f.path, f.breach.offered, f.fromProduct])).toEqual([
      ['defaults.updates.limit', 6, false],
      ['defaults.updates.maxCharacters', 1000, true],
      ['defaults.checkIn.format', 'message', true],
    ]);
    // 42 days after therapy ended is a window of 43 days as the bound counts it.
    const window = defaultsBeyondBounds({}, { ...DEFAULT_BOUNDS, maxWindowDays: 42 });
    expect(window.map((f) => [f.path, f.breach.offered])).toEqual([['defaults.updates.windowDays', 43]]);
    expect(defaultsBeyondBounds({ updates: { windowDays: 41 } }, { ...DEFAULT_BOUNDS, maxWindowDays: 42 })).toEqual([]);
  });

  it('starts arrangements without a check-in where no format is allowed, so only a named default check-in breaks it', () => {
    const none = { ...DEFAULT_BOUNDS, checkInFormats: [] };
    expect(defaultsBeyondBounds({}, none)).toEqual([]);
    expect(defaultsBeyondBounds({ checkIn: { afterMonths: 2 } }, none).map((f) => f.path)).toEqual([
      'defaults.checkIn.format',
    ]);
  });

  it('says which default to change and why, in words', () => {
    const [limit, characters] = defaultsBeyondBounds({ updates: { limit: 6 } }, bounds);
    expect(defaultBeyondBound(limit!)).toBe(
      'New arrangements would offer 6 updates, more than the bound of 4. Set a default of at most 4, or raise the bound.',
    );
    expect(defaultBeyondBound(characters!)).toMatch(
      /^Without a default of the practice's own, new arrangements would allow 1,000 characters/,
    );
    const [window] = defaultsBeyondBounds({}, { ...DEFAULT_BOUNDS, maxWindowDays: 30 });
    expect(defaultBeyondBound(window!)).toContain('open for 43 days (the day therapy ended and 42 days after it)');
    expect(defaultBeyondBound(window!)).toContain('at most 29 days');
  });
});

describe('where a new arrangement’s rules come from', () => {
  const profile: TherapistProfile = {
    therapistId: 'th-1',
    email: 'dr@example.com',
    displayName: 'Dr. One',
    timeZone: 'Europe/London',
    crisisLocale: 'US',
    notifications: 'notice',
  };
  const practice = {
    ...unsetPractice('p', 'P'),
    defaults: {
      updates: { limit: 2, windowDays: 28 },
      checkIn: { afterMonths: 2, format: 'session' as const },
      referrals: [{ name: 'Harbour', contact: '555' }],
      crisisLocale: 'GB' as const,
      invitationNote: 'From the practice.',
    },
  };
  const body = { client: { name: 'R', email: 'r@example.com' }, endedOn: '2026-11-20' };

  it('takes the request first, then the therapist’s usual rules, then the practice’s', () => {
    const mine = { ...profile, defaultRules: { updates: { limit: 1 }, checkIn: { remindDaysBefore: [3] } } };
    const input = startingRules({ ...body, checkIn: { on: '2027-01-10' } }, mine, practice, 'Europe/London');
    expect(input).toMatchObject({
      updates: { limit: 1, windowDays: 28 },
      checkIn: { on: '2027-01-10', afterMonths: 2, format: 'session', remindDaysBefore: [3] },
      referrals: [{ name: 'Harbour', contact: '555' }],
      crisisLocale: 'GB',
      invitationNote: 'From the practice.',
      timeZone: 'Europe/London',
    });
    expect(startingRules({ ...body, checkIn: null, invitationNote: null }, mine, practice, 'UTC')).toMatchObject({
      checkIn: null,
      invitationNote: null,
    });
  });

  it('leaves the check-in to the product unless the practice offers none', () => {
    const plain = unsetPractice('p', 'P');
    expect(startingRules(body, profile, plain, 'UTC').checkIn).toBeUndefined();
    const noCheckIns = { ...plain, bounds: { ...plain.bounds, checkInFormats: [] } };
    expect(startingRules(body, profile, noCheckIns, 'UTC').checkIn).toBeNull();
  });

  it('uses the therapist’s crisis locale once they chose one, the practice’s until then', () => {
    expect(startingCrisisLocale(profile, practice)).toBe('GB');
    expect(startingCrisisLocale({ ...profile, crisisLocaleChosen: true }, practice)).toBe('US');
    expect(startingCrisisLocale(profile, unsetPractice('p', 'P'))).toBe('US');
  });
});

describe('what a settings change changed', () => {
  it('names each part that differs, whatever order its keys were written in, and no values', () => {
    const before = { ...unsetPractice('p', 'P'), defaults: { updates: { limit: 2, windowDays: 28 } } };
    const after = {
      ...before,
      name: 'Northside',
      defaults: { updates: { windowDays: 28, limit: 2 }, closingNote: 'A private goodbye.' },
      bounds: { ...before.bounds, maxUpdates: 4 },
    };
    expect(changedSettings(before, after)).toEqual(['name', 'defaults.closingNote', 'bounds.maxUpdates']);
    expect(changedSettings(before, { ...before })).toEqual([]);
  });
});
