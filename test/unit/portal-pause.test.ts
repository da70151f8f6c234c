/** Pausing in the portal's words: what the client is told, what is sent, and the service's answers beside their fields. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../shared/domain/policy.js';
import {
  emptyPause,
  pauseBody,
  pauseCopy,
  pausedDone,
  pausedSentence,
  pauseProblems,
  pauseProblemsBefore,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/pause-text.js';
// @ts-ignore typed by tsconfig.portal.json
import { stateSentence } from '../../web/portal/policy-text.js';
// @ts-ignore typed by tsconfig.portal.json
import type { PolicyDetail } from '../../web/portal/types.js';

function policy(changes: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    id: 'p-1',
    state: 'active',
    closedReason: null,
    client: { name: 'Sam', email: 'sam@example.com' },
    rules: resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York' }),
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
    pause: null,
    updates: [],
    checkInMessage: null,
    history: [],
    upcoming: [],
    undelivered: 0,
    undeliverable: 0,
    ...changes,
  };
}

const paused = (until: string | null, note: string | null = null) =>
  policy({ state: 'paused', pause: { until, note } });

describe('asking before a pause', () => {
  it('says plainly what the client will get, and until when the pause may run', () => {
    const copy = pauseCopy(policy());
    expect(copy.text).toContain('Sam will get one email saying it is paused, until when, and that nothing is lost.');
    expect(copy.untilHelp).toContain('Any day from tomorrow to 6 March 2027, the closing date');
    expect(copy.noteLabel).toBe('A note to Sam (optional)');
    expect(copy.noteHelp).toBe('Sent with the email and shown on their page. Up to 1,000 characters.');
  });

  it('does not promise an email that cannot reach the client', () => {
    const copy = pauseCopy(policy({ clientEmailSuppressed: true }));
    expect(copy.text).not.toContain('will get one email');
    expect(copy.text).toContain('only their page will say it is paused');
    expect(copy.noteHelp).toMatch(/^Shown on their page\./);
  });

  it('sends empty fields as none, and the note trimmed', () => {
    expect(pauseBody(emptyPause())).toEqual({ until: null, note: null });
    expect(pauseBody({ until: '2026-12-10', note: '  Away for two weeks. \n', problems: {} })).toEqual({
      until: '2026-12-10',
      note: 'Away for two weeks.',
    });
  });

  it('finds a note that is too long before sending, counted as the service counts it', () => {
    expect(pauseProblemsBefore({ ...emptyPause(), note: `${'x'.repeat(1000)}  ` })).toEqual({});
    expect(pauseProblemsBefore({ ...emptyPause(), note: 'x'.repeat(1001) }).note).toBe(
      'The note is 1,001 characters. Please keep it to 1,000 or fewer.',
    );
  });
});

describe('the service’s answers, beside their field', () => {
  it('puts the service’s own sentence about the end date beside the date', () => {
    const detail = 'A pause can end from tomorrow until the day before the arrangement closes on 6 March 2027.';
    const errors = [{ path: 'until', message: 'Choose a day after today and before the closing date.' }];
    expect(pauseProblems({ status: 400, detail, errors })).toEqual({ until: detail });
  });

  it('words a developer’s message for people, field by field', () => {
    const errors = [
      { path: 'until', message: 'Expected a date as YYYY-MM-DD.' },
      { path: 'note', message: 'Too big: expected string to have <=1000 characters' },
    ];
    expect(pauseProblems({ status: 400, detail: 'The request body has 2 problems: …', errors })).toEqual({
      until: 'Enter a complete date, or leave it empty.',
      note: 'Please keep the note to 1,000 characters or fewer.',
    });
  });

  it('keeps anything else for the whole form', () => {
    expect(pauseProblems({ status: 409, detail: 'This policy is closed, so it cannot be paused.' })).toEqual({
      form: 'This policy is closed, so it cannot be paused.',
    });
    expect(pauseProblems({ status: 400, detail: 'The body is not valid JSON.', errors: [] })).toEqual({
      form: 'The body is not valid JSON.',
    });
    expect(pauseProblems({}).form).toBe('The pause did not work. Please try again.');
  });
});

describe('a paused arrangement in words', () => {
  it('says until when, and that it opens again by itself', () => {
    expect(stateSentence(paused('2026-12-10'))).toBe(
      'Paused until Thursday 10 December 2026. Sam cannot send updates, and no reminders go out; it opens again by itself that morning, or sooner if you resume.',
    );
    expect(pausedSentence(paused(null))).toBe(
      'Paused. Sam cannot send updates, and no reminders go out, until you resume.',
    );
  });

  it('announces the pause with the email the client was sent, when one could be', () => {
    expect(pausedDone(paused('2026-12-10', 'Away.'))).toBe(
      'Paused until 10 December 2026. Sam has been sent one email about it.',
    );
    expect(pausedDone({ ...paused(null), clientEmailSuppressed: true })).toBe('Paused.');
  });
});
