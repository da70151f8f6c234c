/**
 * Bad input, over HTTP, on every route: arbitrary bodies, content types, headers, path
 * parameters and credentials. Whatever arrives, the service answers calmly: never a 5xx,
 * never a stack trace, a problem document (RFC 9457) for every 4xx from the JSON API, and
 * nothing lost or changed on a real policy that sits in the same table.
 *
 * Requests go through fetch directly (not app.request) so a body can be sent with no
 * content-type at all: fetch adds text/plain to string bodies, but not to byte bodies.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDef } from '../../functions/http/routes.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  contentType: string;
  allow: string | null;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the service answered
}

const KB = 1024;
const STACK_TRACE = /at .*\.(ts|js):\d+/;
const BARE_ERROR = /Error:/;

/** encodeURIComponent, which throws on lone surrogates: those become U+FFFD first. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Everything the request itself said, in the forms a service might echo back (decoded
 * form fields, parsed JSON keys). A response may repeat the caller's own words, e.g. a
 * kept draft or an unknown key's name; only text the caller did not send counts as a leak.
 */
function inputMaterial(req: Sent): string {
  const parts = [req.path, safeDecode(req.path), ...Object.values(req.headers)];
  if (req.body !== undefined) {
    parts.push(req.body, safeDecode(req.body));
    for (const [k, v] of new URLSearchParams(req.body)) parts.push(k, v);
    try {
      parts.push(JSON.stringify(JSON.parse(req.body)));
    } catch {
      // not JSON: the raw forms above are all there is
    }
  }
  return parts.join('\n');
}

const isPagePath = (path: string) => path.startsWith('/c/');

/** The property every answer must have, whatever was sent. */
function expectCalmAnswer(req: Sent, res: Answer) {
  const where = `${req.method} ${req.path.slice(0, 200)}`;
  expect(res.status, `${where} answered ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400 && !isPagePath(req.path)) {
    expect(res.contentType, `${where} ${res.status} content-type`).toMatch(/^application\/problem\+json/);
    expect(res.json, `${where} ${res.status} body: ${res.text.slice(0, 300)}`).toEqual(
      expect.objectContaining({
        status: res.status,
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      }),
    );
  }
  if (res.status === 405) expect(res.allow, `${where} 405 without Allow`).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
  const material = inputMaterial(req);
  if (!STACK_TRACE.test(material)) expect(res.text, `${where} leaked a stack trace`).not.toMatch(STACK_TRACE);
  if (!BARE_ERROR.test(material)) expect(res.text, `${where} leaked an error message`).not.toMatch(BARE_ERROR);
}

// ---------------------------------------------------------------------------------------
// Arbitraries

const printableAscii = (maxLength: number, minLength = 0) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength, maxLength });

/** Segments that URL parsers, decoders and key lookups each find interesting in their own way. */
const oddSegment = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  '%0A',
  '%2F',
  '%2Fetc%2Fpasswd',
  '%252F',
  '%20',
  '+',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  '0',
  '-1',
  '1e309',
  '*',
  '%2A',
  '$default',
);

/** Around the 64 KB limit, in one-, two- and four-byte characters (and NUL). */
const hugeString = fc
  .tuple(fc.integer({ min: 60 * KB, max: 70 * KB }), fc.constantFrom('a', 'é', '🌿', '\u0000', '{', '"'))
  .map(([bytes, ch]) => ch.repeat(Math.ceil(bytes / Buffer.byteLength(ch))));
/**
 * Huge JSON. A `text` that fits under 64 KB is only sent over the limit here: a long text
 * under the limit currently exhausts the test process's memory while its characters are
 * counted (see "refuses a 60,000-character update..." below), which would take every
 * other test in this file down with it. Under the limit, the bulk goes in another field.
 */
const hugeJson = fc.oneof(
  fc.integer({ min: 64 * KB, max: 70 * KB }).map((n) => JSON.stringify({ text: 'x'.repeat(n) })),
  fc.integer({ min: 60 * KB, max: 70 * KB }).map((n) => JSON.stringify({ text: 'short', pad: 'x'.repeat(n) })),
  fc
    .integer({ min: 6 * KB, max: 7 * KB })
    .map((n) => JSON.stringify({ text: ['x'.repeat(10)].concat(Array.from({ length: n }, () => 'y')) })),
);
const exactlyAtTheLimit = fc
  .constantFrom(64 * KB - 1, 64 * KB, 64 * KB + 1)
  .map((bytes) => `{"pad":"${'y'.repeat(bytes - 10)}"}`);

/** Deeply nested JSON, valid and (cut short) invalid. */
const deepJson = fc
  .tuple(
    fc.integer({ min: 1, max: 20_000 }),
    fc.constantFrom(['[', ']'], ['{"a":', '}'], ['{"text":', '}'], ['{"updates":', '}'], ['{"client":', '}']),
    fc.boolean(),
  )
  .map(
    ([depth, [open, close], complete]) =>
      open.repeat(depth) + '1' + close.repeat(complete ? depth : Math.floor(depth / 2)),
  );

const formBody = fc
  .dictionary(
    fc.constantFrom('text', 'idempotencyKey', 'List-Unsubscribe', 'action', '__proto__', ''),
    fc.string({ unit: 'binary', maxLength: 200 }),
    {
      maxKeys: 4,
    },
  )
  .map((fields) => new URLSearchParams(Object.entries(fields)).toString());

/** Bodies shaped like a client message, with arbitrary contents. */
const nearMessage = fc
  .record(
    {
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      '[]',
      '{}',
      '""',
      '0',
      'true',
      '{',
      '{"text":',
      '\u0000',
      '\ufeff{}',
      '{"text":"a"}garbage',
    ),
  },
  { weight: 4, arbitrary: fc.json({ stringUnit: 'binary', maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.json({ stringUnit: 'grapheme', maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 2, arbitrary: printableAscii(300) },
  { weight: 3, arbitrary: nearMessage },
  { weight: 2, arbitrary: formBody },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: hugeJson },
  { weight: 1, arbitrary: exactlyAtTheLimit },
  { weight: 1, arbitrary: deepJson },
);

const contentTypeArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/problem+json',
      'application/vnd.api+json',
      'application/jsonp',
      'application/json-seq',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/xml',
      '*/*',
      ';',
      'json',
      '',
    ),
  },
  { weight: 1, arbitrary: printableAscii(120) },
);

const idempotencyKeyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: printableAscii(250, 1) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: 199, max: 3000 }).map((n) => 'k'.repeat(n)) },
);

const queryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'accepted',
        'declined',
        'update',
        'check-in',
        'skipped',
        '',
        '__proto__',
        'constructor',
        'toString',
        'valueOf',
        'hasOwnProperty',
      )
      .map((d) => `?done=${d}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `?done=${encode(s)}`) },
  { weight: 1, arbitrary: printableAscii(100).map((s) => `?${s}`) },
);

const methodFor = (route: RouteDef) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(route.method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  );

/** A path parameter: the real one (null), or anything else a caller could put there. */
const paramArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map(encode) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encode) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80 }).map(encode) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
  { weight: 1, arbitrary: fc.uuid() },
  // DynamoDB refuses partition keys over 2 KB: an id that long must still be a plain 404.
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 3000 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: oddSegment },
);

const actionArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('accept', 'decline', 'stop', 'update', 'check-in', 'skip-check-in') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encode) },
  { weight: 1, arbitrary: oddSegment },
);

/**
 * Requests that only read the policy under watch, or ask it for something its rules refuse
 * today (an update too soon, a check-in months early). Everything else a real link or id
 * can do (pause, close, reissue, opt out, a one-click stop, PATCH...) is a legitimate
 * request whatever its body says, so there the "real" parameters point at a spare policy
 * and the policy under watch only ever receives bad input. The method must match too:
 * GET /c/{token}/stop sent as POST is the one-click stop.
 */
const READS_OR_REFUSED_ON_WATCHED = new Set([
  'GET /policies/{id}',
  'GET /policies/{id}/export',
  'GET /client/{token}',
  'POST /client/{token}/updates',
  'POST /client/{token}/check-in',
  'GET /c/{token}',
  'GET /c/{token}/stop',
]);
const REFUSED_PAGE_ACTIONS = new Set(['update', 'check-in']);

interface Fixture {
  therapistToken: string;
  watched: { id: string; token: string };
  spare: { id: string; token: string };
}

function authArb(therapistToken: string): fc.Arbitrary<string | undefined> {
  const [payload, signature] = therapistToken.split('.') as [string, string];
  const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
  const forged = Buffer.from(JSON.stringify({ sub: 'someone-else', email: 'x@example.com', name: 'X' })).toString(
    'base64url',
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(`Bearer ${therapistToken}`) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Bearer garbage',
        'Bearer ',
        'Bearer',
        'Bearer .',
        'Bearer a.b.c',
        'Basic dXNlcjpwYXNz',
        `Bearer ${payload}.${flipped}`,
        `Bearer ${forged}.${signature}`,
        `Bearer ${payload}`,
        `Bearer ${therapistToken}x`,
        `Token ${therapistToken}`,
        therapistToken,
      ),
    },
    { weight: 1, arbitrary: printableAscii(200).map((s) => `Bearer ${s}`) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1000, max: 3000 }).map((n) => `Bearer ${'z'.repeat(n)}.${'y'.repeat(43)}`),
    },
  );
}

/** A request to one route with everything but its shape arbitrary. */
function requestFor(route: RouteDef, fx: Fixture): fc.Arbitrary<Sent> {
  const key = `${route.method} ${route.path}`;
  return fc
    .record({
      method: methodFor(route),
      id: paramArb,
      token: paramArb,
      action: actionArb,
      query: queryArb,
      body: bodyArb,
      contentType: contentTypeArb,
      idempotencyKey: idempotencyKeyArb,
      authorization: authArb(fx.therapistToken),
    })
    .map((r) => {
      const onWatched =
        r.method === route.method &&
        (READS_OR_REFUSED_ON_WATCHED.has(key) ||
          (key === 'POST /c/{token}/{action}' && REFUSED_PAGE_ACTIONS.has(r.action)));
      const real = onWatched ? fx.watched : fx.spare;
      const path = route.path
        .replace('{id}', r.id ?? real.id)
        .replace('{token}', r.token ?? real.token)
        .replace('{action}', r.action);
      const headers: Record<string, string> = {};
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.contentType !== undefined) headers['content-type'] = r.contentType;
      if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
      const sent: Sent = { method: r.method, path: r.method === 'GET' ? path + r.query : path, headers };
      if (r.method !== 'GET' && r.body !== undefined) sent.body = r.body;
      return sent;
    });
}

// ---------------------------------------------------------------------------------------

describe('bad input on every route', () => {
  let app: App;
  let fx: Fixture;
  let watchedBefore: { detail: unknown; status: unknown; clientMails: number };
  const therapist = { email: uniqueEmail('dr.fuzz'), name: 'Dr. Jo Marsh' };
  const watchedClient = { email: uniqueEmail('watched'), name: 'Kim Watched' };
  const spareClient = { email: uniqueEmail('spare'), name: 'Lee Spare' };
  const keptWords = 'These are the words that must still be here at the end.';

  async function send(req: Sent): Promise<Answer> {
    const res = await fetch(`${app.baseUrl}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body === undefined ? undefined : new TextEncoder().encode(req.body),
      redirect: 'manual',
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      allow: res.headers.get('allow'),
      text,
      json,
    };
  }

  const runs = (numRuns: number) => ({ numRuns });

  const newPolicy = (client: { email: string; name: string }) =>
    app.request('POST', '/policies', {
      token: fx.therapistToken,
      body: {
        client,
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        updates: { limit: 3, minDaysBetween: 7 },
        referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
      },
    });

  async function snapshotWatched() {
    const detail = await app.request('GET', `/policies/${fx.watched.id}`, { token: fx.therapistToken });
    const status = await app.request('GET', `/client/${fx.watched.token}`);
    return { detail: detail.json, status: status.json, clientMails: (await app.mailTo(watchedClient.email)).length };
  }

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    fx = {
      therapistToken: await app.signIn(therapist.email, therapist.name),
      watched: { id: '', token: '' },
      spare: { id: '', token: '' },
    };
    for (const [client, slot] of [
      [watchedClient, 'watched'],
      [spareClient, 'spare'],
    ] as const) {
      const created = await newPolicy(client);
      const token = await app.linkFor(client.email);
      const accepted = await app.request('POST', `/client/${token}/accept`);
      if (created.status !== 201 || accepted.status !== 200)
        throw new Error(`setup failed: ${created.text} ${accepted.text}`);
      fx[slot] = { id: created.json.id, token };
    }
    // One accepted update on the policy under watch: minDaysBetween 7 keeps any further one refused today.
    const first = await app.request('POST', `/client/${fx.watched.token}/updates`, {
      body: { text: keptWords },
      headers: { 'idempotency-key': 'the-first' },
    });
    if (first.status !== 201) throw new Error(`setup failed: ${first.text}`);
    watchedBefore = await snapshotWatched();
  });
  afterAll(() => app.close());
  // After every test, whatever order they run in: bad input lost nothing and changed nothing.
  afterEach(async () => {
    const after = await snapshotWatched();
    expect(after.detail).toEqual(watchedBefore.detail);
    expect(after.status).toEqual(watchedBefore.status);
    expect(after.clientMails).toBe(watchedBefore.clientMails);
  });

  describe('answers with a specific, kind problem', () => {
    const JSON_BODY_ROUTES = [
      { route: 'POST /policies', method: 'POST', path: () => '/policies', auth: true },
      { route: 'PATCH /policies/{id}', method: 'PATCH', path: () => `/policies/${fx.spare.id}`, auth: true },
      { route: 'PUT /profile', method: 'PUT', path: () => '/profile', auth: true },
      {
        route: 'POST /client/{token}/updates',
        method: 'POST',
        path: () => `/client/${fx.watched.token}/updates`,
        auth: false,
      },
      {
        route: 'POST /client/{token}/check-in',
        method: 'POST',
        path: () => `/client/${fx.watched.token}/check-in`,
        auth: false,
      },
    ];
    const authFor = (r: (typeof JSON_BODY_ROUTES)[number]): Record<string, string> =>
      r.auth ? { authorization: `Bearer ${fx.therapistToken}` } : {};

    it.each(JSON_BODY_ROUTES.map((r) => [r.route, r] as const))(
      '%s answers malformed JSON with a 400 problem',
      async (_, r) => {
        for (const raw of ['{', '{"text": "unterminated', "{'text': 'single quotes'}", '{"text":"a",}', 'NaN']) {
          const res = await send({
            method: r.method,
            path: r.path(),
            headers: { 'content-type': 'application/json', ...authFor(r) },
            body: raw,
          });
          expect(res.status, `${r.route} with ${raw}`).toBe(400);
          expect(res.contentType).toMatch(/^application\/problem\+json/);
          expect(res.json).toMatchObject({ status: 400, type: '/problems/validation' });
          expect(res.json.detail).toMatch(/JSON/);
        }
      },
    );

    it.each(JSON_BODY_ROUTES.map((r) => [r.route, r] as const))(
      '%s answers a body sent as another content type with 415',
      async (_, r) => {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
          const res = await send({
            method: r.method,
            path: r.path(),
            headers: { 'content-type': type, ...authFor(r) },
            body: '{"text":"hello"}',
          });
          expect(res.status, `${r.route} as ${type}`).toBe(415);
          expect(res.contentType).toMatch(/^application\/problem\+json/);
          expect(res.json).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
        }
      },
    );

    it.each(JSON_BODY_ROUTES.map((r) => [r.route, r] as const))(
      '%s answers a body over 64 KB with 413',
      async (_, r) => {
        const body = JSON.stringify({ text: 'é'.repeat(33 * KB) }); // 66 KB in UTF-8, 33 K characters
        const res = await send({
          method: r.method,
          path: r.path(),
          headers: { 'content-type': 'application/json', ...authFor(r) },
          body,
        });
        expect(res.status, `${r.route}`).toBe(413);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
        expect(res.json).toMatchObject({ status: 413, type: '/problems/too-large' });
      },
    );

    it('answers a missing or garbage bearer token with 401 on every therapist route', async () => {
      const therapistRoutes = ROUTES.filter((r) => r.access === 'therapist');
      expect(therapistRoutes.length).toBeGreaterThan(5);
      for (const r of therapistRoutes) {
        const path = r.path.replace('{id}', fx.watched.id);
        for (const authorization of [
          undefined,
          'Bearer garbage',
          `Bearer ${fx.therapistToken.slice(0, -2)}xx`,
          `Basic ${fx.therapistToken}`,
        ]) {
          const res = await send({ method: r.method, path, headers: authorization ? { authorization } : {} });
          expect(res.status, `${r.method} ${r.path} with ${authorization ?? 'no authorization'}`).toBe(401);
          expect(res.contentType).toMatch(/^application\/problem\+json/);
          expect(res.json).toMatchObject({ status: 401, type: '/problems/unauthorized' });
        }
      }
    });

    it('answers an unknown path with a 404 problem', async () => {
      for (const path of [
        '/nothing-here',
        '/policies/x/y/z',
        '/client',
        '/c',
        '/policies/' + fx.watched.id + '/delete',
        '/%F0%9F%8C%BF',
      ]) {
        const res = await send({ method: 'GET', path, headers: {} });
        expect(res.status, `${path}`).toBe(404);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
        expect(res.json).toMatchObject({ status: 404, type: '/problems/not-found' });
      }
    });

    it('answers the wrong method on a known path with 405 and an Allow header', async () => {
      const del = await send({
        method: 'DELETE',
        path: '/policies',
        headers: { authorization: `Bearer ${fx.therapistToken}` },
      });
      expect(del.status).toBe(405);
      expect(del.allow?.split(', ').sort()).toEqual(['GET', 'POST']);
      expect(del.json).toMatchObject({ status: 405, type: '/problems/method-not-allowed' });
      const put = await send({ method: 'PUT', path: `/client/${fx.watched.token}/updates`, headers: {} });
      expect(put.status).toBe(405);
      expect(put.allow).toBe('POST');
      const getPause = await send({ method: 'GET', path: `/policies/${fx.watched.id}/pause`, headers: {} });
      expect(getPause.status).toBe(405);
      expect(getPause.allow).toBe('POST');
    });

    it('answers a policy with an update limit of 13 with a 400 naming updates.limit', async () => {
      const client = { name: 'Thirteen', email: uniqueEmail('thirteen') };
      const res = await app.request('POST', '/policies', {
        token: fx.therapistToken,
        body: { client, endedOn: '2026-11-20', updates: { limit: 13 } },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.json).toMatchObject({ status: 400, type: '/problems/validation' });
      expect(Array.isArray(res.json.errors)).toBe(true);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('updates.limit');
      expect(await app.mailTo(client.email)).toEqual([]);
    });

    it('answers an unknown client token with a 404 that does not say whether a policy exists', async () => {
      // A policy of its own (other tests may close the spare one), whose first link is revoked: a policy did exist behind it.
      const ownClient = { email: uniqueEmail('revoked'), name: 'Ray Revoked' };
      const own = await newPolicy(ownClient);
      const revoked = await app.linkFor(ownClient.email);
      const reissued = await app.request('POST', `/policies/${own.json.id}/reissue-link`, { token: fx.therapistToken });
      expect(reissued.status).toBe(200);
      expect(await app.linkFor(ownClient.email)).not.toBe(revoked);

      const wellFormedUnknown = 'A'.repeat(43);
      const answers = [];
      for (const t of [wellFormedUnknown, 'not-a-token', revoked, encode(fx.watched.id)]) {
        const res = await send({ method: 'GET', path: `/client/${t}`, headers: {} });
        expect(res.status, `token ${t}`).toBe(404);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
        expect(res.json).toMatchObject({
          status: 404,
          type: expect.any(String),
          title: expect.any(String),
          detail: expect.any(String),
        });
        answers.push(res.json);
      }
      // The same answer, word for word, whether a policy ever stood behind the token or not.
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0].detail).not.toMatch(/policy|exist|revoked|reissued|therapist/i);
      expect(answers[0].detail).not.toContain(therapist.name);
    });

    it('refuses a 60,000-character update (just under 64 KB) as too long, counting every character', async () => {
      // Counting this much text in one pass once exhausted the heap and killed the process.
      const text = 'x'.repeat(60_000);
      const res = await app.request('POST', `/client/${fx.watched.token}/updates`, { body: { text } });
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ status: 409, reason: 'too-long', limit: 1000, count: 60_000 });
    });

    it('answers a policy id too long for the database with a 404, like any other unknown id', async () => {
      // DynamoDB refuses keys over 2 KB; the id comes straight from the path.
      const answers: Record<string, number> = {};
      for (const r of ROUTES.filter((route) => route.path.includes('{id}'))) {
        for (const length of [2000, 2100]) {
          const path = r.path.replace('{id}', 'a'.repeat(length));
          const res = await send({
            method: r.method,
            path,
            headers: { authorization: `Bearer ${fx.therapistToken}` },
            ...(r.method === 'PATCH' ? { body: '{}' } : {}),
          });
          answers[`${r.method} ${r.path} with a ${length}-character id`] = res.status;
        }
      }
      const withId = ROUTES.filter((route) => route.path.includes('{id}'));
      expect(Object.keys(answers)).toHaveLength(withId.length * 2);
      // A practice admin's routes check the role first: a therapist who is not an admin learns nothing of ids.
      const expected = (key: string) => (key.includes('/practice/') ? 403 : 404);
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, expected(k)])));
    });

    it('ignores an unknown done= notice on the page instead of failing', async () => {
      for (const done of ['nonsense', '__proto__', 'constructor', 'toString']) {
        const res = await send({ method: 'GET', path: `/c/${fx.watched.token}?done=${done}`, headers: {} });
        expect(res.status, `?done=${done}`).toBe(200);
        expect(res.contentType).toMatch(/^text\/html/);
        expect(res.text).toContain(therapist.name);
      }
    });
  });

  describe('properties over arbitrary requests', () => {
    it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r as RouteDef] as const))(
      '%s never answers 5xx, a stack trace or a malformed problem, whatever is sent',
      async (_, route) => {
        await fc.assert(
          fc.asyncProperty(requestFor(route, fx), async (req) => {
            expectCalmAnswer(req, await send(req));
          }),
          runs(50),
        );
      },
    );

    it('answers any path outside the route table with a 404 problem, whatever the method', async () => {
      const known = new Set(['policies', 'profile', 'client', 'c', 'health', 'local', '']);
      const segment = fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encode),
        oddSegment,
        fc.constantFrom('policies', 'client', 'c', 'stop', 'updates'),
      );
      const pathArb = fc
        .array(segment, { minLength: 1, maxLength: 6 })
        .map((segments) => '/' + segments.join('/'))
        .filter((path) => !known.has(new URL(path, 'http://x').pathname.split('/')[1]!));
      await fc.assert(
        fc.asyncProperty(
          pathArb,
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
          bodyArb,
          authArb(fx.therapistToken),
          async (path, method, body, authorization) => {
            const req: Sent = {
              method,
              path,
              headers: authorization ? { authorization } : {},
              ...(method !== 'GET' && body !== undefined ? { body } : {}),
            };
            const res = await send(req);
            expectCalmAnswer(req, res);
            expect(res.status, `${path}`).toBe(404);
            expect(res.json).toMatchObject({ type: '/problems/not-found' });
          },
        ),
        runs(60),
      );
    });

    it('answers a new policy with one field replaced by an arbitrary value with 201 or a 400 problem', async () => {
      const tricky = fc.constantFrom<unknown>(
        '0000-01-01',
        '9999-12-31',
        '2026-02-29',
        '2028-02-29',
        '2026-13-01',
        '2026-11-19',
        '2026-11-21',
        '2026-1-5',
        '2026-11-20T00:00:00Z',
        '1970-01-01',
        '2100-01-01',
        'UTC',
        'Etc/GMT+12',
        'Etc/GMT-14',
        'Pacific/Kiritimati',
        'Asia/Kathmandu',
        'America/St_Johns',
        'local',
        'US/Eastern',
        '',
        ' ',
        0,
        -1,
        1,
        12,
        13,
        24,
        25,
        60,
        365,
        366,
        5000,
        5001,
        1e21,
        1.5,
        -0,
        Number.MAX_SAFE_INTEGER + 2,
        null,
        true,
        [],
        {},
        [0],
        [60, 1],
        [61],
        [1, 1, 1, 1, 1, 1],
        ['7'],
        'x'.repeat(1001),
        'x\r\nBcc: someone@example.com',
        '\u0000',
        '\u2028',
        'message',
        'session',
        'may-reply',
        'GB',
        'ZZ',
        { name: 'A', contact: 'B' },
        [{ name: 'A', contact: 'B' }],
        [{ name: '\r\n', contact: 'javascript:alert(1)' }],
        { on: '2027-01-01', afterMonths: 2 },
        { from: '2026-12-01', until: '2026-11-25' },
        { afterMonths: 24, format: 'session', note: '<script>' },
      );
      const fields = [
        'client',
        'client.name',
        'client.email',
        'endedOn',
        'timeZone',
        'updates',
        'updates.limit',
        'updates.minDaysBetween',
        'updates.from',
        'updates.until',
        'updates.maxCharacters',
        'checkIn',
        'checkIn.on',
        'checkIn.afterMonths',
        'checkIn.format',
        'checkIn.note',
        'checkIn.remindDaysBefore',
        'replies',
        'closesOn',
        'referrals',
        'crisisLocale',
        'invitationNote',
        'closingNote',
        'unexpected',
      ] as const;
      const created = { id: expect.any(String), state: 'invited' };
      const refused = { status: 400, type: '/problems/validation' };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fields),
          fc.oneof(
            { weight: 3, arbitrary: tricky },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }) },
          ),
          async (field, value) => {
            const body: Record<string, unknown> = {
              client: { name: 'Robin Near', email: uniqueEmail('near') },
              endedOn: '2026-11-20',
              timeZone: 'America/New_York',
              updates: { limit: 3, minDaysBetween: 7, maxCharacters: 1000 },
              checkIn: { afterMonths: 3, format: 'message', remindDaysBefore: [7, 1] },
              replies: 'none',
              referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
            };
            const [head, tail] = field.split('.') as [string, string | undefined];
            if (tail) body[head] = { ...(body[head] as object), [tail]: value };
            else body[head] = value;
            const req: Sent = {
              method: 'POST',
              path: '/policies',
              headers: { authorization: `Bearer ${fx.therapistToken}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            };
            const res = await send(req);
            expectCalmAnswer(req, res);
            expect(
              [201, 400, 409],
              `${field} = ${JSON.stringify(value)?.slice(0, 100)}: ${res.text.slice(0, 300)}`,
            ).toContain(res.status);
            // 409 only for what the practice's bounds refuse (a window of more than 366 days, say), naming the bound.
            const beyondBound = { status: 409, reason: 'outside-practice-bounds', bound: expect.any(String) };
            expect(res.json).toMatchObject(res.status === 201 ? created : res.status === 409 ? beyondBound : refused);
          },
        ),
        runs(80),
      );
    });
  });

  it('keeps the words the client sent on the policy under watch', async () => {
    const after = await snapshotWatched();
    expect(after.detail).toMatchObject({ counters: { updatesAccepted: 1 } });
    expect((after.detail as { updates: { text: string }[] }).updates.map((u) => u.text)).toEqual([keptWords]);
  });
});
