/**
 * The edit screen read as a change: only what differs from the rules as they stand is sent,
 * problems are found before sending; and the preview's answer read into what the panel says.
 */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { resolveRules } from '../../shared/domain/policy.js';
import {
  changesSomething,
  editValues,
  readEdit,
  remindText,
  type EditValues,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/edit-read-form.js';
// @ts-ignore typed by tsconfig.portal.json
import { previewWords, savedMessage } from '../../web/portal/edit-text.js';
// @ts-ignore typed by tsconfig.portal.json
import type { Policy } from '../../web/portal/types.js';

const rules = portalRules();
const limits = rules.limits.policy;

function policy(changes: Partial<Policy> = {}, rulesInput: Record<string, unknown> = {}): Policy {
  return {
    id: 'p-1',
    state: 'active',
    closedReason: null,
    client: { name: 'Robin', email: 'robin@example.com' },
    rules: resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York', ...rulesInput }),
    counters: {
      updatesAccepted: 0,
      updatesLeft: 3,
      lastUpdateOn: null,
      nextAllowedOn: '2026-11-20',
      checkIn: 'pending',
    },
    clientEmailSuppressed: false,
    createdAt: '2026-11-20T15:00:00Z',
    acceptedAt: '2026-11-20T16:00:00Z',
    closedAt: null,
    ...changes,
  };
}

/** The form as it opens, with these fields typed over. */
const edited = (p: Policy, changes: Partial<EditValues> = {}): EditValues => ({ ...editValues(p, rules), ...changes });
const read = (p: Policy, changes: Partial<EditValues> = {}) => readEdit(edited(p, changes), p, limits);

describe('the form filled from the rules', () => {
  it('shows each rule as it stands', () => {
    const values = editValues(policy(), rules);
    expect(values).toMatchObject({
      limit: '3',
      gap: '7',
      maxChars: '1000',
      from: '2026-11-20',
      until: '2027-01-01',
      replies: 'none',
      format: 'message',
      checkinOn: '2027-02-20',
      remind: '7, 1',
      closesOn: '2027-03-06',
      clientEmail: 'robin@example.com',
    });
  });

  it('without a check-in, says so and offers the usual reminders for one added', () => {
    expect(editValues(policy({}, { checkIn: null }), rules)).toMatchObject({
      format: 'none',
      checkinOn: '',
      remind: '7, 1',
    });
    expect(remindText([])).toBe('none');
  });

  it('sends nothing when nothing was changed', () => {
    const p = policy({}, { referrals: [{ name: 'Crisis line', contact: '988' }] });
    const { body, problems } = read(p);
    expect(body).toEqual({});
    expect(problems).toEqual([]);
    expect(changesSomething(body)).toBe(false);
  });
});

describe('building the change from the form: only what changed', () => {
  it('sends a raised limit alone', () => {
    const { body } = read(policy(), { limit: '4' });
    expect(body).toEqual({ updates: { limit: 4 } });
    expect(changesSomething(body)).toBe(true);
  });

  it('sends the parts of the updates and the closing date that differ', () => {
    const { body } = read(policy(), { gap: '3', until: '2027-01-15', closesOn: '2027-04-01', replies: 'may-reply' });
    expect(body).toEqual({
      updates: { minDaysBetween: 3, until: '2027-01-15' },
      replies: 'may-reply',
      closesOn: '2027-04-01',
    });
  });

  it('removes the check-in with null, and changes only the parts of it that differ', () => {
    expect(read(policy(), { format: 'none' }).body).toEqual({ checkIn: null });
    expect(read(policy(), { checkinOn: '2027-03-01' }).body).toEqual({ checkIn: { on: '2027-03-01' } });
    // The same reminders in another order are no change.
    expect(read(policy(), { remind: '1, 7' }).body).toEqual({});
    expect(read(policy(), { remind: 'none' }).body).toEqual({ checkIn: { remindDaysBefore: [] } });
  });

  it('a session gets its note; moving to a message drops it', () => {
    expect(read(policy(), { format: 'session', note: ' I will email you. ' }).body).toEqual({
      checkIn: { format: 'session', note: 'I will email you.' },
    });
    const session = policy({}, { checkIn: { format: 'session', note: 'I will email you.' } });
    expect(read(session, { format: 'message' }).body).toEqual({ checkIn: { format: 'message', note: null } });
  });

  it('adds a check-in whole, leaving the date to the service when none is given', () => {
    const none = policy({}, { checkIn: null });
    expect(read(none, { format: 'message' }).body).toEqual({
      checkIn: { format: 'message', remindDaysBefore: [7, 1] },
    });
    expect(read(none, { format: 'session', checkinOn: '2027-01-10', remind: 'none' }).body).toEqual({
      checkIn: { format: 'session', on: '2027-01-10', remindDaysBefore: [] },
    });
  });

  it('sends the referrals whole when any of them changed', () => {
    const p = policy({}, { referrals: [{ name: 'Crisis line', contact: '988' }] });
    const rows = [
      { key: 1, name: 'Crisis line', contact: '988' },
      { key: 2, name: ' Clinic ', contact: 'clinic.example' },
    ];
    expect(read(p, { referrals: rows }).body).toEqual({
      referrals: [
        { name: 'Crisis line', contact: '988' },
        { name: 'Clinic', contact: 'clinic.example' },
      ],
    });
    expect(read(p, { referrals: [{ key: 1, name: '', contact: '' }] }).body).toEqual({ referrals: [] });
  });

  it('corrects the address only while invited', () => {
    const invited = policy({ state: 'invited', acceptedAt: null });
    expect(read(invited, { clientEmail: ' robin.hale@example.com ' }).body).toEqual({
      client: { email: 'robin.hale@example.com' },
    });
    expect(read(policy(), { clientEmail: 'robin.hale@example.com' }).body).toEqual({});
  });
});

describe('problems found before sending', () => {
  it('names the field: out of range, empty, not a whole number, a date the browser could not read', () => {
    const { body, problems } = read(policy({ state: 'invited', acceptedAt: null }), {
      limit: '13',
      gap: '',
      maxChars: '1.5',
      closesOn: '',
      clientEmail: 'robin',
      remind: '90',
      incomplete: ['until'],
    });
    expect(problems.map((p: { field: string | null }) => p.field)).toEqual([
      'limit',
      'gap',
      'maxChars',
      'until',
      'remind',
      'closesOn',
      'clientEmail',
    ]);
    expect(problems[0]?.message).toBe('Choose a number from 0 to 12.');
    expect(body).toEqual({});
  });

  it('asks for the check-in date when one is cleared, and for both halves of a referral', () => {
    const { problems } = read(policy(), { checkinOn: '', referrals: [{ key: 3, name: 'Clinic', contact: '' }] });
    expect(problems).toEqual([
      { field: 'checkinOn', message: 'Enter the check-in date, or choose no check-in.' },
      { field: 'referral-3-contact', message: 'Add a phone number, email or website, or remove this referral.' },
    ]);
  });
});

describe('reading the preview into what the panel says', () => {
  const answer = (changes: Record<string, unknown> = {}) => ({
    ok: true as const,
    told: ['You can now send 2 updates in all, instead of 3.'],
    reductions: [{ what: 'limit', detail: 'fewer updates (3 → 2)' }],
    needsConfirm: true,
    email: { subject: 'A change to your arrangement with Dr. Ada Okafor', text: '…' },
    ...changes,
  });

  it('lists what an accepted client will be told, and what it takes back', () => {
    expect(previewWords(answer(), policy(), { updates: { limit: 2 } })).toEqual({
      intro: 'Robin will get one email that says:',
      lines: ['You can now send 2 updates in all, instead of 3.'],
      after: null,
      reductions: ['Fewer updates (3 → 2)'],
    });
  });

  it('says when the email will not reach them', () => {
    const words = previewWords(answer(), policy({ clientEmailSuppressed: true }), { updates: { limit: 2 } });
    expect(words.after).toContain('Afterword has stopped emailing Robin');
  });

  it('before acceptance, says nothing is sent, or that the invitation goes to the corrected address', () => {
    const invited = policy({ state: 'invited', acceptedAt: null });
    const quiet = answer({ told: [], reductions: [], needsConfirm: false });
    expect(previewWords(quiet, invited, { updates: { limit: 4 } }).intro).toBe(
      'Nothing will be sent: Robin has not accepted yet. They will see the new rules when they open their invitation.',
    );
    expect(previewWords(quiet, invited, { client: { email: 'robin.hale@example.com' } }).intro).toBe(
      'Robin will get the invitation again, at robin.hale@example.com. The links sent to robin@example.com will stop working.',
    );
  });

  it('says what happened once saved', () => {
    expect(savedMessage(policy(), { updates: { limit: 4 } }, 1)).toBe(
      'Changes saved. Robin will get one email that says what changed.',
    );
    expect(savedMessage(policy({ state: 'invited' }), { client: { email: 'robin.hale@example.com' } }, 0)).toBe(
      'Changes saved. The invitation is on its way to robin.hale@example.com; the links sent to robin@example.com no longer work.',
    );
    expect(savedMessage(policy({ state: 'invited' }), { closesOn: '2027-04-01' }, 0)).toBe(
      'Changes saved. Robin will see the new rules when they open their invitation.',
    );
  });
});
