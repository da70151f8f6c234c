/** The practice's defaults and bounds on a new arrangement: the presets it starts from, the hints beside the fields, and a refusal placed on its field. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { boundBreaches, DEFAULT_BOUNDS, type PracticeBounds } from '../../shared/domain/practice.js';
import { resolveRules, type RulesInput } from '../../shared/domain/policy.js';
// @ts-ignore typed by tsconfig.portal.json
import { breachesOf } from '../../web/portal/api.js';
import {
  boundHints,
  boundProblems,
  boundSentence,
  fieldForBound,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/new-bounds.js';
// @ts-ignore typed by tsconfig.portal.json
import { presetFits, presetsFor, presetValues, serviceDefaults, type Preset } from '../../web/portal/new-presets.js';
// @ts-ignore typed by tsconfig.portal.json
import { readForm } from '../../web/portal/new-read-form.js';

const rules = portalRules();
const limits = rules.limits.policy;
const narrow: PracticeBounds = { maxUpdates: 6, maxCharacters: 2000, maxWindowDays: 90, checkInFormats: ['message'] };
const practice = (defaults: object = {}, bounds: PracticeBounds = DEFAULT_BOUNDS) => ({
  id: 'northside',
  name: 'Northside Counselling',
  defaults,
  bounds,
  retentionDays: 90,
});
const profile = { email: 'dr@example.com', timeZone: 'America/New_York' };

/** What the form sends for a preset, resolved as the service would. */
function resolvedFrom(preset: Preset) {
  const form = {
    clientName: 'Sam',
    clientEmail: 'sam@example.com',
    endedOn: '2026-11-20',
    timeZone: 'UTC',
    note: '',
    crisis: 'US',
    referrals: [],
    ...presetValues(preset.rules),
  };
  const { body, problems } = readForm(form, { rules });
  expect(problems).toEqual([]);
  return resolveRules(body as RulesInput);
}

describe('presets from the practice’s defaults', () => {
  it('starts from the practice’s rules, each gap filled from the service’s defaults', () => {
    const presets: Preset[] = presetsFor(
      { ...profile, practice: practice({ updates: { limit: 2, windowDays: 28 } }) },
      rules.defaults,
    );
    expect(presets.map((p) => p.value)).toEqual(['practice', 'gentle', 'check-in-only', 'more']);
    expect(presets[0]).toMatchObject({
      label: 'Your practice’s rules',
      rules: { ...serviceDefaults(rules.defaults), limit: 2, weeks: 4 },
    });
    expect(presets[0]!.hint).toBe(
      'Up to 2 updates over 4 weeks, at least 7 days apart, and a check-in message after 3 months. (Set by your practice, the same for every therapist.)',
    );
    expect(presets[1]!.label).toBe('Gentle');
  });

  it('puts the therapist’s usual rules on top of the practice’s, and offers the practice’s alike to everyone', () => {
    const shared = practice({ updates: { limit: 2, maxCharacters: 800 }, checkIn: { format: 'session' } });
    const withOwn: Preset[] = presetsFor(
      { ...profile, defaultRules: { updates: { limit: 4 } }, practice: shared },
      rules.defaults,
    );
    const without: Preset[] = presetsFor({ ...profile, practice: shared }, rules.defaults);
    expect(withOwn.map((p) => p.value)).toEqual(['usual', 'practice', 'gentle', 'check-in-only', 'more']);
    expect(withOwn[0]!.rules).toMatchObject({ limit: 4, maxChars: 800, format: 'session' });
    // Fairness: the practice's preset does not depend on whose profile it is.
    expect(withOwn[1]).toEqual(without[0]);
  });

  it('offers only the service’s starting points that keep to the bounds', () => {
    const presets: Preset[] = presetsFor(
      { ...profile, practice: practice({}, { ...narrow, maxUpdates: 4 }) },
      rules.defaults,
    );
    // "More contact" offers 6 updates; "check-in only" is a session, which this practice does not offer.
    expect(presets.map((p) => p.value)).toEqual(['gentle']);
    expect(presets[0]!.label).toBe('Gentle (the usual choice)');
  });

  it('starts without a check-in where the practice offers none, and drops what would be nothing at all', () => {
    const presets: Preset[] = presetsFor(
      { ...profile, practice: practice({ updates: { limit: 2 } }, { ...DEFAULT_BOUNDS, checkInFormats: [] }) },
      rules.defaults,
    );
    expect(presets.map((p) => [p.value, p.rules.format])).toEqual([
      ['practice', 'none'],
      ['gentle', 'none'],
      ['more', 'none'],
    ]);
    expect(presets[0]!.hint).toMatch(/^Up to 2 updates over 6 weeks, at least 7 days apart, and no check-in\./);
  });

  it('counts the window as the service does: both ends included', () => {
    const gentle = presetsFor(profile, rules.defaults)[0] as Preset;
    const resolved = resolvedFrom(gentle);
    for (const maxWindowDays of [42, 43]) {
      const bounds = { ...DEFAULT_BOUNDS, maxWindowDays };
      expect(presetFits(gentle.rules, bounds)).toBe(boundBreaches(resolved, bounds).length === 0);
    }
    expect(presetFits(gentle.rules, { ...DEFAULT_BOUNDS, maxWindowDays: 42 })).toBe(false);
  });

  it('is as before for a therapist whose practice has no defaults and the product’s bounds', () => {
    const before: Preset[] = presetsFor(profile, rules.defaults);
    const after: Preset[] = presetsFor({ ...profile, practice: practice() }, rules.defaults);
    expect(after).toEqual(before);
  });
});

describe('hints and refusals beside the fields', () => {
  it('says the practice’s bounds where they are narrower than the service’s own', () => {
    expect(boundHints(narrow, limits)).toEqual({
      limit: 'Your practice allows up to 6 updates.',
      maxChars: 'Your practice allows updates of up to 2,000 characters.',
      weeks: 'Your practice allows updates over at most 90 days, counting the first and last day.',
      format: 'Your practice allows only a check-in message, or no check-in.',
    });
    expect(boundHints(DEFAULT_BOUNDS, limits)).toEqual({
      weeks: 'Your practice allows updates over at most 366 days, counting the first and last day.',
    });
    expect(boundHints(undefined, limits)).toEqual({});
  });

  it('words each bound plainly, in the singular where it should be', () => {
    expect(boundSentence('maxUpdates', 1)).toBe('Your practice allows up to 1 update.');
    expect(boundSentence('maxWindowDays', 60, 85)).toBe(
      'Your practice allows updates over at most 60 days, counting the first and last day; these dates make 85.',
    );
    expect(boundSentence('maxCharacters', 2000, 3000)).toBe(
      'Your practice allows updates of up to 2,000 characters; this would allow 3,000.',
    );
    expect(boundSentence('checkInFormats', [])).toBe('Your practice does not offer check-ins: choose “No check-in”.');
    expect(boundSentence('checkInFormats', ['message', 'session'])).toBe(
      'Your practice allows only a check-in message or a check-in session, or no check-in.',
    );
  });

  it('places each bound a refusal names on its field: the window on the weeks, or on the last day when one was typed', () => {
    expect(fieldForBound('maxUpdates', { until: '' })).toBe('limit');
    expect(fieldForBound('maxCharacters', { until: '' })).toBe('maxChars');
    expect(fieldForBound('maxWindowDays', { until: '' })).toBe('weeks');
    expect(fieldForBound('maxWindowDays', { until: '2027-03-01' })).toBe('until');
    expect(fieldForBound('checkInFormats', { until: '' })).toBe('format');
    const refusal = {
      reason: 'outside-practice-bounds',
      detail: 'Your practice allows at most 6 updates.',
      bound: 'maxUpdates',
      allowed: 6,
      breaches: [
        { bound: 'maxUpdates', allowed: 6, offered: 8 },
        { bound: 'checkInFormats', allowed: ['message'], offered: 'session' },
      ],
    };
    expect(boundProblems(breachesOf(refusal), { until: '' }, refusal.detail)).toEqual([
      { field: 'limit', message: 'Your practice allows up to 6 updates; this would offer 8.' },
      { field: 'format', message: 'Your practice allows only a check-in message, or no check-in.' },
    ]);
  });

  it('reads a refusal with only its first bound, and keeps the service’s words for a bound it does not know', () => {
    expect(breachesOf({ reason: 'outside-practice-bounds', bound: 'maxCharacters', allowed: 500 })).toEqual([
      { bound: 'maxCharacters', allowed: 500 },
    ]);
    expect(breachesOf({ reason: 'too-soon' })).toEqual([]);
    expect(boundProblems([], { until: '' }, 'Beyond what your practice allows.')).toEqual([
      { field: null, message: 'Beyond what your practice allows.' },
    ]);
  });
});
