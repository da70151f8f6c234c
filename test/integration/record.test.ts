/**
 * The printable record over HTTP, on DynamoDB Local: the rules as the client was told them,
 * every message and reply with its date, the timeline and the retention, as one escaped HTML
 * document with strict headers; only for the arrangement's own therapist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App, type TestResponse } from '../support/harness.js';

const FIRST = 'The new job started.\nThe walks are helping.';
const SECOND = 'I tried <script>alert("hi")</script> & <b>bold</b> things.';
const REPLY = 'I am glad to hear it, Robin.';

/** The story is set up before the tests: a step that fails stops it there, saying which. */
function must(res: TestResponse, status: number, step: string): TestResponse {
  if (res.status !== status) throw new Error(`${step} answered ${res.status}: ${res.text}`);
  return res;
}

describe('the printable record', () => {
  let app: App;
  let token: string;
  let policyId: string;
  let record: TestResponse;

  /** An arrangement with a little of everything: a note, a referral, two updates, a reply, a pause, a close. */
  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.okafor'), 'Dr. Ada Okafor');
    const client = uniqueEmail('robin');
    const created = await app.request('POST', '/policies', {
      token,
      body: {
        client: { name: 'Robin', email: client },
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        replies: 'may-reply',
        referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
        invitationNote: 'It was good to work with you.',
      },
    });
    policyId = must(created, 201, 'creating').json.id;
    const link = await app.linkFor(client);
    must(await app.request('POST', `/client/${link}/accept`), 200, 'accepting');
    must(await app.request('POST', `/client/${link}/updates`, { body: { text: FIRST } }), 201, 'the first update');
    app.clock.set(new Date('2026-11-21T15:00:00Z'));
    const reply = await app.request('POST', `/policies/${policyId}/replies`, {
      token,
      body: { inReplyTo: { update: 1 }, text: REPLY },
    });
    must(reply, 201, 'the reply');
    app.clock.set(new Date('2026-11-27T15:00:00Z'));
    must(await app.request('POST', `/client/${link}/updates`, { body: { text: SECOND } }), 201, 'the second update');
    must(
      await app.request('POST', `/policies/${policyId}/pause`, { token, body: { until: '2026-12-10' } }),
      200,
      'pausing',
    );
    must(await app.request('POST', `/policies/${policyId}/resume`, { token }), 200, 'resuming');
    must(await app.request('POST', `/policies/${policyId}/close`, { token }), 200, 'closing');
    record = await app.request('GET', `/policies/${policyId}/record`, { token });
  });
  afterAll(() => app.close());

  /** The document's text without tags, for sentences that span an element. */
  const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('answers an HTML document that no cache keeps, no referrer follows and no script runs in', () => {
    expect(record.status).toBe(200);
    expect(record.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(record.headers.get('cache-control')).toBe('no-store');
    expect(record.headers.get('referrer-policy')).toBe('no-referrer');
    expect(record.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = record.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
  });

  it('is one titled, English document with one h1 and its landmarks, and print rules', () => {
    const html = record.text;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Record of the arrangement with Robin</title>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Record of the arrangement with Robin</h1>');
    for (const landmark of ['<header>', '<main>', '<footer>']) expect(html).toContain(landmark);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img|<form|<iframe/i);
  });

  it('gives the rules in the very sentences the client read, with the note and the referrals', () => {
    const text = plain(record.text);
    expect(text).toContain('The rules, as Robin was last told them');
    expect(text).toContain(
      'You may send up to 3 short updates between 20 November 2026 and 1 January 2027, at least 7 days apart, each up to 1,000 characters.',
    );
    expect(text).toContain('Dr. Ada Okafor reads every update and may reply.');
    expect(text).toContain('The arrangement ends on');
    expect(text).toContain('It was good to work with you.');
    expect(text).toContain('Riverside Counselling: 555-0100');
  });

  it('holds every message in the client’s words, each reply under it, all with their dates', () => {
    const html = record.text;
    expect(html).toContain('<h3>Update 1, sent 20 November 2026</h3>');
    // The writer's line break is kept, also without the stylesheet.
    expect(html).toContain('<blockquote>The new job started.<br>The walks are helping.</blockquote>');
    expect(html).toContain('Reply, sent 21 November 2026');
    expect(html).toContain(`<blockquote class="reply">${REPLY}</blockquote>`);
    expect(html).toContain('<h3>Update 2, sent 27 November 2026</h3>');
    expect(html.indexOf('Update 1, sent')).toBeLessThan(html.indexOf('Update 2, sent'));
  });

  it('escapes what the client wrote: a script in a message is only ever text', () => {
    const html = record.text;
    expect(html).toContain(
      'I tried &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; things.',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>bold');
  });

  it('tells the timeline in plain words, each entry with its day, oldest first', () => {
    const rows = [
      ...record.text.matchAll(/<tr><td><time datetime="([\d-]+)">[^<]+<\/time><\/td><td>([^<]+)<\/td><\/tr>/g),
    ];
    expect(rows.map(([, on, what]) => [on, what])).toEqual([
      ['2026-11-20', 'Invitation sent to Robin'],
      ['2026-11-20', 'Robin accepted'],
      ['2026-11-20', 'Update 1 received'],
      ['2026-11-21', 'A reply was sent to update 1'],
      ['2026-11-27', 'Update 2 received'],
      ['2026-11-27', 'Paused until 10 December 2026'],
      ['2026-11-27', 'Resumed'],
      ['2026-11-27', 'Closed: the therapist closed it'],
    ]);
    expect(record.text).toContain('<th scope="col">What happened</th>');
  });

  it('says how long the data is kept, and the day it is deleted', () => {
    expect(plain(record.text)).toContain(
      'Its data, including every update, will be deleted 90 days after closing, on 25 February 2027.',
    );
  });

  it('says for an open arrangement how long its data will be kept once it ends', async () => {
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Sam', email: uniqueEmail('sam') }, endedOn: '2026-11-27', timeZone: 'America/New_York' },
    });
    const open = await app.request('GET', `/policies/${created.json.id}/record`, { token });
    expect(open.status).toBe(200);
    const text = plain(open.text);
    expect(text).toContain('Once the arrangement has ended, its data, including every message, is kept for 90 days');
    expect(text).toContain('Sam sent no updates and no check-in message.');
    expect(text).toContain('Invited: waiting for an answer');
  });

  it.each([
    ['another therapist of the same practice', {}],
    ['a therapist of another practice', { practice: 'other' }],
    ['an admin of another practice', { practice: 'other', role: 'admin' as const }],
  ])('answers 404 problem+json to %s, as if there were no such arrangement', async (_who, options) => {
    const stranger = await app.signIn(uniqueEmail('dr.stranger'), 'Dr. Sol Stranger', options);
    const res = await app.request('GET', `/policies/${policyId}/record`, { token: stranger });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 404, type: '/problems/not-found' });
    expect(res.text).not.toContain('Robin');
  });

  it('answers 401 problem+json without a sign-in, and 404 to an id that is not one', async () => {
    const unsigned = await app.request('GET', `/policies/${policyId}/record`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('content-type')).toContain('application/problem+json');
    expect((await app.request('GET', '/policies/not-an-id/record', { token })).status).toBe(404);
  });
});
