import { describe, it, expect } from 'vitest';
import { allowance, decideCheckIn, decideUpdate, type Decision } from '../../shared/domain/enforcement.js';
import { RefusalError, ValidationError } from '../../shared/domain/errors.js';
import type { PolicyState } from '../../shared/domain/policy.js';
import { makePolicy } from '../support/policy-factory.js';

// The factory's default policy: therapy ended 20 November 2026 (America/New_York); updates
// from 20 November 2026 until 1 January 2027, 3 of them, 7 days apart, 1000 characters;
// check-in message from 20 February 2027 until 26 February 2027; closes 6 March 2027.
const TEXT = 'The new job is going well. I wanted you to know.';
const FAMILY = '👩‍👩‍👧';

function refusalOf(decision: Decision): RefusalError {
  if (decision.outcome !== 'refused') throw new Error(`expected a refusal, got ${decision.outcome}`);
  return decision.refusal;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error to be thrown');
}

const NOT_ACTIVE: PolicyState[] = ['invited', 'paused', 'closed', 'declined'];

describe('decideUpdate: 1. the policy must be active', () => {
  it.each(NOT_ACTIVE)('refuses an update while the policy is %s', (state) => {
    const refusal = refusalOf(decideUpdate(makePolicy({ state }), '2026-11-25', TEXT));
    expect(refusal.reason).toBe('not-active');
    expect(refusal.details).toEqual({ state });
    expect(refusal.status).toBe(409);
  });

  it('refuses a paused policy as not-active even when the text is also too long', () => {
    const policy = makePolicy({ state: 'paused' });
    expect(refusalOf(decideUpdate(policy, '2026-11-25', 'a'.repeat(5000))).reason).toBe('not-active');
  });

  it('refuses a paused policy as not-active even when the text is empty (no validation error)', () => {
    expect(refusalOf(decideUpdate(makePolicy({ state: 'paused' }), '2026-11-25', '   ')).reason).toBe('not-active');
  });

  it('refuses a closed policy as not-active even outside the window', () => {
    const policy = makePolicy({ state: 'closed', closedReason: 'closing-date' });
    expect(refusalOf(decideUpdate(policy, '2027-03-07', TEXT)).reason).toBe('not-active');
  });

  it('refuses an invited policy as not-active even when the limit would be reached', () => {
    const policy = makePolicy({ state: 'invited', acceptedAt: null, updatesAccepted: 3, lastUpdateOn: '2026-11-24' });
    expect(refusalOf(decideUpdate(policy, '2026-11-25', TEXT)).reason).toBe('not-active');
  });

  it('tells an invited client that updates open once they accept', () => {
    const refusal = refusalOf(decideUpdate(makePolicy({ state: 'invited', acceptedAt: null }), '2026-11-25', TEXT));
    expect(refusal.message).toMatch(/once you accept/);
  });

  it('tells a paused client that nothing they wrote is lost and it can be sent once updates open again', () => {
    const refusal = refusalOf(decideUpdate(makePolicy({ state: 'paused' }), '2026-11-25', TEXT));
    expect(refusal.message).toMatch(/paused/);
    expect(refusal.message).toMatch(/Nothing you wrote is lost/);
  });

  it('tells a client who opted out that they stopped the emails, and others that the arrangement ended', () => {
    const optedOut = refusalOf(
      decideUpdate(makePolicy({ state: 'closed', closedReason: 'opted-out' }), '2026-11-25', TEXT),
    );
    const ended = refusalOf(
      decideUpdate(makePolicy({ state: 'closed', closedReason: 'therapist' }), '2026-11-25', TEXT),
    );
    expect(optedOut.message).toMatch(/You stopped all emails/);
    expect(ended.message).toMatch(/come to its end/);
  });
});

describe('decideUpdate: 2. today must be inside the window (inclusive)', () => {
  const late = makePolicy({ rules: { updates: { from: '2026-11-28' } } });

  it('refuses an update before the window opens, offering the first day as nextAllowedOn', () => {
    const refusal = refusalOf(decideUpdate(late, '2026-11-25', TEXT));
    expect(refusal.reason).toBe('outside-window');
    expect(refusal.details).toEqual({
      windowFrom: '2026-11-28',
      windowUntil: '2027-01-01',
      nextAllowedOn: '2026-11-28',
    });
    expect(refusal.message).toBe('Updates can be sent from 28 November 2026 until 1 January 2027.');
  });

  it('accepts an update on the first day of the window', () => {
    expect(decideUpdate(late, '2026-11-28', TEXT).outcome).toBe('accepted');
  });

  it('accepts an update on the last day of the window', () => {
    expect(decideUpdate(makePolicy(), '2027-01-01', TEXT).outcome).toBe('accepted');
  });

  it('refuses an update the day after the window closes, with no next date', () => {
    const refusal = refusalOf(decideUpdate(makePolicy(), '2027-01-02', TEXT));
    expect(refusal.reason).toBe('outside-window');
    expect(refusal.details).toEqual({ windowFrom: '2026-11-20', windowUntil: '2027-01-01' });
    expect(refusal.details.nextAllowedOn).toBeUndefined();
  });

  it('says when the window ended and that the check-in is still ahead', () => {
    const refusal = refusalOf(decideUpdate(makePolicy(), '2027-01-02', TEXT));
    expect(refusal.message).toBe(
      'The time for updates ended on 1 January 2027. Your check-in on 20 February 2027 is still ahead.',
    );
  });

  it('does not mention a check-in when there is none', () => {
    const refusal = refusalOf(decideUpdate(makePolicy({ rules: { checkIn: null } }), '2027-01-02', TEXT));
    expect(refusal.message).toBe('The time for updates ended on 1 January 2027.');
  });

  it('does not mention a check-in that has already been sent', () => {
    const refusal = refusalOf(decideUpdate(makePolicy({ checkIn: 'sent' }), '2027-01-02', TEXT));
    expect(refusal.message).not.toMatch(/check-in/);
  });

  it('points to the check-in message when an update arrives while the check-in message is open', () => {
    // 22 February 2027: the window ended, but the check-in message can be sent until 26 February.
    const refusal = refusalOf(decideUpdate(makePolicy(), '2027-02-22', TEXT));
    expect(refusal.reason).toBe('outside-window');
    expect(refusal.message).toMatch(/26 February 2027/);
    expect(refusal.message).toBe(
      'The time for updates ended on 1 January 2027. You can send your check-in message until 26 February 2027.',
    );
  });

  it('points to the check-in message on the check-in day itself, not to a check-in "still ahead"', () => {
    const refusal = refusalOf(decideUpdate(makePolicy(), '2027-02-20', TEXT));
    expect(refusal.message).toMatch(/You can send your check-in message until 26 February 2027\.$/);
    expect(refusal.message).not.toMatch(/still ahead/);
  });

  it('mentions nothing more once the check-in message days are over', () => {
    expect(refusalOf(decideUpdate(makePolicy(), '2027-02-27', TEXT)).message).toBe(
      'The time for updates ended on 1 January 2027.',
    );
  });

  it('mentions nothing more after a session check-in day has passed', () => {
    const policy = makePolicy({ rules: { checkIn: { format: 'session' } } });
    expect(refusalOf(decideUpdate(policy, '2027-02-21', TEXT)).message).toBe(
      'The time for updates ended on 1 January 2027.',
    );
  });

  it('checks the window before the text: empty text outside the window is a refusal, not a validation error', () => {
    expect(refusalOf(decideUpdate(makePolicy(), '2027-01-02', '')).reason).toBe('outside-window');
  });

  it('checks the window before the length', () => {
    expect(refusalOf(decideUpdate(late, '2026-11-21', 'a'.repeat(2000))).reason).toBe('outside-window');
  });
});

describe('decideUpdate: 3. the text', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '    '],
    ['only line breaks and tabs', '\r\n\t\n\r'],
  ])('throws a validation error for text that is %s', (_label, text) => {
    const err = thrown(() => decideUpdate(makePolicy(), '2026-11-25', text));
    expect(err).toBeInstanceOf(ValidationError);
    const validation = err as ValidationError;
    expect(validation.status).toBe(400);
    expect(validation.issues).toEqual([{ path: 'text', message: 'The message is empty.' }]);
    expect(validation.message).toBe('Please write something before sending.');
  });

  it('throws a validation error for text with control characters', () => {
    const err = thrown(() => decideUpdate(makePolicy(), '2026-11-25', 'Hello\u0000there'));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]?.path).toBe('text');
  });

  it('throws for a BEL character as well', () => {
    expect(() => decideUpdate(makePolicy(), '2026-11-25', 'ding\u0007 dong')).toThrow(ValidationError);
  });

  it('accepts tabs and newlines', () => {
    expect(decideUpdate(makePolicy(), '2026-11-25', 'first\tline\nsecond line').outcome).toBe('accepted');
  });

  it('checks for empty text before the limit', () => {
    const policy = makePolicy({ updatesAccepted: 3, lastUpdateOn: '2026-11-24' });
    expect(() => decideUpdate(policy, '2026-11-25', '')).toThrow(ValidationError);
  });

  it('stores the normalised text and its character count', () => {
    expect(decideUpdate(makePolicy(), '2026-11-25', '  Hi\r\nthere  \r\n')).toEqual({
      outcome: 'accepted',
      text: 'Hi\nthere',
      characters: 8,
    });
  });

  it('accepts exactly maxCharacters emoji, counted as one each', () => {
    const policy = makePolicy({ rules: { updates: { maxCharacters: 10 } } });
    const decision = decideUpdate(policy, '2026-11-25', FAMILY.repeat(10));
    expect(decision).toEqual({ outcome: 'accepted', text: FAMILY.repeat(10), characters: 10 });
  });

  it('refuses one emoji more than maxCharacters as too-long, with the count and the limit', () => {
    const policy = makePolicy({ rules: { updates: { maxCharacters: 10 } } });
    const refusal = refusalOf(decideUpdate(policy, '2026-11-25', FAMILY.repeat(11)));
    expect(refusal.reason).toBe('too-long');
    expect(refusal.details).toEqual({ limit: 10, count: 11 });
    expect(refusal.message).toMatch(/11 characters and the limit is 10/);
  });

  it('accepts 1000 characters and refuses 1001 with the default limit, formatting the numbers', () => {
    expect(decideUpdate(makePolicy(), '2026-11-25', 'a'.repeat(1000)).outcome).toBe('accepted');
    const refusal = refusalOf(decideUpdate(makePolicy(), '2026-11-25', 'a'.repeat(1001)));
    expect(refusal.message).toBe(
      'Your message is 1,001 characters and the limit is 1,000. Shortening it to 1,000 characters or fewer will let it through.',
    );
  });

  it('does not count surrounding whitespace towards the limit', () => {
    expect(decideUpdate(makePolicy(), '2026-11-25', `  ${'a'.repeat(1000)}  \r\n\r\n`).outcome).toBe('accepted');
  });

  it('counts a CRLF line break as one character, as it is kept', () => {
    const policy = makePolicy({ rules: { updates: { maxCharacters: 3 } } });
    expect(decideUpdate(policy, '2026-11-25', 'a\r\nb')).toEqual({ outcome: 'accepted', text: 'a\nb', characters: 3 });
  });

  it('refuses a too-long text before looking at the limit', () => {
    const policy = makePolicy({ updatesAccepted: 3, rules: { updates: { maxCharacters: 5 } } });
    expect(refusalOf(decideUpdate(policy, '2026-11-25', 'abcdef')).reason).toBe('too-long');
  });
});

describe('decideUpdate: 4. the limit', () => {
  it('refuses a fourth update when three are allowed', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 3, lastUpdateOn: '2026-12-01' }), '2026-12-20', TEXT),
    );
    expect(refusal.reason).toBe('limit-reached');
    expect(refusal.details).toEqual({ limit: 3 });
    expect(refusal.message).toBe(
      'You have sent all 3 updates this arrangement allows. Your check-in on 20 February 2027 is still ahead.',
    );
  });

  it('refuses as limit-reached rather than too-soon when both apply', () => {
    const policy = makePolicy({ updatesAccepted: 3, lastUpdateOn: '2026-12-19' });
    expect(refusalOf(decideUpdate(policy, '2026-12-20', TEXT)).reason).toBe('limit-reached');
  });

  it('speaks of "the one update" when only one is allowed', () => {
    const policy = makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-21', rules: { updates: { limit: 1 } } });
    expect(refusalOf(decideUpdate(policy, '2026-12-20', TEXT)).message).toMatch(
      /^You have sent the one update this arrangement allows\./,
    );
  });

  it('accepts the last update that fits the limit', () => {
    const policy = makePolicy({ updatesAccepted: 2, lastUpdateOn: '2026-12-01' });
    expect(decideUpdate(policy, '2026-12-20', TEXT).outcome).toBe('accepted');
  });

  it('tells a client whose arrangement has no updates that it has none, not that they used "all 0"', () => {
    const policy = makePolicy({ rules: { updates: { limit: 0 } } });
    const refusal = refusalOf(decideUpdate(policy, '2026-11-25', TEXT));
    expect(refusal.reason).toBe('limit-reached');
    expect(refusal.message).not.toMatch(/all 0 updates/);
    expect(refusal.message).toMatch(/^This arrangement does not include written updates\./);
    expect(refusal.message).toMatch(/20 February 2027/);
  });
});

describe('decideUpdate: 5. the gap between updates', () => {
  it('refuses a second update inside minDaysBetween, with the next allowed day', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-12-01', TEXT),
    );
    expect(refusal.reason).toBe('too-soon');
    expect(refusal.details).toEqual({ nextAllowedOn: '2026-12-02' });
    expect(refusal.message).toBe('Your next update can be sent from 2 December 2026.');
  });

  it('refuses a second update on the same day', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-11-25', TEXT),
    );
    expect(refusal.details.nextAllowedOn).toBe('2026-12-02');
  });

  it('accepts the next update exactly minDaysBetween days after the last one', () => {
    expect(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-12-02', TEXT).outcome,
    ).toBe('accepted');
  });

  it('offers the last day of the window when the gap ends exactly then', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-12-25' }), '2026-12-30', TEXT),
    );
    expect(refusal.details).toEqual({ nextAllowedOn: '2027-01-01' });
    expect(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-12-25' }), '2027-01-01', TEXT).outcome,
    ).toBe('accepted');
  });

  it('refuses as too-soon without a next date when the gap runs past the window, and says so', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-12-28' }), '2026-12-30', TEXT),
    );
    expect(refusal.reason).toBe('too-soon');
    expect(refusal.details).toEqual({ windowUntil: '2027-01-01' });
    expect(refusal.message).toBe(
      'Updates need 7 days between them, and the time for updates ends on 1 January 2027, so no further update can be sent. Your check-in on 20 February 2027 is still ahead.',
    );
  });

  it('allows two updates on the same day when minDaysBetween is 0', () => {
    const policy = makePolicy({
      updatesAccepted: 1,
      lastUpdateOn: '2026-11-25',
      rules: { updates: { minDaysBetween: 0 } },
    });
    expect(decideUpdate(policy, '2026-11-25', TEXT).outcome).toBe('accepted');
  });

  it('uses the policy minDaysBetween, not the default', () => {
    const policy = makePolicy({
      updatesAccepted: 1,
      lastUpdateOn: '2026-11-25',
      rules: { updates: { minDaysBetween: 14 } },
    });
    expect(refusalOf(decideUpdate(policy, '2026-12-02', TEXT)).details.nextAllowedOn).toBe('2026-12-09');
  });
});

describe('refusals as problems', () => {
  it('carry the reason, a type and a title, and the extras for the problem document', () => {
    const refusal = refusalOf(
      decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-12-01', TEXT),
    );
    expect(refusal).toBeInstanceOf(RefusalError);
    expect(refusal.type).toBe('/problems/too-soon');
    expect(refusal.title).toBe('A little too soon for the next update');
    expect(refusal.extras()).toEqual({ reason: 'too-soon', nextAllowedOn: '2026-12-02' });
  });

  it('are worded kindly, never as errors or violations', () => {
    const refusals = [
      refusalOf(decideUpdate(makePolicy({ state: 'paused' }), '2026-11-25', TEXT)),
      refusalOf(decideUpdate(makePolicy({ state: 'invited' }), '2026-11-25', TEXT)),
      refusalOf(decideUpdate(makePolicy({ state: 'closed', closedReason: 'opted-out' }), '2026-11-25', TEXT)),
      refusalOf(decideUpdate(makePolicy(), '2027-01-02', TEXT)),
      refusalOf(decideUpdate(makePolicy(), '2026-11-25', 'a'.repeat(1001))),
      refusalOf(decideUpdate(makePolicy({ updatesAccepted: 3 }), '2026-11-25', TEXT)),
      refusalOf(decideUpdate(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-11-26', TEXT)),
      refusalOf(decideCheckIn(makePolicy(), '2027-02-19', TEXT)),
      refusalOf(decideCheckIn(makePolicy({ checkIn: 'sent' }), '2027-02-21', TEXT)),
    ];
    expect(refusals).toHaveLength(9);
    for (const refusal of refusals) {
      expect(refusal.message).toMatch(/^[A-Z].*\.$/);
      expect(refusal.message).not.toMatch(/error|invalid|violat|forbidden|denied|not permitted|terminat|must not/i);
    }
  });
});

describe('allowance', () => {
  it('has every update left and allows sending today on a fresh policy', () => {
    expect(allowance(makePolicy(), '2026-11-25')).toEqual({
      limit: 3,
      used: 0,
      left: 3,
      windowFrom: '2026-11-20',
      windowUntil: '2027-01-01',
      nextAllowedOn: '2026-11-25',
      canSendToday: true,
    });
  });

  it('offers the first day of the window before it opens', () => {
    const a = allowance(makePolicy({ rules: { updates: { from: '2026-11-28' } } }), '2026-11-25');
    expect(a.nextAllowedOn).toBe('2026-11-28');
    expect(a.canSendToday).toBe(false);
  });

  it('offers the day after the gap once an update has been sent', () => {
    const a = allowance(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-11-26');
    expect(a).toMatchObject({ used: 1, left: 2, nextAllowedOn: '2026-12-02', canSendToday: false });
  });

  it('allows sending on the day the gap ends', () => {
    const a = allowance(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), '2026-12-02');
    expect(a).toMatchObject({ nextAllowedOn: '2026-12-02', canSendToday: true });
  });

  it('offers today when the gap ended long ago', () => {
    const a = allowance(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-21' }), '2026-12-20');
    expect(a).toMatchObject({ nextAllowedOn: '2026-12-20', canSendToday: true });
  });

  it('has no next day when the gap runs past the window', () => {
    const a = allowance(makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-12-28' }), '2026-12-30');
    expect(a).toMatchObject({ left: 2, nextAllowedOn: null, canSendToday: false });
  });

  it('has no next day and nothing left once the limit is reached', () => {
    const a = allowance(makePolicy({ updatesAccepted: 3, lastUpdateOn: '2026-12-10' }), '2026-12-20');
    expect(a).toMatchObject({ used: 3, left: 0, nextAllowedOn: null, canSendToday: false });
  });

  it('never goes below zero left when more were used than the (lowered) limit', () => {
    const a = allowance(makePolicy({ updatesAccepted: 3, rules: { updates: { limit: 2 } } }), '2026-12-20');
    expect(a.left).toBe(0);
    expect(a.nextAllowedOn).toBeNull();
  });

  it('has no next day after the window closed', () => {
    expect(allowance(makePolicy(), '2027-01-02')).toMatchObject({ left: 3, nextAllowedOn: null, canSendToday: false });
  });

  it('allows sending on the last day of the window', () => {
    expect(allowance(makePolicy(), '2027-01-01')).toMatchObject({ nextAllowedOn: '2027-01-01', canSendToday: true });
  });

  it('does not allow sending today while paused, but still knows the next day', () => {
    const a = allowance(makePolicy({ state: 'paused' }), '2026-11-25');
    expect(a).toMatchObject({ nextAllowedOn: '2026-11-25', canSendToday: false });
  });

  it('does not allow sending today before the client accepted', () => {
    expect(allowance(makePolicy({ state: 'invited', acceptedAt: null }), '2026-11-25').canSendToday).toBe(false);
  });

  it.each(['closed', 'declined'] as const)('has no next day once %s', (state) => {
    expect(allowance(makePolicy({ state }), '2026-11-25')).toMatchObject({ nextAllowedOn: null, canSendToday: false });
  });

  it('agrees with decideUpdate about today', () => {
    const cases = [
      { policy: makePolicy(), today: '2026-11-25' },
      { policy: makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), today: '2026-12-01' },
      { policy: makePolicy({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' }), today: '2026-12-02' },
      { policy: makePolicy({ updatesAccepted: 3 }), today: '2026-12-02' },
      { policy: makePolicy(), today: '2027-01-02' },
      { policy: makePolicy({ state: 'paused' }), today: '2026-11-25' },
    ];
    for (const { policy, today } of cases) {
      expect(allowance(policy, today).canSendToday).toBe(decideUpdate(policy, today, TEXT).outcome === 'accepted');
    }
  });
});

describe('blank updates', () => {
  it('treats an update of only zero-width characters as empty (a validation error, no slot used)', () => {
    expect(() => decideUpdate(makePolicy(), '2026-11-25', '\u200b\u200b')).toThrow(ValidationError);
  });
});

describe('decideCheckIn', () => {
  it.each(NOT_ACTIVE)('refuses the check-in message while the policy is %s', (state) => {
    const refusal = refusalOf(decideCheckIn(makePolicy({ state }), '2027-02-21', TEXT));
    expect(refusal.reason).toBe('not-active');
    expect(refusal.details).toEqual({ state });
  });

  it('speaks of messages, not updates, when a paused policy refuses the check-in message', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy({ state: 'paused' }), '2027-02-21', TEXT));
    expect(refusal.message).toMatch(/paused/);
    expect(refusal.message).not.toMatch(/updates/);
  });

  it.each(NOT_ACTIVE)(
    'never speaks of "updates" when refusing the check-in message of a policy that is %s',
    (state) => {
      const refusal = refusalOf(decideCheckIn(makePolicy({ state }), '2027-02-21', TEXT));
      expect(refusal.message).not.toMatch(/updates/i);
    },
  );

  it('tells an invited client that the check-in message opens once they accept', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy({ state: 'invited', acceptedAt: null }), '2027-02-21', TEXT));
    expect(refusal.message).toMatch(/once you accept/);
  });

  it('refuses when the arrangement has no check-in', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy({ rules: { checkIn: null } }), '2027-02-21', TEXT));
    expect(refusal.reason).toBe('no-check-in');
    expect(refusal.message).toBe('This arrangement has no check-in.');
  });

  it('refuses a message when the check-in is a session, and says the therapist arranges it', () => {
    const refusal = refusalOf(
      decideCheckIn(makePolicy({ rules: { checkIn: { format: 'session' } } }), '2027-02-20', TEXT),
    );
    expect(refusal.reason).toBe('no-check-in');
    expect(refusal.message).toMatch(/session your therapist arranges/);
  });

  it('refuses a second check-in message', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy({ checkIn: 'sent' }), '2027-02-21', TEXT));
    expect(refusal.reason).toBe('already-checked-in');
    expect(refusal.message).toMatch(/has been sent/);
  });

  it('refuses before the check-in day, offering it as nextAllowedOn and naming both days', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy(), '2027-02-19', TEXT));
    expect(refusal.reason).toBe('not-check-in-time');
    expect(refusal.details).toEqual({ nextAllowedOn: '2027-02-20' });
    expect(refusal.message).toBe('Your check-in message can be sent from 20 February 2027 until 26 February 2027.');
  });

  it('accepts the check-in message on the check-in day', () => {
    expect(decideCheckIn(makePolicy(), '2027-02-20', TEXT)).toEqual({
      outcome: 'accepted',
      text: TEXT,
      characters: TEXT.length,
    });
  });

  it('accepts the check-in message on its last day (check-in day + 6)', () => {
    expect(decideCheckIn(makePolicy(), '2027-02-26', TEXT).outcome).toBe('accepted');
  });

  it('refuses the day after the last day, naming the day it ended', () => {
    const refusal = refusalOf(decideCheckIn(makePolicy(), '2027-02-27', TEXT));
    expect(refusal.reason).toBe('not-check-in-time');
    expect(refusal.details.nextAllowedOn).toBeUndefined();
    expect(refusal.message).toMatch(/26 February 2027/);
  });

  it('uses the clamped default check-in day (30 Nov + 3 months = 28 Feb)', () => {
    const policy = makePolicy({ rules: { endedOn: '2026-11-30' } });
    expect(refusalOf(decideCheckIn(policy, '2027-02-27', TEXT)).details.nextAllowedOn).toBe('2027-02-28');
    expect(decideCheckIn(policy, '2027-02-28', TEXT).outcome).toBe('accepted');
    expect(decideCheckIn(policy, '2027-03-06', TEXT).outcome).toBe('accepted');
    expect(refusalOf(decideCheckIn(policy, '2027-03-07', TEXT)).reason).toBe('not-check-in-time');
  });

  it('does not count against the update limit or the gap', () => {
    const policy = makePolicy({ updatesAccepted: 3, lastUpdateOn: '2027-02-20' });
    expect(decideCheckIn(policy, '2027-02-21', TEXT).outcome).toBe('accepted');
  });

  it('refuses a check-in message longer than maxCharacters, counting graphemes', () => {
    const policy = makePolicy({ rules: { updates: { maxCharacters: 4 } } });
    expect(decideCheckIn(policy, '2027-02-21', FAMILY.repeat(4)).outcome).toBe('accepted');
    const refusal = refusalOf(decideCheckIn(policy, '2027-02-21', FAMILY.repeat(5)));
    expect(refusal.reason).toBe('too-long');
    expect(refusal.details).toEqual({ limit: 4, count: 5 });
  });

  it('throws a validation error for an empty check-in message', () => {
    expect(() => decideCheckIn(makePolicy(), '2027-02-21', ' \n ')).toThrow(ValidationError);
  });

  it('checks the state before anything else', () => {
    const policy = makePolicy({ state: 'paused', checkIn: 'sent', rules: { checkIn: null } });
    expect(refusalOf(decideCheckIn(policy, '2027-02-21', '')).reason).toBe('not-active');
  });

  it('checks the time before the text', () => {
    expect(refusalOf(decideCheckIn(makePolicy(), '2027-02-19', '')).reason).toBe('not-check-in-time');
  });
});
