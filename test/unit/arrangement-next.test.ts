/** What a practice admin's overview says comes next in an arrangement, from its metadata alone. */
import { describe, expect, it } from 'vitest';
import type { ArrangementMeta } from '../../shared/domain/arrangement-meta.js';
import { nextEvent } from '../../shared/domain/arrangement-next.js';

const meta = (over: Partial<ArrangementMeta> = {}): ArrangementMeta => ({
  policyId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  therapistId: 'th-1',
  state: 'active',
  createdAt: '2026-11-20T15:00:00.000Z',
  endedOn: '2026-11-20',
  closesOn: '2027-03-06',
  closedAt: null,
  updates: { used: 0, limit: 3, until: '2027-01-01' },
  checkIn: { on: '2027-02-20', status: 'pending' },
  pausedUntil: null,
  clientEmailStopped: false,
  ...over,
});

describe('the next event of an arrangement', () => {
  it('is the day updates close while that comes first', () => {
    expect(nextEvent(meta(), '2026-12-01')).toEqual({ what: 'updates-close', on: '2027-01-01' });
    expect(nextEvent(meta(), '2027-01-01')).toEqual({ what: 'updates-close', on: '2027-01-01' });
  });

  it('is the check-in once the update window is over, then the closing', () => {
    expect(nextEvent(meta(), '2027-01-02')).toEqual({ what: 'check-in', on: '2027-02-20' });
    expect(nextEvent(meta(), '2027-02-21')).toEqual({ what: 'closing', on: '2027-03-06' });
  });

  it('skips updates closing when every update is used, and a check-in already sent or skipped', () => {
    const used = meta({ updates: { used: 3, limit: 3, until: '2027-01-01' } });
    expect(nextEvent(used, '2026-12-01')).toEqual({ what: 'check-in', on: '2027-02-20' });
    for (const status of ['sent', 'skipped'] as const)
      expect(nextEvent(meta({ checkIn: { on: '2027-02-20', status } }), '2027-01-02')).toEqual({
        what: 'closing',
        on: '2027-03-06',
      });
  });

  it('names the closing, not updates closing, when both fall on one day, and the check-in before either', () => {
    const noCheckIn = meta({ checkIn: null, closesOn: '2027-01-01' });
    expect(nextEvent(noCheckIn, '2026-12-01')).toEqual({ what: 'closing', on: '2027-01-01' });
    const sameDay = meta({ updates: { used: 0, limit: 3, until: '2027-02-20' } });
    expect(nextEvent(sameDay, '2026-12-01')).toEqual({ what: 'check-in', on: '2027-02-20' });
  });

  it('keeps a closing whose day has come as next until the arrangement is closed', () => {
    expect(nextEvent(meta(), '2027-03-07')).toEqual({ what: 'closing', on: '2027-03-06' });
  });

  it('counts invited and paused arrangements as open, and has nothing next for ended ones', () => {
    expect(nextEvent(meta({ state: 'invited' }), '2026-12-01')?.what).toBe('updates-close');
    expect(nextEvent(meta({ state: 'paused', pausedUntil: '2026-12-10' }), '2026-12-01')?.what).toBe('updates-close');
    expect(nextEvent(meta({ state: 'closed' }), '2026-12-01')).toBeNull();
    expect(nextEvent(meta({ state: 'declined' }), '2026-12-01')).toBeNull();
  });
});
