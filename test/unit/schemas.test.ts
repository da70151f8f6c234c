import { describe, it, expect } from 'vitest';
import { ValidationError } from '../../shared/domain/errors.js';
import {
  createPolicyBody,
  idempotencyKey,
  messageBody,
  parseWith,
  patchPolicyBody,
  personName,
  profileBody,
  timeZone,
} from '../../shared/domain/schemas.js';

const minimal = { client: { name: 'Sam Lee', email: 'sam.lee@client.example' }, endedOn: '2026-11-20' };

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

const paths = (body: unknown) => issuesOf(() => parseWith(createPolicyBody, body)).map((i) => i.path);

describe('createPolicyBody', () => {
  it('accepts a minimal body: a client and the day therapy ended', () => {
    expect(parseWith(createPolicyBody, minimal)).toEqual(minimal);
  });

  it('accepts a full body', () => {
    const body = {
      ...minimal,
      timeZone: 'Europe/London',
      updates: { limit: 12, minDaysBetween: 0, from: '2026-11-21', until: '2027-01-31', maxCharacters: 5000 },
      checkIn: { afterMonths: 3, format: 'session', note: 'I will phone to arrange a time.', remindDaysBefore: [7, 1] },
      replies: 'may-reply',
      closesOn: '2027-03-31',
      referrals: [{ name: 'Community Counselling Centre', contact: '555-0100' }],
      crisisLocale: 'GB',
    };
    expect(parseWith(createPolicyBody, body)).toEqual(body);
  });

  it('accepts checkIn: null (no check-in)', () => {
    expect(parseWith(createPolicyBody, { ...minimal, checkIn: null }).checkIn).toBeNull();
  });

  it('accepts the bounds of the limits: 0 and 12 updates, 1 and 5000 characters', () => {
    expect(parseWith(createPolicyBody, { ...minimal, updates: { limit: 0, maxCharacters: 1 } }).updates).toEqual({
      limit: 0,
      maxCharacters: 1,
    });
    expect(parseWith(createPolicyBody, { ...minimal, updates: { limit: 12, maxCharacters: 5000 } }).updates).toEqual({
      limit: 12,
      maxCharacters: 5000,
    });
  });

  it('rejects an unknown key at the top level', () => {
    expect(paths({ ...minimal, colour: 'blue' })).toEqual(['(body)']);
  });

  it('rejects an unknown key inside updates, with its path', () => {
    expect(paths({ ...minimal, updates: { limit: 3, attachments: true } })).toEqual(['updates']);
  });

  it('rejects an unknown key inside client (no way to set the therapist address from the body)', () => {
    expect(paths({ ...minimal, client: { ...minimal.client, replyTo: 'x@y.example' } })).toEqual(['client']);
  });

  it.each([
    'not-an-email',
    'sam@',
    '@client.example',
    'sam lee@client.example',
    'sam@client.example\r\nBcc: x@y.example',
    '',
  ])('rejects the email %j', (emailAddress) => {
    expect(paths({ ...minimal, client: { ...minimal.client, email: emailAddress } })).toEqual(['client.email']);
  });

  it('rejects an email longer than 254 characters', () => {
    expect(
      paths({ ...minimal, client: { ...minimal.client, email: `${'a'.repeat(64)}@${'b'.repeat(190)}.example` } }),
    ).toEqual(['client.email']);
  });

  it('rejects 13 updates', () => {
    expect(paths({ ...minimal, updates: { limit: 13 } })).toEqual(['updates.limit']);
  });

  it('rejects a negative or fractional limit', () => {
    expect(paths({ ...minimal, updates: { limit: -1 } })).toEqual(['updates.limit']);
    expect(paths({ ...minimal, updates: { limit: 2.5 } })).toEqual(['updates.limit']);
  });

  it('rejects a limit sent as a string', () => {
    expect(paths({ ...minimal, updates: { limit: '3' } })).toEqual(['updates.limit']);
  });

  it.each([0, 5001])('rejects maxCharacters %i', (maxCharacters) => {
    expect(paths({ ...minimal, updates: { maxCharacters } })).toEqual(['updates.maxCharacters']);
  });

  it('rejects a time zone that does not exist', () => {
    expect(paths({ ...minimal, timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
  });

  it.each(['2027-02-30', '2026-11-20T00:00:00Z', '20/11/2026', '2026-11-2'])('rejects the date %j', (endedOn) => {
    expect(paths({ ...minimal, endedOn })).toEqual(['endedOn']);
  });

  it('rejects a bad date inside updates and checkIn, with paths', () => {
    expect(paths({ ...minimal, updates: { until: '2027-13-01' }, checkIn: { on: 'soon' } })).toEqual([
      'updates.until',
      'checkIn.on',
    ]);
  });

  it('rejects both checkIn.on and checkIn.afterMonths', () => {
    const issues = issuesOf(() =>
      parseWith(createPolicyBody, { ...minimal, checkIn: { on: '2027-02-20', afterMonths: 3 } }),
    );
    expect(issues).toEqual([{ path: 'checkIn', message: 'Give either checkIn.on or checkIn.afterMonths, not both.' }]);
  });

  it('accepts checkIn.on or checkIn.afterMonths alone', () => {
    expect(parseWith(createPolicyBody, { ...minimal, checkIn: { on: '2027-02-20' } }).checkIn).toEqual({
      on: '2027-02-20',
    });
    expect(parseWith(createPolicyBody, { ...minimal, checkIn: { afterMonths: 3 } }).checkIn).toEqual({
      afterMonths: 3,
    });
  });

  it('rejects an unknown check-in format and a reminder of 0 days', () => {
    expect(paths({ ...minimal, checkIn: { format: 'video' } })).toEqual(['checkIn.format']);
    expect(paths({ ...minimal, checkIn: { remindDaysBefore: [0] } })).toEqual(['checkIn.remindDaysBefore.0']);
  });

  it('rejects an unknown replies value and crisis locale', () => {
    expect(paths({ ...minimal, replies: 'always' })).toEqual(['replies']);
    expect(paths({ ...minimal, crisisLocale: 'FR' })).toEqual(['crisisLocale']);
  });

  it('requires the client and the end date', () => {
    expect(paths({})).toEqual(['client', 'endedOn']);
  });

  it('makes names with CR/LF single-line, so they cannot inject email headers', () => {
    const body = parseWith(createPolicyBody, {
      ...minimal,
      client: { ...minimal.client, name: 'Sam\r\nBcc: everyone@example.com' },
    });
    expect(body.client.name).toBe('Sam Bcc: everyone@example.com');
    expect(body.client.name).not.toMatch(/[\r\n]/);
  });

  it('makes referral names and contacts single-line too', () => {
    const body = parseWith(createPolicyBody, {
      ...minimal,
      referrals: [{ name: 'Centre\nLine two', contact: '555\r0100' }],
    });
    expect(body.referrals).toEqual([{ name: 'Centre Line two', contact: '555 0100' }]);
  });

  it('rejects a name that is empty or only whitespace', () => {
    expect(paths({ ...minimal, client: { ...minimal.client, name: '   \r\n ' } })).toEqual(['client.name']);
  });
});

describe('personName', () => {
  it('trims and joins lines, including Unicode line and paragraph separators', () => {
    expect(personName.parse('  Sam\u2028Lee\u2029Jr  ')).toBe('Sam Lee Jr');
  });

  it('rejects a name longer than 120 characters', () => {
    expect(personName.safeParse('a'.repeat(121)).success).toBe(false);
    expect(personName.safeParse('a'.repeat(120)).success).toBe(true);
  });
});

describe('patchPolicyBody', () => {
  it('accepts an empty patch', () => {
    expect(parseWith(patchPolicyBody, {})).toEqual({});
  });

  it('does not allow changing the end date; the client email may be given (the use case allows it only while invited)', () => {
    expect(issuesOf(() => parseWith(patchPolicyBody, { endedOn: '2026-11-21' })).map((i) => i.path)).toEqual([
      '(body)',
    ]);
    expect(parseWith(patchPolicyBody, { client: { email: 'new@client.example' } })).toEqual({
      client: { email: 'new@client.example' },
    });
    expect(
      issuesOf(() => parseWith(patchPolicyBody, { client: { email: 'not an address' } })).map((i) => i.path),
    ).toEqual(['client.email']);
  });

  it('rejects both checkIn.on and checkIn.afterMonths', () => {
    expect(
      issuesOf(() => parseWith(patchPolicyBody, { checkIn: { on: '2027-02-20', afterMonths: 3 } })).map((i) => i.path),
    ).toEqual(['checkIn']);
  });
});

describe('messageBody, idempotencyKey and profileBody', () => {
  it('accepts a text and rejects anything else alongside it', () => {
    expect(parseWith(messageBody, { text: 'Hello' })).toEqual({ text: 'Hello' });
    expect(issuesOf(() => parseWith(messageBody, { text: 'Hello', attachment: 'x' })).map((i) => i.path)).toEqual([
      '(body)',
    ]);
  });

  it('leaves an empty text to enforcement (the schema accepts it)', () => {
    expect(parseWith(messageBody, { text: '' })).toEqual({ text: '' });
  });

  it('rejects a text over 100,000 characters', () => {
    expect(issuesOf(() => parseWith(messageBody, { text: 'a'.repeat(100_001) })).map((i) => i.path)).toEqual(['text']);
  });

  it('bounds idempotency keys between 1 and 200 characters', () => {
    expect(idempotencyKey.safeParse('').success).toBe(false);
    expect(idempotencyKey.safeParse('k'.repeat(200)).success).toBe(true);
    expect(idempotencyKey.safeParse('k'.repeat(201)).success).toBe(false);
  });

  it('checks the profile time zone', () => {
    expect(parseWith(profileBody, { timeZone: 'Pacific/Auckland' })).toEqual({ timeZone: 'Pacific/Auckland' });
    expect(issuesOf(() => parseWith(profileBody, { timeZone: 'Nowhere/Special' })).map((i) => i.path)).toEqual([
      'timeZone',
    ]);
  });
});

describe('parseWith', () => {
  it('throws a ValidationError (400) listing every problem with its path', () => {
    let caught: unknown;
    try {
      parseWith(createPolicyBody, {
        client: { name: 'Sam', email: 'bad' },
        endedOn: '2027-02-30',
        updates: { limit: 13 },
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.status).toBe(400);
    expect(error.issues.map((i) => i.path)).toEqual(['client.email', 'endedOn', 'updates.limit']);
    expect(error.message).toMatch(
      /^The request has 3 problems: client\.email: .+; endedOn: Expected a date as YYYY-MM-DD\.; updates\.limit: /,
    );
    expect(error.extras()).toEqual({ errors: error.issues });
  });

  it('says "a problem" for a single one and uses the given name for what was parsed', () => {
    const issues = issuesOf(() => parseWith(createPolicyBody, { ...minimal, timeZone: 'Nowhere' }, 'policy'));
    expect(issues).toEqual([{ path: 'timeZone', message: 'Expected an IANA time zone such as America/New_York.' }]);
    expect(() => parseWith(createPolicyBody, { ...minimal, timeZone: 'Nowhere' }, 'policy')).toThrow(
      /^The policy has a problem: timeZone: /,
    );
  });

  it('names the body itself as "(body)" when the whole value is wrong', () => {
    expect(issuesOf(() => parseWith(createPolicyBody, 'not an object')).map((i) => i.path)).toEqual(['(body)']);
    expect(issuesOf(() => parseWith(createPolicyBody, null)).map((i) => i.path)).toEqual(['(body)']);
  });

  it('returns the parsed value on success', () => {
    expect(parseWith(messageBody, { text: 'hi' })).toEqual({ text: 'hi' });
  });
});

describe('time zones are stored in their canonical spelling', () => {
  it('turns america/new_york into America/New_York', () => {
    expect(parseWith(timeZone, 'america/new_york')).toBe('America/New_York');
  });
});

describe('personal notes', () => {
  it('takes an invitation and a closing note, trimmed, with line breaks kept as plain newlines', () => {
    const body = parseWith(createPolicyBody, {
      ...minimal,
      invitationNote: '  It was good to work with you.\r\nTake care.  ',
      closingNote: 'Goodbye for now.',
    });
    expect(body.invitationNote).toBe('It was good to work with you.\nTake care.');
    expect(body.closingNote).toBe('Goodbye for now.');
  });

  it('reads a blank note as no note, and null as taking a note away', () => {
    expect(parseWith(createPolicyBody, { ...minimal, invitationNote: ' \n ' }).invitationNote).toBeNull();
    expect(parseWith(patchPolicyBody, { closingNote: null })).toEqual({ closingNote: null });
  });

  it('refuses a note over 1,000 characters once trimmed, or one with control characters', () => {
    expect(parseWith(createPolicyBody, { ...minimal, closingNote: ` ${'a'.repeat(1000)} ` }).closingNote).toHaveLength(
      1000,
    );
    expect(paths({ ...minimal, invitationNote: 'a'.repeat(1001) })).toEqual(['invitationNote']);
    expect(paths({ ...minimal, closingNote: 'bell \u0007' })).toEqual(['closingNote']);
    expect(issuesOf(() => parseWith(patchPolicyBody, { invitationNote: 5 })).map((i) => i.path)).toEqual([
      'invitationNote',
    ]);
  });
});

describe('profile defaults', () => {
  it('takes a default window length, referrals and notes beside the usual rules', () => {
    const defaults = {
      updates: { limit: 2, windowDays: 28 },
      referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
      invitationNote: ' Hello. ',
      closingNote: null,
    };
    expect(parseWith(profileBody, { defaultRules: defaults })).toEqual({
      defaultRules: { ...defaults, invitationNote: 'Hello.' },
    });
  });

  it('refuses a window length outside 1 to 365 days, and referrals or notes a policy would refuse', () => {
    const pathsOf = (defaultRules: unknown) =>
      issuesOf(() => parseWith(profileBody, { defaultRules })).map((i) => i.path);
    expect(pathsOf({ updates: { windowDays: 0 } })).toEqual(['defaultRules.updates.windowDays']);
    expect(pathsOf({ updates: { windowDays: 366 } })).toEqual(['defaultRules.updates.windowDays']);
    expect(pathsOf({ updates: { windowDays: 2.5 } })).toEqual(['defaultRules.updates.windowDays']);
    expect(pathsOf({ referrals: Array.from({ length: 11 }, () => ({ name: 'A', contact: 'B' })) })).toEqual([
      'defaultRules.referrals',
    ]);
    expect(pathsOf({ closingNote: 'a'.repeat(1001) })).toEqual(['defaultRules.closingNote']);
  });
});
