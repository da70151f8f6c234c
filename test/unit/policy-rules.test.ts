import { describe, it, expect } from 'vitest';
import {
  DEFAULTS,
  isTerminal,
  POLICY_STATES,
  resolveRules,
  validateRules,
  type RulesInput,
} from '../../shared/domain/policy.js';

const base: RulesInput = { endedOn: '2026-11-20', timeZone: 'America/New_York' };

describe('resolveRules defaults', () => {
  const rules = resolveRules(base);

  it('allows 3 updates at least 7 days apart, each up to 1000 characters', () => {
    expect(rules.updates.limit).toBe(3);
    expect(rules.updates.minDaysBetween).toBe(7);
    expect(rules.updates.maxCharacters).toBe(1000);
  });

  it('opens the update window on the day therapy ended and closes it 42 days later', () => {
    expect(rules.updates.from).toBe('2026-11-20');
    expect(rules.updates.until).toBe('2027-01-01');
  });

  it('plans a message check-in 3 months after therapy ended, reminded 7 and 1 days before', () => {
    expect(rules.checkIn).toEqual({
      on: '2027-02-20',
      format: 'message',
      note: null,
      remindDaysBefore: [7, 1],
      messageUntil: '2027-02-26',
    });
  });

  it('ends the window a chosen number of days after therapy ended, unless an end date is given', () => {
    expect(resolveRules({ ...base, updates: { windowDays: 28 } }).updates.until).toBe('2026-12-18');
    expect(resolveRules({ ...base, updates: { windowDays: 28, until: '2026-12-01' } }).updates.until).toBe(
      '2026-12-01',
    );
    expect(resolveRules({ ...base, updates: { windowDays: 28, from: '2026-11-25' } }).updates.until).toBe('2026-12-18');
  });

  it('closes on the later of the window end and the check-in day + 14', () => {
    expect(rules.closesOn).toBe('2027-03-06');
  });

  it('keeps the time zone and defaults the rest', () => {
    expect(rules.endedOn).toBe('2026-11-20');
    expect(rules.timeZone).toBe('America/New_York');
    expect(rules.replies).toBe('none');
    expect(rules.referrals).toEqual([]);
    expect(rules.crisisLocale).toBe('US');
  });

  it('passes its own consistency check', () => {
    expect(validateRules(rules)).toEqual([]);
  });

  it('matches the documented DEFAULTS', () => {
    expect(DEFAULTS.updateLimit).toBe(3);
    expect(DEFAULTS.windowDays).toBe(42);
    expect(DEFAULTS.sendAt).toBe('09:00');
  });
});

describe('resolveRules check-in date', () => {
  it('clamps the default check-in to the end of a shorter month (30 Nov + 3 months = 28 Feb)', () => {
    const rules = resolveRules({ ...base, endedOn: '2026-11-30' });
    expect(rules.checkIn?.on).toBe('2027-02-28');
    expect(rules.checkIn?.messageUntil).toBe('2027-03-06');
  });

  it('clamps into a leap February (30 Nov 2027 + 3 months = 29 Feb 2028)', () => {
    expect(resolveRules({ ...base, endedOn: '2027-11-30' }).checkIn?.on).toBe('2028-02-29');
  });

  it('uses afterMonths when given', () => {
    const rules = resolveRules({ ...base, checkIn: { afterMonths: 6 } });
    expect(rules.checkIn?.on).toBe('2027-05-20');
    expect(rules.closesOn).toBe('2027-06-03');
  });

  it('clamps afterMonths to the month end too', () => {
    expect(resolveRules({ ...base, endedOn: '2026-08-31', checkIn: { afterMonths: 1 } }).checkIn?.on).toBe(
      '2026-09-30',
    );
  });

  it('uses an explicit date as is, with the message window ending 6 days later', () => {
    const rules = resolveRules({ ...base, checkIn: { on: '2027-02-27' } });
    expect(rules.checkIn?.on).toBe('2027-02-27');
    expect(rules.checkIn?.messageUntil).toBe('2027-03-05');
  });

  it('keeps a session format and its note', () => {
    const rules = resolveRules({ ...base, checkIn: { format: 'session', note: 'I will call you to arrange a time.' } });
    expect(rules.checkIn?.format).toBe('session');
    expect(rules.checkIn?.note).toBe('I will call you to arrange a time.');
  });

  it('deduplicates reminder days and orders them furthest first', () => {
    const rules = resolveRules({ ...base, checkIn: { remindDaysBefore: [1, 14, 7, 1] } });
    expect(rules.checkIn?.remindDaysBefore).toEqual([14, 7, 1]);
  });

  it('allows no reminders at all', () => {
    expect(resolveRules({ ...base, checkIn: { remindDaysBefore: [] } }).checkIn?.remindDaysBefore).toEqual([]);
  });

  it('has no check-in when checkIn is null, and then closes when the window ends', () => {
    const rules = resolveRules({ ...base, checkIn: null });
    expect(rules.checkIn).toBeNull();
    expect(rules.closesOn).toBe(rules.updates.until);
    expect(rules.closesOn).toBe('2027-01-01');
  });

  it('has the default check-in when checkIn is omitted', () => {
    expect(resolveRules({ ...base, checkIn: undefined }).checkIn).not.toBeNull();
  });
});

describe('resolveRules overrides', () => {
  it('uses the given update rules', () => {
    const rules = resolveRules({
      ...base,
      updates: { limit: 5, minDaysBetween: 0, from: '2026-11-25', until: '2027-04-01', maxCharacters: 280 },
    });
    expect(rules.updates).toEqual({
      limit: 5,
      minDaysBetween: 0,
      from: '2026-11-25',
      until: '2027-04-01',
      maxCharacters: 280,
    });
  });

  it('keeps a limit of 0 instead of falling back to the default', () => {
    expect(resolveRules({ ...base, updates: { limit: 0 } }).updates.limit).toBe(0);
  });

  it('closes on the window end when that is later than the check-in + 14', () => {
    const rules = resolveRules({ ...base, updates: { until: '2027-04-01' } });
    expect(rules.closesOn).toBe('2027-04-01');
  });

  it('uses an explicit closing date', () => {
    expect(resolveRules({ ...base, closesOn: '2027-06-30' }).closesOn).toBe('2027-06-30');
  });

  it('keeps replies, referrals and crisis locale', () => {
    const referrals = [{ name: 'Community Counselling Centre', contact: '555-0100' }];
    const rules = resolveRules({ ...base, replies: 'may-reply', referrals, crisisLocale: 'GB' });
    expect(rules.replies).toBe('may-reply');
    expect(rules.referrals).toEqual(referrals);
    expect(rules.crisisLocale).toBe('GB');
  });
});

describe('validateRules', () => {
  const paths = (input: RulesInput) => validateRules(resolveRules(input)).map((p) => p.path);

  it('finds nothing wrong with a consistent set of rules', () => {
    expect(
      paths({
        ...base,
        updates: { from: '2026-11-21', until: '2026-11-21' },
        checkIn: { on: '2026-11-21' },
        closesOn: '2026-11-27',
      }),
    ).toEqual([]);
  });

  it('refuses a window that ends before it starts', () => {
    const problems = validateRules(resolveRules({ ...base, updates: { from: '2026-12-10', until: '2026-12-09' } }));
    expect(problems).toContainEqual({ path: 'updates.until', message: expect.stringMatching(/on or after/) });
  });

  it('refuses a window that starts before therapy ended', () => {
    expect(paths({ ...base, updates: { from: '2026-11-19' } })).toEqual(['updates.from']);
  });

  it('refuses a check-in on the day therapy ended', () => {
    expect(paths({ ...base, checkIn: { on: '2026-11-20' } })).toContain('checkIn.on');
  });

  it('refuses a check-in before therapy ended', () => {
    expect(paths({ ...base, checkIn: { on: '2026-11-01' } })).toContain('checkIn.on');
  });

  it('accepts a check-in on the day after therapy ended', () => {
    expect(paths({ ...base, checkIn: { on: '2026-11-21' } })).not.toContain('checkIn.on');
  });

  it('refuses a closing date before the update window ends', () => {
    const problems = validateRules(resolveRules({ ...base, checkIn: null, closesOn: '2026-12-31' }));
    expect(problems).toEqual([
      { path: 'closesOn', message: 'The closing date cannot be before the update window ends.' },
    ]);
  });

  it('accepts a closing date on the last day of the window', () => {
    expect(paths({ ...base, checkIn: null, closesOn: '2027-01-01' })).toEqual([]);
  });

  it('refuses a closing date before a message check-in is over (its 7 days)', () => {
    const problems = validateRules(resolveRules({ ...base, closesOn: '2027-02-25' }));
    expect(problems).toEqual([
      { path: 'closesOn', message: 'The closing date cannot be before the check-in is over.' },
    ]);
  });

  it('accepts a closing date on the last day of the check-in message', () => {
    expect(paths({ ...base, closesOn: '2027-02-26' })).toEqual([]);
  });

  it('refuses a closing date before a session check-in, but allows it on the session day', () => {
    expect(paths({ ...base, checkIn: { format: 'session' }, closesOn: '2027-02-19' })).toEqual(['closesOn']);
    expect(paths({ ...base, checkIn: { format: 'session' }, closesOn: '2027-02-20' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const result = paths({
      ...base,
      updates: { from: '2026-11-10', until: '2026-11-05' },
      checkIn: { on: '2026-11-15' },
      closesOn: '2026-11-01',
    });
    expect(result).toEqual(expect.arrayContaining(['updates.from', 'updates.until', 'checkIn.on', 'closesOn']));
  });

  it('writes each problem as a readable sentence', () => {
    const problems = validateRules(
      resolveRules({ ...base, updates: { from: '2026-11-10' }, checkIn: { on: '2026-11-15' } }),
    );
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('isTerminal', () => {
  it('treats closed and declined as final and the other states as not', () => {
    expect(POLICY_STATES.filter(isTerminal)).toEqual(['declined', 'closed']);
  });
});
