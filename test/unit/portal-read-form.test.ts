/**
 * The new-arrangement form read as a request: what is sent, what is left to the service's
 * defaults, and what is flagged before anything leaves the browser.
 */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { addDays } from '../../shared/domain/dates.js';
// @ts-ignore typed by tsconfig.portal.json
import { policyHints } from '../../web/portal/hints.js';
// @ts-ignore typed by tsconfig.portal.json
import { readForm, WEEKS, type NewValues } from '../../web/portal/new-read-form.js';

const rules = portalRules();
const hints = policyHints(rules.limits.policy);
const ENDED = '2026-11-20';

/** A form with who and when filled in and every rule left empty, as the controls hold it. */
function form(changes: Partial<NewValues> = {}): NewValues {
  return {
    clientName: 'Sam Rivera',
    clientEmail: 'sam@example.com',
    endedOn: ENDED,
    timeZone: '',
    limit: '',
    gap: '',
    weeks: '',
    maxChars: '',
    from: '',
    until: '',
    format: 'message',
    months: '',
    checkinOn: '',
    note: '',
    remind: '',
    replies: 'none',
    closesOn: '',
    crisis: 'US',
    referrals: [],
    ...changes,
  };
}

const send = (changes: Partial<NewValues> = {}) => readForm(form(changes), { rules });
const range = (path: string) => ({
  min: rules.limits.policy[path]!.minimum!,
  max: rules.limits.policy[path]!.maximum!,
});

describe('reading the new-arrangement form', () => {
  it('sends only who and when, and the choices, when every rule is left empty', () => {
    expect(send()).toEqual({
      body: {
        client: { name: 'Sam Rivera', email: 'sam@example.com' },
        endedOn: ENDED,
        checkIn: { format: 'message' },
        replies: 'none',
        crisisLocale: 'US',
      },
      problems: [],
    });
  });

  it('trims what was typed before sending it', () => {
    const { body } = send({
      clientName: '  Sam  ',
      clientEmail: ' sam@example.com ',
      timeZone: ' Europe/London ',
      format: 'session',
      note: '  Call me.  ',
    });
    expect(body).toMatchObject({
      client: { name: 'Sam', email: 'sam@example.com' },
      timeZone: 'Europe/London',
      checkIn: { format: 'session', note: 'Call me.' },
    });
  });

  it('asks for the client’s name and a usable email address before sending', () => {
    expect(send({ clientName: ' ', clientEmail: '' }).problems).toEqual([
      { field: 'clientName', message: 'Enter the client’s name.' },
      { field: 'clientEmail', message: 'Enter the client’s email address.' },
    ]);
    expect(send({ clientEmail: 'sam@example' }).problems).toEqual([
      { field: 'clientEmail', message: 'Enter an email address like name@example.com.' },
    ]);
  });

  it('addresses the preview to a stand-in until the client’s details are in', () => {
    const { body, problems } = readForm(form({ clientName: '', clientEmail: 'sam@' }), { rules, forPreview: true });
    expect(body.client).toEqual({ name: '(client’s name)', email: 'client@example.com' });
    expect(problems).toEqual([]);
  });

  it('keeps the client’s problems current in the preview once sending has been tried', () => {
    const { body, problems } = readForm(form({ clientName: '' }), { rules, forPreview: true, submitted: true });
    expect(body.client.name).toBe('(client’s name)');
    expect(problems).toEqual([{ field: 'clientName', message: 'Enter the client’s name.' }]);
  });

  it('asks for the day therapy ended, or for all of it when half a date was typed', () => {
    expect(send({ endedOn: '' }).problems).toEqual([{ field: 'endedOn', message: 'Enter the date therapy ended.' }]);
    expect(send({ endedOn: '', incomplete: ['endedOn'] }).problems).toEqual([
      { field: 'endedOn', message: 'Enter a complete date.' },
    ]);
  });

  it('refuses a time zone the browser does not know, in plain words', () => {
    expect(send({ timeZone: 'Nowhere/Place' }).problems).toEqual([{ field: 'timeZone', message: hints.timeZone }]);
  });

  it('works out when updates close from the weeks, when no date is given', () => {
    expect(send({ limit: '3', weeks: '6' }).body.updates).toEqual({ limit: 3, until: addDays(ENDED, 42) });
  });

  it('prefers an exact closing day for updates over the weeks', () => {
    expect(send({ weeks: '6', from: '2026-11-25', until: '2026-12-24' }).body.updates).toEqual({
      from: '2026-11-25',
      until: '2026-12-24',
    });
  });

  it('leaves out the details of updates, and the replies, when no updates are offered', () => {
    const { body } = send({ limit: '0', gap: '7', maxChars: '1000', weeks: '6', until: '2026-12-24' });
    expect(body.updates).toEqual({ limit: 0 });
    expect(body).not.toHaveProperty('replies');
  });

  it('refuses numbers outside what the service accepts, saying what it does accept', () => {
    const limit = range('updates.limit');
    const gap = range('updates.minDaysBetween');
    const chars = range('updates.maxCharacters');
    const { problems, body } = send({
      limit: String(limit.max + 1),
      gap: '1.5',
      maxChars: String(chars.min - 1),
      weeks: String(WEEKS.max + 1),
    });
    expect(problems).toEqual([
      { field: 'limit', message: hints['updates.limit'] },
      { field: 'gap', message: hints['updates.minDaysBetween'] },
      { field: 'maxChars', message: hints['updates.maxCharacters'] },
      { field: 'weeks', message: `Choose a whole number from ${WEEKS.min} to ${WEEKS.max}.` },
    ]);
    expect(body).not.toHaveProperty('updates');
    expect(send({ limit: String(limit.max), gap: String(gap.max), maxChars: String(chars.max) }).problems).toEqual([]);
  });

  it('asks for a complete date, or none, when half a date was typed', () => {
    expect(send({ incomplete: ['from', 'closesOn'] }).problems).toEqual([
      { field: 'from', message: 'Enter a complete date, or clear the field.' },
      { field: 'closesOn', message: 'Enter a complete date, or clear the field.' },
    ]);
  });

  it('sends no check-in at all when the therapist chooses none', () => {
    expect(send({ format: 'none', months: '3', remind: '7' }).body.checkIn).toBeNull();
  });

  it('uses a check-in date instead of the months when both are given', () => {
    expect(send({ months: '3', checkinOn: '2027-03-01' }).body.checkIn).toEqual({
      format: 'message',
      on: '2027-03-01',
    });
    expect(send({ months: '3' }).body.checkIn).toEqual({ format: 'message', afterMonths: 3 });
  });

  it('sends the note only for a check-in session', () => {
    expect(send({ format: 'message', note: 'Call me.' }).body.checkIn).toEqual({ format: 'message' });
    expect(send({ format: 'session', note: ' ' }).body.checkIn).toEqual({ format: 'session' });
  });

  it('reads reminders as distinct days, “none” as no reminders, and empty as the service’s default', () => {
    expect(send({ remind: '7, 1, 7' }).body.checkIn).toEqual({ format: 'message', remindDaysBefore: [7, 1] });
    expect(send({ remind: 'None' }).body.checkIn).toEqual({ format: 'message', remindDaysBefore: [] });
    expect(send({ remind: '' }).body.checkIn).toEqual({ format: 'message' });
  });

  it('refuses reminders beyond what the service accepts', () => {
    const { maxItems, maximum } = rules.limits.policy['checkIn.remindDaysBefore']!;
    const tooMany = Array.from({ length: maxItems! + 1 }, (_, i) => i + 1).join(', ');
    for (const remind of [String(maximum! + 1), tooMany, 'soon']) {
      expect(send({ remind }).problems).toEqual([{ field: 'remind', message: hints['checkIn.remindDaysBefore'] }]);
    }
  });

  it('skips empty referrals, and names the missing half of one half filled', () => {
    const { body, problems } = send({
      referrals: [
        { key: 1, name: ' ', contact: '' },
        { key: 2, name: 'Clinic', contact: '' },
        { key: 5, name: ' Helpline ', contact: ' 116 123 ' },
      ],
    });
    expect(body.referrals).toEqual([
      { name: 'Clinic', contact: '' },
      { name: 'Helpline', contact: '116 123' },
    ]);
    expect(problems).toEqual([
      { field: 'referral-2-contact', message: 'Add a phone number, email or website, or remove this referral.' },
    ]);
  });

  it('lists problems in the order the form asks its questions', () => {
    const { problems } = send({
      clientName: '',
      endedOn: '',
      limit: '99',
      remind: 'x',
      incomplete: ['closesOn'],
      referrals: [{ key: 3, name: '', contact: 'x' }],
    });
    expect(problems.map((p: { field: string | null }) => p.field)).toEqual([
      'clientName',
      'endedOn',
      'limit',
      'remind',
      'closesOn',
      'referral-3-name',
    ]);
  });
});
