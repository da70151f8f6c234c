/** What happened to an arrangement, and what comes next, in one sentence each. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../shared/domain/policy.js';
// @ts-ignore typed by tsconfig.portal.json
import { closedReason, hasEnded, stateLabel } from '../../web/portal/states.js';
// @ts-ignore typed by tsconfig.portal.json
import { timelineSentence, upcomingSentence } from '../../web/portal/timeline-text.js';

const at = '2026-11-20T15:00:00Z';

describe('timeline sentences', () => {
  it('names the client in what they did', () => {
    expect(timelineSentence({ type: 'accepted', at }, 'Sam')).toBe('Sam accepted');
    expect(timelineSentence({ type: 'invited', at }, '')).toBe('Invitation sent to The client');
  });

  it('explains a refused update, and what the client was told', () => {
    expect(timelineSentence({ type: 'update-refused', at, data: { reason: 'too-soon' } }, 'Sam')).toBe(
      'An update was not accepted because it came too soon after the last one (Sam was told what is possible next)',
    );
    expect(timelineSentence({ type: 'update-refused', at, data: {} }, 'Sam')).toMatch(
      /because it did not fit the rules/,
    );
  });

  it('says which email could not be delivered, and after how many tries', () => {
    expect(timelineSentence({ type: 'delivery-failed', at, data: { job: 'closing', attempts: 3 } }, 'Sam')).toBe(
      'An email (the closing email) could not be delivered after 3 tries',
    );
    expect(timelineSentence({ type: 'delivery-failed', at, data: {} }, 'Sam')).toBe(
      'An email (one of the emails) could not be delivered',
    );
  });

  it('says why an arrangement closed', () => {
    expect(timelineSentence({ type: 'closed', at, data: { reason: 'opted-out' } }, 'Sam')).toBe(
      'Closed: the client asked for no more emails',
    );
    expect(closedReason(null)).toBe('it ended');
    expect(timelineSentence({ type: 'closed', at, data: { reason: 'therapist-left' } }, 'Sam')).toBe(
      'Closed: the practice closed it when its therapist left',
    );
  });

  it('says the practice handed the arrangement over, and who did what before it', () => {
    expect(timelineSentence({ type: 'handed-over', at, data: { from: 'th-1', to: 'th-2' } }, 'Sam')).toBe(
      'The practice handed the arrangement over to a colleague when its therapist left (Sam was told who reads their messages now)',
    );
    expect(timelineSentence({ type: 'paused', at }, 'Sam', 'The previous therapist')).toBe(
      'The previous therapist paused the arrangement',
    );
    expect(timelineSentence({ type: 'replied', at, data: { to: 'update#1' } }, 'Sam', 'The previous therapist')).toBe(
      'The previous therapist replied to update 1',
    );
  });

  it('says which message the therapist replied to', () => {
    expect(timelineSentence({ type: 'replied', at, data: { to: 'update#2' } }, 'Sam')).toBe('You replied to update 2');
    expect(timelineSentence({ type: 'replied', at, data: { to: 'check-in' } }, 'Sam')).toBe(
      'You replied to the check-in message',
    );
    expect(timelineSentence({ type: 'replied', at }, 'Sam')).toBe('You replied to a message');
  });

  it('says until when a pause was set, and who ended it', () => {
    expect(timelineSentence({ type: 'paused', at, data: { until: '2026-12-10' } }, 'Sam')).toBe(
      'You paused the arrangement until 10 December 2026',
    );
    expect(timelineSentence({ type: 'paused', at }, 'Sam')).toBe('You paused the arrangement');
    expect(timelineSentence({ type: 'resumed', at, data: { by: 'therapist' } }, 'Sam')).toBe(
      'You resumed the arrangement',
    );
    expect(timelineSentence({ type: 'resumed', at, data: { by: 'schedule' } }, 'Sam')).toBe(
      'The pause ended on its planned day, and the arrangement opened again',
    );
    // Entries written before a pause could end by itself were all the therapist's.
    expect(timelineSentence({ type: 'resumed', at }, 'Sam')).toBe('You resumed the arrangement');
  });

  it('tells a skipped check-in and one taken back apart', () => {
    expect(timelineSentence({ type: 'check-in-skipped', at }, 'Sam')).toBe('Sam chose to skip the check-in');
    expect(timelineSentence({ type: 'check-in-restored', at }, 'Sam')).toBe('Sam chose to keep the check-in after all');
  });

  it('names the new emails when one could not be delivered', () => {
    const failed = (job: string) => timelineSentence({ type: 'delivery-failed', at, data: { job } }, 'Sam');
    expect(failed('reply')).toBe('An email (your reply) could not be delivered');
    expect(failed('paused')).toBe('An email (the pause notice) could not be delivered');
    expect(failed('resumed')).toBe('An email (the notice that it is open again) could not be delivered');
    expect(failed('check-in-restored')).toBe(
      'An email (your notice that the check-in is on again) could not be delivered',
    );
  });

  it('reads an event it does not know by its name', () => {
    expect(timelineSentence({ type: 'something-new', at }, 'Sam')).toBe('something new');
  });

  it('says what is coming up, counting reminders back from the check-in', () => {
    const rules = resolveRules({ endedOn: '2026-11-20', timeZone: 'UTC' });
    expect(upcomingSentence({ kind: 'check-in-reminder', on: '2027-02-13' }, rules)).toBe(
      'Check-in reminder (7 days before)',
    );
    expect(upcomingSentence({ kind: 'check-in-day', on: '2027-02-20' }, rules)).toBe('Check-in day');
    expect(upcomingSentence({ kind: 'closing', on: '2027-03-06' }, rules)).toBe('The arrangement closes');
    expect(upcomingSentence({ kind: 'resume', on: '2026-12-10' }, rules)).toBe('The pause ends');
    expect(upcomingSentence({ kind: 'new-kind', on: '2027-03-06' }, null)).toBe('new kind');
  });
});

describe('states', () => {
  it('labels each state, and knows which ones have ended', () => {
    expect(stateLabel('invited')).toBe('Invited');
    expect(stateLabel('unheard-of')).toBe('unheard-of');
    expect(['invited', 'active', 'paused', 'declined', 'closed'].filter(hasEnded)).toEqual(['declined', 'closed']);
  });
});
