/**
 * A client's update over HTTP while SES misbehaves, on DynamoDB Local and the SES emulator
 * behind the fault proxy (driven through /local/ses-faults, as with `SES_FAULTS=… npm start`).
 * Whatever SES does, the update is accepted and answered within a few seconds; what could not
 * be sent at once stays due, and the dispatcher sends it once SES is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { REQUEST_LIMITS } from '../../functions/call-limits.js';
import { startSesFaultProxy, type SesFaultProxy } from '../../local/ses-fault-proxy.js';
import { SEND_NOW_MS } from '../../shared/use-cases/deliver.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

/** "A few seconds": the send-now deadline plus the commit and the retry's write, with room for a busy machine. */
const ANSWER_WITHIN_MS = SEND_NOW_MS + 2_000;

let proxy: SesFaultProxy;
const running: App[] = [];

beforeAll(async () => {
  proxy = await startSesFaultProxy({ target: inject('sesSendEndpoint') });
});
afterAll(() => proxy.close());
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

interface Accepted {
  app: App;
  token: string;
  policyId: string;
  clientToken: string;
  therapist: string;
  client: string;
  /** Emails the client had before the update (the invitation, the acceptance). */
  clientHad: number;
}

/** A fresh service (sending through the proxy, SES well) with one accepted arrangement. */
async function accepted(): Promise<Accepted> {
  const app = await startApp({ now: '2026-11-20T15:00:00Z', sesFaults: proxy });
  running.push(app);
  await fault(app, 'pass');
  const therapist = uniqueEmail('dr.okoye');
  const client = uniqueEmail('lee');
  const token = await app.signIn(therapist, 'Dr. Ada Okoye');
  // The words by email, so each copy of an update can be told apart.
  await app.request('PUT', '/profile', { token, body: { notifications: 'full-text' } });
  const created = await app.request('POST', '/policies', {
    token,
    body: { client: { name: 'Lee', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
  });
  const clientToken = await app.linkFor(client);
  await app.request('POST', `/client/${clientToken}/accept`);
  const clientHad = (await app.mailTo(client)).length;
  return { app, token, policyId: created.json.id, clientToken, therapist, client, clientHad };
}

async function fault(app: App, spec: string) {
  const res = await app.request('POST', '/local/ses-faults', { body: { fault: spec } });
  expect(res.status).toBe(200);
}

/** Posts an update and says how long the answer took. */
async function timedUpdate(j: Accepted, text: string) {
  const started = Date.now();
  const res = await j.app.request('POST', `/client/${j.clientToken}/updates`, { body: { text } });
  return { res, ms: Date.now() - started };
}

/** The therapist's copies of this update, and the client's receipts (all the client got since). */
async function delivered(j: Accepted, text: string) {
  const toTherapist = (await j.app.mailTo(j.therapist)).filter((m) => m.text.includes(text)).length;
  const receipts = (await j.app.mailTo(j.client)).length - j.clientHad;
  return { toTherapist, receipts };
}

/** An hour later (past the first retry's minute), the dispatcher runs. */
async function dispatchLater(j: Accepted) {
  j.app.clock.advanceDays(1 / 24);
  const res = await j.app.dispatch();
  expect(res.status).toBe(200);
  return res.json as { outcomes: Record<string, number> };
}

async function policy(j: Accepted) {
  const res = await j.app.request('GET', `/policies/${j.policyId}`, { token: j.token });
  return res.json as { undelivered: number; history: { type: string }[] };
}

describe('a client update while SES misbehaves', () => {
  it.each([
    ['down', 'SES cannot be reached (connection refused)'],
    ['internal-failure', 'SES answers 500 InternalFailure'],
  ])('%s: %s — accepted at once, sent by the dispatcher once SES is back, exactly once', async (spec) => {
    const j = await accepted();
    const text = `While SES is ${spec}, the week went well.`;
    await fault(j.app, spec);
    const { res, ms } = await timedUpdate(j, text);
    expect(res.status).toBe(201);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(await delivered(j, text)).toEqual({ toTherapist: 0, receipts: 0 });
    expect((await policy(j)).undelivered).toBe(2);

    await fault(j.app, 'pass');
    expect((await dispatchLater(j)).outcomes.done).toBe(2);
    await dispatchLater(j);
    expect(await delivered(j, text)).toEqual({ toTherapist: 1, receipts: 1 });
    expect((await policy(j)).undelivered).toBe(0);
  });

  it('hang: SES never answers — the update is answered once the send times out, and sent later, once', async () => {
    const j = await accepted();
    const text = 'While SES hangs, the walks are helping.';
    await fault(j.app, 'hang');
    const { res, ms } = await timedUpdate(j, text);
    expect(res.status).toBe(201);
    // Only a timeout ends a send that is never answered: the attempt's own, or the send-now deadline.
    expect(ms).toBeGreaterThanOrEqual(Math.min(REQUEST_LIMITS.ses.requestMs, SEND_NOW_MS));
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(await delivered(j, text)).toEqual({ toTherapist: 0, receipts: 0 });

    await fault(j.app, 'pass');
    expect((await dispatchLater(j)).outcomes.done).toBe(2);
    await dispatchLater(j);
    expect(await delivered(j, text)).toEqual({ toTherapist: 1, receipts: 1 });
  });

  it('lose: SES accepts the emails but the answers are lost — answered in time, delivered, not dead-lettered', async () => {
    const j = await accepted();
    const text = 'While the answers get lost, I found a new routine.';
    await fault(j.app, 'lose');
    const { res, ms } = await timedUpdate(j, text);
    expect(res.status).toBe(201);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    // SES has both emails; the service cannot know, so they stay due ("outcome unknown").
    expect(await delivered(j, text)).toEqual({ toTherapist: 1, receipts: 1 });
    expect((await policy(j)).undelivered).toBe(2);

    await fault(j.app, 'pass');
    expect((await dispatchLater(j)).outcomes.done).toBe(2);
    await dispatchLater(j);
    // What the retry does: it sends each email again, so each person has two copies. Nothing
    // recorded that SES accepted them (its answer never came): this is the one remaining
    // duplicate window (README, "Why these choices": "The one remaining window", and
    // "Timeouts, and when SES misbehaves"), at least once, never lost. The SDK itself never
    // repeats such a request (test/integration/ses-mailer.test.ts).
    expect(await delivered(j, text)).toEqual({ toTherapist: 2, receipts: 2 });
    const after = await policy(j);
    expect(after.undelivered).toBe(0);
    expect(after.history.map((h) => h.type)).not.toContain('delivery-failed');
  });
});

describe('the fault control route', () => {
  it('says what the proxy is set to, takes one-off faults, and refuses unknown ones', async () => {
    const app = await startApp({ sesFaults: proxy });
    running.push(app);
    await fault(app, 'pass');
    const once = await app.request('POST', '/local/ses-faults', { body: { fault: 'throttled', times: 2 } });
    expect(once.json).toMatchObject({ standing: 'pass', queued: ['throttled', 'throttled'], down: false });
    await fault(app, 'delay:250');
    expect((await app.request('GET', '/local/ses-faults')).json).toMatchObject({ standing: 'delay:250', queued: [] });
    const unknown = await app.request('POST', '/local/ses-faults', { body: { fault: 'explode' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toContain('internal-failure');
    await fault(app, 'pass');
  });

  it('is not there without a proxy, and says how to start one', async () => {
    const app = await startApp();
    running.push(app);
    const res = await app.request('GET', '/local/ses-faults');
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain('SES_FAULTS=');
  });
});
