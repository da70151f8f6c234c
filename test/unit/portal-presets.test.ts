/** The presets a new arrangement starts from, and what they fill in. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { resolveRules, type RulesInput } from '../../shared/domain/policy.js';
import {
  describePreset,
  presetsFor,
  presetValues,
  serviceDefaults,
  type Preset,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/new-presets.js';
// @ts-ignore typed by tsconfig.portal.json
import { readForm } from '../../web/portal/new-read-form.js';

const rules = portalRules();
const profile = { email: 'dr@example.com', timeZone: 'America/New_York' };

describe('presets for a new arrangement', () => {
  it('starts from the service’s own defaults when the therapist has no usual rules', () => {
    const presets: Preset[] = presetsFor(profile, rules.defaults);
    expect(presets.map((p) => p.value)).toEqual(['gentle', 'check-in-only', 'more']);
    expect(presets[0]).toMatchObject({ label: 'Gentle (the usual choice)', rules: serviceDefaults(rules.defaults) });
  });

  it('asks, through the gentle preset, for exactly what the service would do with nothing chosen', () => {
    const gentle: Preset = presetsFor(profile, rules.defaults)[0];
    const form = {
      clientName: 'Sam',
      clientEmail: 'sam@example.com',
      endedOn: '2026-11-20',
      timeZone: 'UTC',
      note: '',
      crisis: 'US',
      referrals: [],
      ...presetValues(gentle.rules),
    };
    const { body, problems } = readForm(form, { rules });
    expect(problems).toEqual([]);
    expect(resolveRules(body as RulesInput)).toEqual(resolveRules({ endedOn: '2026-11-20', timeZone: 'UTC' }));
  });

  it('offers the therapist’s usual rules first, each gap filled from the service’s defaults', () => {
    const presets: Preset[] = presetsFor(
      { ...profile, defaultRules: { updates: { limit: 5 }, replies: 'may-reply' } },
      rules.defaults,
    );
    const system = serviceDefaults(rules.defaults);
    expect(presets.map((p) => p.label)).toEqual(['Your usual rules', 'Gentle', 'Check-in only', 'More contact']);
    expect(presets[0]!.rules).toEqual({ ...system, limit: 5, replies: 'may-reply' });
    expect(presets[0]!.hint).toMatch(/^Up to 5 updates .*\(Set in your profile\.\)$/);
  });

  it('keeps the window length of the therapist’s usual rules: in weeks when it is whole weeks, else left to the service', () => {
    const weeks: Preset[] = presetsFor({ ...profile, defaultRules: { updates: { windowDays: 28 } } }, rules.defaults);
    expect(weeks[0]!.rules.weeks).toBe(4);
    const days: Preset[] = presetsFor({ ...profile, defaultRules: { updates: { windowDays: 10 } } }, rules.defaults);
    expect(days[0]!.rules.weeks).toBe('');
    expect(days[0]!.hint).toMatch(/^Up to 3 updates over 10 days, /);
    const form = {
      clientName: 'Sam',
      clientEmail: 'sam@example.com',
      endedOn: '2026-11-20',
      timeZone: 'UTC',
      note: '',
      crisis: 'US',
      referrals: [],
      ...presetValues(days[0]!.rules),
    };
    // No end date is sent, so the service ends the window as the profile says.
    expect(readForm(form, { rules }).body.updates).not.toHaveProperty('until');
  });

  it('leaves the update fields empty, and writes “none” for no reminders, when a preset says so', () => {
    expect(
      presetValues({
        limit: 0,
        gap: '',
        weeks: '',
        maxChars: '',
        format: 'session',
        months: 3,
        remind: [],
        replies: 'none',
      }),
    ).toEqual({
      limit: '0',
      gap: '',
      weeks: '',
      maxChars: '',
      from: '',
      until: '',
      format: 'session',
      months: '3',
      checkinOn: '',
      remind: 'none',
      replies: 'none',
      closesOn: '',
    });
  });

  it('describes a preset in one sentence, in the singular where it should be', () => {
    expect(describePreset({ limit: 3, gap: 7, weeks: 6, format: 'message', months: 3 })).toBe(
      'Up to 3 updates over 6 weeks, at least 7 days apart, and a check-in message after 3 months.',
    );
    expect(describePreset({ limit: 1, gap: 1, weeks: 2, format: 'session', months: 1 })).toBe(
      'Up to 1 update over 2 weeks, at least 1 day apart, and a check-in session after 1 month.',
    );
    expect(describePreset({ limit: 0, gap: '', weeks: '', format: 'none', months: 3 })).toBe(
      'No written updates, and no check-in.',
    );
  });
});
