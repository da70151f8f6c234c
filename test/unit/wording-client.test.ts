import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideCheckIn, decideUpdate, type Decision } from '../../shared/domain/enforcement.js';
import type { Policy } from '../../shared/domain/policy.js';
import { renderEmail } from '../../shared/emails/render.js';
import { renderClientPage, renderStopPage } from '../../functions/pages/client-page.js';
import { clientView } from '../../shared/use-cases/views.js';
import * as client from '../../shared/wording/client.js';
import * as therapist from '../../shared/wording/therapist.js';
import { sentences } from '../../shared/wording/format.js';
import { makePolicy, type PolicyOverrides } from '../support/policy-factory.js';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const LINKS = { page: 'https://afterword.example/c/tok', stop: 'https://afterword.example/c/tok/stop' };
const REFERRALS = [{ name: 'Riverside Counselling', contact: '555-0100' }];

const policyWith = (overrides: PolicyOverrides = {}) =>
  makePolicy({ ...overrides, rules: { referrals: REFERRALS, ...overrides.rules } });
const page = (policy: Policy, today: string) =>
  renderClientPage(clientView(policy, today), { token: TOKEN, idempotencyKey: 'k' });
const email = (kind: Parameters<typeof renderEmail>[0], policy: Policy, today: string) =>
  renderEmail(kind, { policy, data: {}, today, links: LINKS, portalUrl: 'https://afterword.example/portal' }).text;
const refusalText = (d: Decision) => (d.outcome === 'refused' ? d.refusal.message : '');

describe('sentences', () => {
  it('joins whole sentences with one space and leaves out those that do not apply', () => {
    expect(sentences('One.', null, 'Two.', undefined, '', 'Three.')).toBe('One. Two. Three.');
    expect(sentences(null, '')).toBe('');
  });
});

describe('why sending is not open', () => {
  const cases: [string, PolicyOverrides, string, string][] = [
    [
      'invited',
      { state: 'invited', acceptedAt: null },
      'Updates open once you accept the arrangement.',
      'Messages open once you accept the arrangement.',
    ],
    [
      'paused',
      { state: 'paused' },
      'Your therapist has paused updates for the moment. Nothing you wrote is lost.',
      'Your therapist has paused messages for the moment. Nothing you wrote is lost.',
    ],
    [
      'declined',
      { state: 'declined', closedReason: 'declined', acceptedAt: null },
      'You chose not to take part in this arrangement, so updates are not open.',
      'You chose not to take part in this arrangement, so messages are not open.',
    ],
    [
      'stopped by the client',
      { state: 'closed', closedReason: 'opted-out' },
      'You stopped all emails for this arrangement, so it has ended and updates can no longer be sent.',
      'You stopped all emails for this arrangement, so it has ended and messages can no longer be sent.',
    ],
    [
      'closed',
      { state: 'closed', closedReason: 'closing-date' },
      'This arrangement has come to its end, so updates can no longer be sent.',
      'This arrangement has come to its end, so messages can no longer be sent.',
    ],
  ];

  it.each(cases)('says it for updates and for the check-in message when %s', (_, overrides, updates, messages) => {
    const policy = makePolicy(overrides);
    expect(client.updatesNotOpen(policy)).toBe(updates);
    expect(client.checkInMessageNotOpen(policy)).toBe(messages);
    // A refused update while paused also says when it can go, if some day still can take it.
    const promise = policy.state === 'paused' ? ' You can send it once updates open again.' : '';
    expect(refusalText(decideUpdate(policy, '2026-11-25', 'Hello.'))).toBe(`${updates}${promise}`);
    expect(refusalText(decideCheckIn(policy, '2027-02-21', 'Hello.'))).toBe(messages);
  });

  it('says nothing while the arrangement is active', () => {
    expect(client.updatesNotOpen(makePolicy())).toBe('');
    expect(client.checkInMessageNotOpen(makePolicy())).toBe('');
  });
});

describe('one wording on the page and in the emails', () => {
  const today = '2027-02-21';

  it('says the check-in message is not an update the same way everywhere', () => {
    const policy = policyWith();
    expect(page(policy, today)).toContain(client.NOT_AN_UPDATE);
    expect(email('check-in-day', policy, today)).toContain(client.NOT_AN_UPDATE);
    expect(email('check-in-reminder', policy, '2027-02-13')).toContain(client.NOT_AN_UPDATE);
    expect(client.describeCheckIn(policy.rules)).toContain(client.NOT_AN_UPDATE);
  });

  it('says a skipped check-in is fine in the same words', () => {
    const policy = policyWith({ checkIn: 'skipped' });
    expect(page(policy, '2026-12-03')).toContain(client.CHECK_IN_SKIPPED);
    expect(email('acceptance', policy, '2026-12-03')).toContain(client.CHECK_IN_SKIPPED);
  });

  it('introduces the referrals and signs off alike', () => {
    const policy = policyWith({ state: 'closed', closedReason: 'opted-out', closedAt: '2026-12-03T14:00:00.000Z' });
    const stop = renderStopPage(clientView(policy, '2026-12-03'), { token: TOKEN, done: true, opensPage: true });
    const mail = email('opted-out', policy, '2026-12-03');
    for (const words of [
      client.referrals.intro('Dana Reyes'),
      client.sentOnBehalfOf('Dana Reyes'),
      client.TAKE_CARE,
      client.ALL_EMAILS_STOPPED,
    ]) {
      expect(stop).toContain(words);
      expect(mail).toContain(words);
    }
  });

  it('gives the next date for an update in the same words on the page and in a refusal', () => {
    const policy = policyWith({ updatesAccepted: 1, lastUpdateOn: '2026-11-25' });
    const words = client.nextUpdateFrom('2026-12-02');
    expect(page(policy, '2026-11-28')).toContain(words);
    expect(refusalText(decideUpdate(policy, '2026-11-28', 'Hello.'))).toBe(words);
  });
});

describe('the page notices', () => {
  it('has one notice for each place an action redirects to', () => {
    expect(Object.keys(client.DONE_NOTICES).sort()).toEqual([
      'accepted',
      'check-in',
      'declined',
      'restored',
      'skipped',
      'update',
    ]);
  });
});

/** Every piece of text a wording module exports as a value (functions are checked through their use). */
function constantTexts(module: Record<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  const walk = (path: string, value: unknown) => {
    if (typeof value === 'string') found.push([path, value]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${path}.${k}`, v);
  };
  for (const [k, v] of Object.entries(module)) walk(k, v);
  return found;
}

describe('the wording modules', () => {
  it.each([...constantTexts(client), ...constantTexts(therapist)])('%s is tidy text', (_, text) => {
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/ {2}|\s[.,;:]/);
  });

  it('are pure: they import only each other and the domain', () => {
    const root = join(import.meta.dirname, '..', '..', 'shared', 'wording');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const [, spec = ''] of source.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${file} imports a package`).toMatch(/^\./);
        const target = relative(join(root, '..'), join(root, file, '..', spec));
        expect(target, `${file} imports ${spec}`).toMatch(/^(wording|domain)\//);
      }
    }
  });
});
