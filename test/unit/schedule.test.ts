import { describe, it, expect } from 'vitest';
import { planSchedule } from '../../shared/domain/schedule.js';
import { closeChange, replan } from '../../shared/use-cases/lifecycle.js';
import { makePolicy } from '../support/policy-factory.js';

// Default policy (America/New_York): check-in 20 February 2027, closes 6 March 2027.
// Both are before the US DST change on 14 March 2027, so 09:00 local is 14:00 UTC.
const TODAY = '2026-11-21';
/** 10:00 in New York on TODAY. */
const NOW = '2026-11-21T15:00:00.000Z';

describe('planSchedule', () => {
  it('plans only the closing date before the client accepts (consent first)', () => {
    const jobs = planSchedule(makePolicy({ state: 'invited', acceptedAt: null }), TODAY);
    expect(jobs).toEqual([{ kind: 'closing', key: 'closing', on: '2027-03-06', dueAt: '2027-03-06T14:00:00.000Z' }]);
  });

  it('plans the reminders 7 and 1 days before, the check-in day and the closing, each at 09:00 local', () => {
    expect(planSchedule(makePolicy(), TODAY)).toEqual([
      {
        kind: 'check-in-reminder',
        key: 'check-in-reminder-7',
        on: '2027-02-13',
        dueAt: '2027-02-13T14:00:00.000Z',
        daysBefore: 7,
      },
      {
        kind: 'check-in-reminder',
        key: 'check-in-reminder-1',
        on: '2027-02-19',
        dueAt: '2027-02-19T14:00:00.000Z',
        daysBefore: 1,
      },
      { kind: 'check-in-day', key: 'check-in-day', on: '2027-02-20', dueAt: '2027-02-20T14:00:00.000Z' },
      { kind: 'closing', key: 'closing', on: '2027-03-06', dueAt: '2027-03-06T14:00:00.000Z' },
    ]);
  });

  it('follows the New York DST change: the check-in on 14 March 2027 is due at 13:00 UTC, the reminder the day before at 14:00 UTC', () => {
    const jobs = planSchedule(makePolicy({ rules: { checkIn: { on: '2027-03-14', remindDaysBefore: [1] } } }), TODAY);
    expect(jobs.find((j) => j.key === 'check-in-reminder-1')?.dueAt).toBe('2027-03-13T14:00:00.000Z');
    expect(jobs.find((j) => j.key === 'check-in-day')?.dueAt).toBe('2027-03-14T13:00:00.000Z');
    // closesOn = 14 March + 14 days = 28 March, in EDT.
    expect(jobs.find((j) => j.key === 'closing')).toEqual({
      kind: 'closing',
      key: 'closing',
      on: '2027-03-28',
      dueAt: '2027-03-28T13:00:00.000Z',
    });
  });

  it('uses the policy zone: London, on the day the clocks go forward', () => {
    const policy = makePolicy({
      rules: { endedOn: '2026-12-28', timeZone: 'Europe/London', checkIn: { on: '2027-03-28' } },
    });
    expect(planSchedule(policy, '2026-12-28').map((j) => [j.key, j.dueAt])).toEqual([
      ['check-in-reminder-7', '2027-03-21T09:00:00.000Z'],
      ['check-in-reminder-1', '2027-03-27T09:00:00.000Z'],
      ['check-in-day', '2027-03-28T08:00:00.000Z'],
      ['closing', '2027-04-11T08:00:00.000Z'],
    ]);
  });

  it('uses the policy zone: Sydney, where 09:00 is the previous day in UTC', () => {
    const policy = makePolicy({ rules: { endedOn: '2027-01-04', timeZone: 'Australia/Sydney' } });
    const checkInDay = planSchedule(policy, '2027-01-04').find((j) => j.kind === 'check-in-day');
    // 4 April 2027 is the day Sydney leaves DST: 09:00 AEST = 23:00 UTC the day before.
    expect(checkInDay).toEqual({
      kind: 'check-in-day',
      key: 'check-in-day',
      on: '2027-04-04',
      dueAt: '2027-04-03T23:00:00.000Z',
    });
  });

  it('leaves out a reminder whose day has passed (a late acceptance)', () => {
    const keys = planSchedule(makePolicy(), '2027-02-15').map((j) => j.key);
    expect(keys).toEqual(['check-in-reminder-1', 'check-in-day', 'closing']);
  });

  it('leaves out both reminders when only the check-in day is ahead', () => {
    expect(planSchedule(makePolicy(), '2027-02-19').map((j) => j.key)).toEqual(['check-in-day', 'closing']);
  });

  it('still plans the check-in day when today is the check-in day', () => {
    expect(planSchedule(makePolicy(), '2027-02-20').map((j) => j.key)).toEqual(['check-in-day', 'closing']);
  });

  it('plans only the closing once the check-in day has passed', () => {
    expect(planSchedule(makePolicy(), '2027-02-21').map((j) => j.key)).toEqual(['closing']);
  });

  it.each(['skipped', 'sent'] as const)(
    'plans no reminders and no check-in day when the check-in was %s',
    (checkIn) => {
      expect(planSchedule(makePolicy({ checkIn }), TODAY).map((j) => j.kind)).toEqual(['closing']);
    },
  );

  it('plans only the closing when the arrangement has no check-in', () => {
    expect(planSchedule(makePolicy({ rules: { checkIn: null } }), TODAY)).toEqual([
      { kind: 'closing', key: 'closing', on: '2027-01-01', dueAt: '2027-01-01T14:00:00.000Z' },
    ]);
  });

  it.each(['closed', 'declined'] as const)('plans nothing once the policy is %s', (state) => {
    expect(planSchedule(makePolicy({ state }), TODAY)).toEqual([]);
  });

  it('plans one reminder per configured day, with a key per day', () => {
    const jobs = planSchedule(makePolicy({ rules: { checkIn: { remindDaysBefore: [3, 14] } } }), TODAY);
    const reminders = jobs.filter((j) => j.kind === 'check-in-reminder');
    expect(reminders.map((j) => [j.key, j.on, j.daysBefore])).toEqual([
      ['check-in-reminder-14', '2027-02-06', 14],
      ['check-in-reminder-3', '2027-02-17', 3],
    ]);
  });

  it('plans no reminders when none are configured, but still the check-in day', () => {
    const jobs = planSchedule(makePolicy({ rules: { checkIn: { remindDaysBefore: [] } } }), TODAY);
    expect(jobs.map((j) => j.key)).toEqual(['check-in-day', 'closing']);
  });

  it('reminds both sides of a session check-in as well', () => {
    const jobs = planSchedule(makePolicy({ rules: { checkIn: { format: 'session' } } }), TODAY);
    expect(jobs.map((j) => j.kind)).toEqual(['check-in-reminder', 'check-in-reminder', 'check-in-day', 'closing']);
  });

  it('gives every job a distinct key, so re-planning replaces instead of duplicating', () => {
    const jobs = planSchedule(makePolicy({ rules: { checkIn: { remindDaysBefore: [14, 7, 3, 1] } } }), TODAY);
    expect(new Set(jobs.map((j) => j.key)).size).toBe(jobs.length);
    expect(jobs).toHaveLength(6);
  });

  it('plans the same jobs for the same policy and day (stable)', () => {
    expect(planSchedule(makePolicy(), TODAY)).toEqual(planSchedule(makePolicy(), TODAY));
  });
});

describe('replan (lifecycle)', () => {
  const sorted = (keys: string[] | undefined) => [...(keys ?? [])].sort();

  it('leaves alone a job whose time has come, so resuming on the check-in day after 09:00 cannot send it twice', () => {
    const policy = makePolicy({ state: 'paused' });
    const checkInDayAfterNine = '2027-02-20T15:00:00.000Z';
    const { schedule, unschedule } = replan(policy, { ...policy, state: 'active' }, checkInDayAfterNine);
    expect(schedule?.map((j) => j.key)).toEqual(['closing']);
    expect(unschedule).toEqual([]);
  });

  it('still plans the check-in day on the day itself before 09:00', () => {
    const policy = makePolicy({ state: 'paused' });
    const { schedule } = replan(policy, { ...policy, state: 'active' }, '2027-02-20T13:00:00.000Z');
    expect(schedule?.map((j) => j.key)).toEqual(['check-in-day', 'closing']);
  });

  it('unschedules nothing when the plan is unchanged', () => {
    const policy = makePolicy();
    const { schedule, unschedule } = replan(policy, policy, NOW);
    expect(schedule).toEqual(planSchedule(policy, TODAY));
    expect(unschedule).toEqual([]);
  });

  it('plans the whole schedule when an invited client accepts', () => {
    const invited = makePolicy({ state: 'invited', acceptedAt: null });
    const accepted = makePolicy({ state: 'active', version: 2 });
    const { schedule, unschedule } = replan(invited, accepted, NOW);
    expect(schedule?.map((j) => j.key)).toEqual([
      'check-in-reminder-7',
      'check-in-reminder-1',
      'check-in-day',
      'closing',
    ]);
    expect(unschedule).toEqual([]);
  });

  it('unschedules the reminders and the check-in day when the client skips the check-in', () => {
    const policy = makePolicy();
    const { schedule, unschedule } = replan(policy, { ...policy, checkIn: 'skipped' }, NOW);
    expect(schedule?.map((j) => j.key)).toEqual(['closing']);
    expect(sorted(unschedule)).toEqual(['check-in-day', 'check-in-reminder-1', 'check-in-reminder-7']);
  });

  it('unschedules reminders for days that are no longer configured, keeping the new ones', () => {
    const previous = makePolicy();
    const updated = makePolicy({ rules: { checkIn: { remindDaysBefore: [3] } }, version: 2 });
    const { schedule, unschedule } = replan(previous, updated, NOW);
    expect(schedule?.map((j) => j.key)).toEqual(['check-in-reminder-3', 'check-in-day', 'closing']);
    expect(sorted(unschedule)).toEqual(['check-in-reminder-1', 'check-in-reminder-7']);
  });

  it('neither rewrites nor removes a reminder whose time has passed (the dispatcher owns it now)', () => {
    const policy = makePolicy();
    const { schedule, unschedule } = replan(policy, policy, '2027-02-15T15:00:00.000Z');
    expect(schedule?.map((j) => j.key)).toEqual(['check-in-reminder-1', 'check-in-day', 'closing']);
    expect(unschedule).toEqual([]);
  });

  it('unschedules the whole check-in when the therapist removes it', () => {
    const previous = makePolicy();
    const updated = makePolicy({ rules: { checkIn: null }, checkIn: 'none', version: 2 });
    const { schedule, unschedule } = replan(previous, updated, NOW);
    expect(schedule).toEqual([
      { kind: 'closing', key: 'closing', on: '2027-01-01', dueAt: '2027-01-01T14:00:00.000Z' },
    ]);
    expect(sorted(unschedule)).toEqual(['check-in-day', 'check-in-reminder-1', 'check-in-reminder-7']);
  });

  it('never both schedules and unschedules the same key', () => {
    const previous = makePolicy();
    const updated = makePolicy({ rules: { checkIn: { remindDaysBefore: [7, 2] } }, version: 2 });
    const { schedule, unschedule } = replan(previous, updated, NOW);
    const planned = new Set(schedule?.map((j) => j.key));
    expect(unschedule).toEqual(['check-in-reminder-1']);
    expect(unschedule?.filter((k) => planned.has(k))).toEqual([]);
  });
});

describe('closeChange (lifecycle)', () => {
  const AT = '2027-01-10T15:30:00.000Z';
  const templates = (change: ReturnType<typeof closeChange>) => change.mails?.map((m) => m.template);

  it('queues only the opt-out confirmation and the therapist notice when the client opted out', () => {
    const change = closeChange(makePolicy(), 'opted-out', AT);
    expect(templates(change)).toEqual(['opted-out', 'client-opted-out']);
  });

  it('queues the closing email and the summary on the closing date', () => {
    const policy = makePolicy({ updatesAccepted: 2, lastUpdateOn: '2026-12-20', checkIn: 'sent' });
    const change = closeChange(policy, 'closing-date', AT);
    expect(change.mails).toEqual([
      { template: 'closing', data: {} },
      { template: 'closing-summary', data: { reason: 'closing-date', updatesReceived: 2, checkIn: 'sent' } },
    ]);
  });

  it('sends no closing email to a client who never accepted, only the summary to the therapist', () => {
    const change = closeChange(makePolicy({ state: 'invited', acceptedAt: null }), 'closing-date', AT);
    expect(templates(change)).toEqual(['closing-summary']);
  });

  it('queues the closing email and the summary when the therapist closes', () => {
    expect(templates(closeChange(makePolicy(), 'therapist', AT))).toEqual(['closing', 'closing-summary']);
  });

  it('reports the check-in as none in the summary when there was no check-in', () => {
    const change = closeChange(makePolicy({ rules: { checkIn: null } }), 'therapist', AT);
    expect(change.mails?.[1]?.data).toMatchObject({ checkIn: 'none' });
  });

  it('writes the closed policy as the next version, conditional on the version read', () => {
    const policy = makePolicy({ version: 7, updatesAccepted: 1 });
    const change = closeChange(policy, 'therapist', AT);
    expect(change.expectedVersion).toBe(7);
    expect(change.policy).toEqual({ ...policy, state: 'closed', closedReason: 'therapist', closedAt: AT, version: 8 });
    expect(change.at).toBe(AT);
  });

  it('leaves the policy it was given untouched', () => {
    const policy = makePolicy();
    const before = structuredClone(policy);
    closeChange(policy, 'opted-out', AT);
    expect(policy).toEqual(before);
  });

  it('records a closed event with the reason', () => {
    expect(closeChange(makePolicy(), 'opted-out', AT).events).toEqual([
      { at: AT, type: 'closed', data: { reason: 'opted-out' } },
    ]);
  });

  it('unschedules every planned job and plans nothing more', () => {
    const change = closeChange(makePolicy(), 'therapist', AT);
    expect(change.schedule).toEqual([]);
    expect([...(change.unschedule ?? [])].sort()).toEqual([
      'check-in-day',
      'check-in-reminder-1',
      'check-in-reminder-7',
      'closing',
    ]);
  });
});
