import { describe, it, expect } from 'vitest';
import { allowance } from '../../shared/domain/enforcement.js';
import {
  describeAllowance,
  describeCheckIn,
  describeClosing,
  describeReplies,
  describeRules,
  describeUpdates,
} from '../../shared/wording/client.js';
import { makePolicy, type PolicyOverrides } from '../support/policy-factory.js';

// Default policy: updates 20 November 2026 – 1 January 2027; check-in Saturday 20 February 2027
// (message until 26 February 2027); closes 6 March 2027.
const left = (overrides: PolicyOverrides, today: string) =>
  describeAllowance(allowance(makePolicy(overrides), today), today);

describe('describeUpdates', () => {
  it('states the default rules in one sentence', () => {
    expect(describeUpdates(makePolicy().rules)).toBe(
      'You may send up to 3 short updates between 20 November 2026 and 1 January 2027, at least 7 days apart, each up to 1,000 characters.',
    );
  });

  it('speaks of one short update, without a gap, when only one is allowed', () => {
    expect(describeUpdates(makePolicy({ rules: { updates: { limit: 1 } } }).rules)).toBe(
      'You may send one short update between 20 November 2026 and 1 January 2027, each up to 1,000 characters.',
    );
  });

  it('says "1 day" in the singular', () => {
    expect(describeUpdates(makePolicy({ rules: { updates: { minDaysBetween: 1 } } }).rules)).toMatch(
      /, at least 1 day apart,/,
    );
  });

  it('leaves out the gap when there is none', () => {
    expect(describeUpdates(makePolicy({ rules: { updates: { minDaysBetween: 0, limit: 5 } } }).rules)).toBe(
      'You may send up to 5 short updates between 20 November 2026 and 1 January 2027, each up to 1,000 characters.',
    );
  });

  it('groups thousands in the character limit', () => {
    expect(describeUpdates(makePolicy({ rules: { updates: { maxCharacters: 5000 } } }).rules)).toMatch(
      /each up to 5,000 characters\.$/,
    );
  });

  it('says plainly when the arrangement has no updates', () => {
    expect(describeUpdates(makePolicy({ rules: { updates: { limit: 0 } } }).rules)).toBe(
      'This arrangement does not include written updates.',
    );
  });
});

describe('describeAllowance', () => {
  it('says what is left, when the next one can be sent and when the window closes', () => {
    const overrides: PolicyOverrides = {
      rules: { updates: { until: '2027-04-01' } },
      updatesAccepted: 2,
      lastUpdateOn: '2027-02-24',
    };
    expect(left(overrides, '2027-02-26')).toBe(
      '1 of 3 updates left; the next one can be sent from 3 March 2027; the window closes on 1 April 2027.',
    );
  });

  it('says the next one can be sent today when it can', () => {
    expect(left({}, '2026-11-25')).toBe(
      '3 of 3 updates left; you can send the next one today; the window closes on 1 January 2027.',
    );
  });

  it('gives the first day before the window opens', () => {
    expect(left({ rules: { updates: { from: '2026-11-28' } } }, '2026-11-25')).toBe(
      '3 of 3 updates left; the next one can be sent from 28 November 2026; the window closes on 1 January 2027.',
    );
  });

  it('says only what is left once every update is used', () => {
    expect(left({ updatesAccepted: 3, lastUpdateOn: '2026-12-20' }, '2026-12-21')).toBe('0 of 3 updates left.');
  });

  it('says when the time for updates ended', () => {
    expect(left({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }, '2027-01-02')).toBe(
      '2 of 3 updates left; the time for updates ended on 1 January 2027.',
    );
  });

  it('says no further update fits when the gap runs past the window', () => {
    expect(left({ updatesAccepted: 1, lastUpdateOn: '2026-12-28' }, '2026-12-30')).toBe(
      '2 of 3 updates left; no further update fits before the window closes on 1 January 2027.',
    );
  });

  it('uses the singular for a limit of one', () => {
    expect(left({ rules: { updates: { limit: 1 } } }, '2026-11-25')).toBe(
      '1 of 1 update left; you can send the next one today; the window closes on 1 January 2027.',
    );
  });

  it('says plainly when the arrangement has no updates', () => {
    expect(left({ rules: { updates: { limit: 0 } } }, '2026-11-25')).toBe(
      'This arrangement does not include written updates.',
    );
  });

  it('does not promise a paused client that they can send today', () => {
    const sentence = left({ state: 'paused' }, '2026-11-25');
    expect(sentence).toMatch(/^3 of 3 updates left/);
    expect(sentence).not.toMatch(/you can send the next one today/);
  });
});

describe('describeReplies', () => {
  it('says the therapist reads but will not reply by default', () => {
    expect(describeReplies(makePolicy().rules, 'Dana Reyes')).toBe(
      'Dana Reyes reads every update but will not reply to them.',
    );
  });

  it('says the therapist may reply when allowed', () => {
    expect(describeReplies(makePolicy({ rules: { replies: 'may-reply' } }).rules, 'Dana Reyes')).toBe(
      'Dana Reyes reads every update and may reply.',
    );
  });
});

describe('describeCheckIn', () => {
  it('describes a message check-in with its weekday, its last day, and that it is not an update', () => {
    expect(describeCheckIn(makePolicy().rules)).toBe(
      'Check-in: from Saturday 20 February 2027 until 26 February 2027 you can send one check-in message. It does not count as one of your updates.',
    );
  });

  it('describes a session check-in with the note', () => {
    const rules = makePolicy({
      rules: { checkIn: { format: 'session', note: 'I will phone you to find a time.' } },
    }).rules;
    expect(describeCheckIn(rules)).toBe(
      'Check-in: a session on Saturday 20 February 2027, arranged by your therapist. I will phone you to find a time.',
    );
  });

  it('describes a session check-in without a note', () => {
    expect(describeCheckIn(makePolicy({ rules: { checkIn: { format: 'session' } } }).rules)).toBe(
      'Check-in: a session on Saturday 20 February 2027, arranged by your therapist.',
    );
  });

  it('says when there is no check-in', () => {
    expect(describeCheckIn(makePolicy({ rules: { checkIn: null } }).rules)).toBe(
      'This arrangement does not include a check-in.',
    );
  });
});

describe('describeClosing and describeRules', () => {
  it('says when the arrangement ends', () => {
    expect(describeClosing(makePolicy().rules)).toBe('The arrangement ends on 6 March 2027.');
  });

  it('lists updates, replies, check-in and closing, in that order', () => {
    expect(describeRules(makePolicy().rules, 'Dana Reyes')).toEqual([
      'You may send up to 3 short updates between 20 November 2026 and 1 January 2027, at least 7 days apart, each up to 1,000 characters.',
      'Dana Reyes reads every update but will not reply to them.',
      'Check-in: from Saturday 20 February 2027 until 26 February 2027 you can send one check-in message. It does not count as one of your updates.',
      'The arrangement ends on 6 March 2027.',
    ]);
  });

  it('leaves out the replies line when there are no updates', () => {
    const lines = describeRules(makePolicy({ rules: { updates: { limit: 0 } } }).rules, 'Dana Reyes');
    expect(lines).toHaveLength(3);
    expect(lines.join(' ')).not.toMatch(/reply/);
  });

  it('never uses clinical or punitive words', () => {
    const variants = [
      makePolicy(),
      makePolicy({ rules: { updates: { limit: 0 }, checkIn: null } }),
      makePolicy({ rules: { checkIn: { format: 'session' }, replies: 'may-reply' } }),
    ];
    const text = variants.flatMap((p) => describeRules(p.rules, 'Dana Reyes')).join(' ');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/terminat|violat|forbidden|prohibit|must not|penalt/i);
  });
});
