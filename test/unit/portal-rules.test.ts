/**
 * GET /portal/rules.json: the defaults and limits the portal works with, built from the
 * domain's own definitions. Checked against what the domain does, not against copied numbers.
 */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: the portal import is ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { boundsOf, makeHandler, portalRules } from '../../functions/web.js';
import { apiEvent } from '../../local/api-event.js';
import { jsonLogger } from '../../shared/adapters/system/logger.js';
import { CRISIS_LOCALES } from '../../shared/domain/crisis.js';
import { addDays, addMonths, daysBetween, laterOf } from '../../shared/domain/dates.js';
import { resolveRules } from '../../shared/domain/policy.js';
import { createPolicyBody, profileBody } from '../../shared/domain/schemas.js';
// @ts-ignore typed by tsconfig.portal.json
import { checkRules, maxLengthAt, rangeAt } from '../../web/portal/rules.js';

const rules = portalRules();
const ENDED = '2026-11-20';

/** A value at `path` ("updates.limit") inside an otherwise valid body. */
function bodyWith(base: Record<string, unknown>, path: string, value: unknown) {
  const body = structuredClone(base);
  const keys = path.split('.');
  let at = body;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return body;
}

const POLICY = { client: { name: 'Sam', email: 'sam@example.com' }, endedOn: ENDED };

describe('the rules the portal is served', () => {
  it('gives the defaults the service fills in when a field is left out', () => {
    const resolved = resolveRules({ endedOn: ENDED, timeZone: 'UTC' });
    const { updates, checkIn } = rules.defaults;
    expect(resolved.updates).toMatchObject({
      limit: updates.limit,
      minDaysBetween: updates.minDaysBetween,
      maxCharacters: updates.maxCharacters,
    });
    expect(daysBetween(resolved.updates.from, resolved.updates.until)).toBe(updates.windowDays);
    expect(resolved.checkIn).toMatchObject({
      format: checkIn.format,
      on: addMonths(ENDED, checkIn.afterMonths),
      remindDaysBefore: checkIn.remindDaysBefore,
    });
    expect(daysBetween(resolved.checkIn!.on, resolved.checkIn!.messageUntil) + 1).toBe(checkIn.messageDays);
    expect(resolved.closesOn).toBe(
      laterOf(resolved.updates.until, addDays(resolved.checkIn!.on, rules.defaults.closeDaysAfterCheckIn)),
    );
    expect(resolved).toMatchObject({ replies: rules.defaults.replies, crisisLocale: rules.defaults.crisisLocale });
  });

  it.each(['updates.limit', 'updates.minDaysBetween', 'updates.maxCharacters', 'checkIn.afterMonths'])(
    'gives the range a new policy’s %s must be in',
    (path) => {
      const { min, max } = rangeAt(rules.limits.policy, path);
      for (const ok of [min, max]) expect(createPolicyBody.safeParse(bodyWith(POLICY, path, ok)).success).toBe(true);
      for (const wrong of [min - 1, max + 1])
        expect(createPolicyBody.safeParse(bodyWith(POLICY, path, wrong)).success).toBe(false);
    },
  );

  it.each(['client.name', 'checkIn.note'])('gives the longest text a new policy’s %s may be', (path) => {
    const longest = maxLengthAt(rules.limits.policy, path);
    expect(createPolicyBody.safeParse(bodyWith(POLICY, path, 'a'.repeat(longest))).success).toBe(true);
    expect(createPolicyBody.safeParse(bodyWith(POLICY, path, 'a'.repeat(longest + 1))).success).toBe(false);
  });

  it('gives the bounds of reminders and referrals as lists and as entries', () => {
    const remind = rules.limits.policy['checkIn.remindDaysBefore']!;
    const days = Array.from({ length: remind.maxItems! }, (_, i) => remind.minimum! + i);
    expect(createPolicyBody.safeParse(bodyWith(POLICY, 'checkIn.remindDaysBefore', days)).success).toBe(true);
    expect(
      createPolicyBody.safeParse(bodyWith(POLICY, 'checkIn.remindDaysBefore', [...days, remind.maximum!])).success,
    ).toBe(false);
    expect(
      createPolicyBody.safeParse(bodyWith(POLICY, 'checkIn.remindDaysBefore', [remind.maximum! + 1])).success,
    ).toBe(false);
    const referral = { name: 'Clinic', contact: 'clinic.example' };
    const most = rules.limits.policy.referrals!.maxItems!;
    expect(createPolicyBody.safeParse({ ...POLICY, referrals: Array(most).fill(referral) }).success).toBe(true);
    expect(createPolicyBody.safeParse({ ...POLICY, referrals: Array(most + 1).fill(referral) }).success).toBe(false);
  });

  it.each([
    'defaultRules.updates.limit',
    'defaultRules.updates.minDaysBetween',
    'defaultRules.updates.maxCharacters',
    'defaultRules.checkIn.afterMonths',
  ])('gives the range a profile’s %s must be in', (path) => {
    const { min, max } = rangeAt(rules.limits.profile, path);
    expect(profileBody.safeParse(bodyWith({}, path, max)).success).toBe(true);
    expect(profileBody.safeParse(bodyWith({}, path, max + 1)).success).toBe(false);
    expect(profileBody.safeParse(bodyWith({}, path, min - 1)).success).toBe(false);
  });

  it('names every crisis locale the service knows, in its order', () => {
    expect(rules.crisisLocales.map((l) => l.code)).toEqual([...CRISIS_LOCALES]);
    for (const { label } of rules.crisisLocales) expect(label).toMatch(/\w+ \(.+\)/);
  });

  it('is accepted by the portal as complete, and an incomplete one is refused', () => {
    expect(checkRules(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
    expect(() => checkRules({ defaults: rules.defaults })).toThrow(/incomplete/);
    expect(() => checkRules(null)).toThrow(/incomplete/);
  });

  it('is what GET /portal/rules.json answers, as JSON that is not cached', async () => {
    const handler = makeHandler(() => ({ log: jsonLogger(() => {}) }), '/nowhere', {
      mode: 'local',
      signInUrl: '/local/sign-in',
    });
    const res = await handler(
      apiEvent({ method: 'GET', url: new URL('https://afterword.example/portal/rules.json'), headers: {}, body: '' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': expect.stringContaining('application/json'),
      'cache-control': 'no-store',
    });
    expect(JSON.parse(res.body!)).toEqual(rules);
  });
});

describe('reading bounds from a JSON Schema', () => {
  it('keys each bound by its dotted path, through optional fields and into list entries', () => {
    const schema = {
      properties: {
        a: { anyOf: [{ properties: { b: { minimum: 1, maximum: 2 } } }, {}] },
        list: { maxItems: 3, items: { minimum: 4, properties: { c: { maxLength: 5 } } } },
        plain: { type: 'string' },
      },
    };
    expect(boundsOf(schema)).toEqual({
      'a.b': { minimum: 1, maximum: 2 },
      list: { maxItems: 3, minimum: 4 },
      'list.c': { maxLength: 5 },
    });
  });

  it('passes over the schemas true and false, and reads each entry of a tuple', () => {
    const schema = { properties: { any: true, none: false, pair: { items: [{ minimum: 1 }, { maxLength: 2 }] } } };
    expect(boundsOf(schema)).toEqual({ pair: { minimum: 1, maxLength: 2 } });
  });
});
