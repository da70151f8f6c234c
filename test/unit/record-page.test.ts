/**
 * The printable record without a server: each timeline entry's sentence (also those only a
 * handover, a delivery problem or a future kind of entry writes), the facts, and the document
 * itself: everything escaped, and the one stylesheet the policy allows by its hash.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECORD_CSP, renderRecordPage } from '../../functions/pages/record-page.js';
import type { HistoryEvent, PolicyDetail } from '../../shared/ports/store.js';
import { recordOf } from '../../shared/use-cases/record.js';
import { timelineSentence } from '../../shared/wording/record.js';
import { makePolicy, type PolicyOverrides } from '../support/policy-factory.js';

const READER = 'th_test_1';
const say = (type: string, data?: HistoryEvent['data']) =>
  timelineSentence({ type, ...(data ? { data } : {}) }, 'Sam', READER);

function detail(overrides: PolicyOverrides = {}, events: HistoryEvent[] = []): PolicyDetail {
  return { policy: makePolicy(overrides), updates: [], checkInMessage: null, replies: [], events, jobs: [] };
}

describe('the timeline in plain words', () => {
  it.each([
    ['invited', undefined, 'Invitation sent to Sam'],
    ['paused', undefined, 'Paused'],
    ['paused', { until: '2026-12-10' }, 'Paused until 10 December 2026'],
    ['resumed', { by: 'schedule' }, 'The pause ended on its planned day, and the arrangement opened again'],
    ['replied', { to: 'check-in' }, 'A reply was sent to the check-in message'],
    [
      'rules-changed',
      { changed: 'limit,closesOn' },
      'The rules were changed: the number of updates and the closing date',
    ],
    ['rules-changed', { changed: 'none' }, 'The rules were changed'],
    ['closed', { reason: 'opted-out' }, 'Closed: the client asked for no more emails'],
    ['closed', { reason: 'therapist-left' }, 'Closed: the therapist left the practice, and the practice closed it'],
    ['closed', { reason: 'something-new' }, 'Closed: it ended'],
    [
      'update-refused',
      { reason: 'too-soon' },
      'An update was not accepted because it came too soon after the last one (Sam was told what is possible next)',
    ],
    [
      'delivery-failed',
      { job: 'closing', attempts: 5 },
      'An email (the closing email) could not be delivered after 5 tries',
    ],
    ['client-email-suppressed', { kind: 'complaint' }, 'Emails to Sam stopped after they marked one as unwanted'],
    [
      'handed-over',
      { from: 'th_old', to: READER },
      'Handed over by the practice to the therapist this record was made for',
    ],
    ['handed-over', { from: READER, to: 'th_other' }, 'Handed over by the practice to another therapist'],
    ['a-kind-not-known-yet', undefined, 'A kind not known yet'],
  ])('says %s (%j) as “%s”', (type, data, sentence) => {
    expect(say(type, data)).toBe(sentence);
  });
});

describe('the record’s facts', () => {
  it('names the day it ended and the day its data goes, from the arrangement’s own retention', () => {
    const closed = recordOf(
      detail({ state: 'closed', closedReason: 'therapist', closedAt: '2026-12-02T03:00:00.000Z', retentionDays: 30 }),
      { id: READER },
      '2026-12-05',
    );
    // 03:00 UTC is still 1 December in New York.
    expect(closed.closes).toEqual({ ended: true, on: '2026-12-01' });
    expect(closed.retention).toContain('will be deleted 30 days after closing, on 31 December 2026.');
    expect(closed.state).toBe('Closed: the therapist closed it');
  });

  it('says while open when it closes and how long its data will be kept after that', () => {
    const open = recordOf(detail({ retentionDays: 365 }), { id: READER }, '2026-11-22');
    expect(open.closes).toEqual({ ended: false, on: '2027-03-06' });
    expect(open.retention).toContain('is kept for 365 days and then deleted');
  });

  it('sorts the timeline oldest first, whatever order the store gave', () => {
    const events = [
      { at: '2026-11-21T15:00:00.000Z', type: 'accepted' },
      { at: '2026-11-20T15:00:00.000Z', type: 'invited' },
    ];
    expect(recordOf(detail({}, events), { id: READER }, '2026-11-22').timeline).toEqual([
      { on: '2026-11-20', text: 'Invitation sent to Sam Lee' },
      { on: '2026-11-21', text: 'Sam Lee accepted' },
    ]);
  });
});

describe('the record as a document', () => {
  const evil = '<img src=x onerror=alert(1)> & "Sam"';
  const html = renderRecordPage(
    recordOf(
      detail({
        client: { name: evil, email: 'sam@client.example' },
        rules: { invitationNote: 'Line one\n<b>line two</b>', referrals: [{ name: '<i>Help</i>', contact: '555' }] },
      }),
      { id: READER },
      '2026-11-22',
    ),
  );

  it('escapes the client’s name, the notes and the referrals wherever they appear', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>line two');
    expect(html).not.toContain('<i>Help');
    expect(html).toContain(
      '<title>Record of the arrangement with &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Sam&quot;</title>',
    );
    expect(html).toContain('<blockquote>Line one<br>&lt;b&gt;line two&lt;/b&gt;</blockquote>');
    expect(html).toContain('<li>&lt;i&gt;Help&lt;/i&gt;: 555</li>');
  });

  it('carries exactly the one stylesheet its content security policy allows', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(RECORD_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/ style=|<script/);
  });

  it('never gives the client’s address', () => {
    expect(html).not.toContain('sam@client.example');
  });
});
