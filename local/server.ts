/**
 * The local HTTP server: the same route table and the same handlers as in AWS, with the
 * API Gateway event built here, plus the local-only routes (sign-in, clock, dispatch,
 * outbox). The local server stands in for the JWT authorizer: it verifies the bearer
 * token and passes the claims exactly where API Gateway would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { makeHandler as clientApi } from '../functions/client-api.js';
import { makeHandler as clientPages } from '../functions/client-pages.js';
import { makeHandler as health } from '../functions/health.js';
import type { HttpEvent } from '../functions/http/request.js';
import { apiEvent } from './api-event.js';
import { runAs } from './function-context.js';
import { errorResponse, json, problemResponse, type Result } from '../functions/http/respond.js';
import { findRoute, type FunctionName } from '../functions/http/routes.js';
import { makeHandler as therapistApi } from '../functions/therapist-api.js';
import { makeHandler as practiceApi } from '../functions/practice-api.js';
import { makeHandler as web } from '../functions/web.js';
import {
  AppError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '../shared/domain/errors.js';
import { toProblem } from '../shared/domain/problem.js';
import { parseWith } from '../shared/domain/parse.js';
import { email, isoDate, personName, practiceId, timeZone } from '../shared/domain/schemas.js';
import { dispatch } from '../shared/use-cases/dispatch.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { updateProfile } from '../shared/use-cases/profile.js';
import { applyLocalSignIn } from '../shared/use-cases/membership.js';
import { receiveEmailUpdate } from '../shared/use-cases/receive-email.js';
import { parseMessage } from '../shared/adapters/ses/inbound.js';
import type { LocalEventLog } from '../shared/adapters/local/event-log.js';
import type { LocalSigner } from './auth.js';
import type { LocalClock } from './clock.js';
import { clearOutbox, readOutbox } from './outbox.js';
import { outboxPage, signInPage } from './pages.js';
import type { SesFaultProxy } from './ses-fault-proxy.js';
import { parseControl } from './ses-faults.js';

export interface LocalServerOptions {
  deps: Deps;
  /** Where domain events go locally (EventBridge in AWS), shown at /local/events and on the outbox page. */
  eventLog: LocalEventLog;
  clock: LocalClock;
  signer: LocalSigner;
  sesEndpoint: string;
  /** The SES fault proxy, when `npm start` runs with SES_FAULTS (controlled at /local/ses-faults). */
  sesFaults?: SesFaultProxy | undefined;
}

const MAX_REQUEST_BYTES = 1024 * 1024;

const signInBody = z.strictObject({
  email,
  name: personName,
  timeZone: z.optional(timeZone),
  role: z.optional(z.enum(['therapist', 'admin'])),
  practice: z.optional(practiceId),
});
const clockBody = z.union([
  z.strictObject({ advanceDays: z.int().check(z.gte(-3650), z.lte(3650)) }),
  z.strictObject({ set: z.union([isoDate, z.iso.datetime({ offset: true })]) }),
]);

export function createLocalServer(options: LocalServerOptions): Server {
  const { deps } = options;
  const handlers: Record<FunctionName, (e: HttpEvent) => Promise<Result>> = {
    'therapist-api': therapistApi(() => deps),
    'practice-api': practiceApi(() => deps),
    'client-api': clientApi(() => deps),
    'client-pages': clientPages(() => deps),
    health: health(() => deps),
    web: web(() => deps, join(import.meta.dirname, '..', 'web'), { mode: 'local', signInUrl: '/local/sign-in' }),
  };
  const local = localRoutes(options);

  return createServer((req, res) => {
    void (async () => {
      let result: Result;
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const body = await readBody(req);
        const method = req.method ?? 'GET';
        const localAction = local[`${method} ${url.pathname}`];
        if (localAction) {
          result = await localAction(req, body, url);
        } else {
          result = await routeToHandler(handlers, options.signer, req, url, body);
        }
      } catch (err) {
        result = errorResponse(err);
        if (!(err instanceof AppError))
          console.error('local server error', err instanceof Error ? err.name : typeof err);
      }
      send(res, result);
    })();
  });
}

async function routeToHandler(
  handlers: Record<FunctionName, (e: HttpEvent) => Promise<Result>>,
  signer: LocalSigner,
  req: IncomingMessage,
  url: URL,
  body: string,
): Promise<Result> {
  const method = req.method ?? 'GET';
  const match = findRoute(method, url.pathname);
  if (!match) return errorResponse(new NotFoundError('There is nothing at this address.'));
  if ('allowed' in match) {
    const notAllowed = new MethodNotAllowedError(`Use ${match.allowed.join(' or ')} here.`);
    return problemResponse(toProblem(notAllowed), { allow: match.allowed.join(', ') });
  }
  const { route } = match;
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
  );
  let claims: Record<string, unknown> | undefined;
  if (route.access === 'therapist') {
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
    const verified = bearer ? signer.verify(bearer) : null;
    // API Gateway's JWT authorizer answers 401 before the function runs; so do we.
    if (!verified)
      return errorResponse(new UnauthorizedError('A valid sign-in token is needed (Authorization: Bearer …).'));
    claims = { ...verified };
  }
  const event = apiEvent({ method, url, headers, body, claims });
  return runAs(route.fn, () => handlers[route.fn](event));
}

type LocalAction = (req: IncomingMessage, body: string, url: URL) => Promise<Result>;

function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function parseBody(req: IncomingMessage, body: string): unknown {
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  try {
    return body ? JSON.parse(body) : {};
  } catch {
    throw new ValidationError('The body is not valid JSON.');
  }
}

function htmlResult(status: number, page: string): Result {
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body: page,
  };
}

/** The fault proxy's control, or a plain pointer to how to turn it on. */
function faultControl(proxy: SesFaultProxy | undefined): Record<string, LocalAction> {
  const proxyOrSay = () => {
    if (proxy) return proxy;
    throw new NotFoundError(
      'SES faults are off. Start with SES_FAULTS=pass npm start to put the fault proxy in front of SES.',
    );
  };
  return {
    'GET /local/ses-faults': async () => json(200, proxyOrSay().state()),
    'POST /local/ses-faults': async (req, body) =>
      json(200, await proxyOrSay().apply(parseControl(parseBody(req, body)))),
  };
}

const toParam = (url: URL) => url.searchParams.get('to') ?? '';

/** Signs in as Cognito would (practice and admin group included); a person at the page reads any refusal there. */
async function localSignIn(deps: Deps, signer: LocalSigner, req: IncomingMessage, body: string): Promise<Result> {
  let input;
  try {
    input = parseWith(signInBody, parseBody(req, body), 'sign-in');
  } catch (err) {
    // A person at the sign-in page reads what to change on the page, not as JSON.
    if (wantsHtml(req) && err instanceof ValidationError) return htmlResult(400, signInPage(err.message));
    throw err;
  }
  const token = signer.signIn(input);
  const claims = signer.verify(token);
  if (!claims) throw new Error('a token just signed did not verify');
  // As Cognito would: the practice and the admin group come with the sign-in.
  const signedIn = {
    id: claims.sub,
    email: claims.email,
    name: claims.name,
    practiceHint: claims['custom:practice'],
    adminHint: input.role === 'admin',
  };
  let therapist;
  try {
    therapist = await applyLocalSignIn(deps, signedIn);
  } catch (err) {
    // A person at the sign-in page reads why on the page, not as JSON.
    if (wantsHtml(req) && err instanceof ForbiddenError) return htmlResult(403, signInPage(err.message));
    throw err;
  }
  await updateProfile(deps, therapist, {
    displayName: input.name,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  // A browser goes on to the portal with the token in the fragment (never sent to a server).
  return wantsHtml(req)
    ? { statusCode: 303, headers: { location: `/portal#token=${encodeURIComponent(token)}` }, body: '' }
    : json(200, { token });
}

function localRoutes(options: LocalServerOptions): Record<string, LocalAction> {
  const { deps, clock, signer, sesEndpoint, eventLog } = options;
  return {
    ...faultControl(options.sesFaults),
    'GET /': async () => ({ statusCode: 303, headers: { location: '/portal' }, body: '' }),
    'GET /local/sign-in': async () => htmlResult(200, signInPage()),
    'POST /local/sign-in': (req, body) => localSignIn(deps, signer, req, body),
    'GET /local/clock': async () => json(200, { now: clock.now().toISOString() }),
    'POST /local/clock': async (req, body) => {
      const input = parseWith(clockBody, parseBody(req, body), 'clock change');
      const now = 'advanceDays' in input ? clock.advanceDays(input.advanceDays) : clock.set(new Date(input.set));
      return json(200, { now: now.toISOString() });
    },
    'POST /local/dispatch': async () => json(200, await runAs('dispatcher', () => dispatch(deps))),
    // `?to=`: only the mail to one address, on the page.
    'GET /local/outbox': async (req, _body, url) => {
      const emails = await readOutbox(sesEndpoint);
      return wantsHtml(req) ? htmlResult(200, outboxPage(emails, eventLog.events, toParam(url))) : json(200, emails);
    },
    'GET /local/outbox/view': async (_req, _body, url) =>
      htmlResult(200, outboxPage(await readOutbox(sesEndpoint), eventLog.events, toParam(url))),
    'GET /local/events': async () => json(200, eventLog.events),
    // Stands in for SES receiving: post a raw message (as a mail program would send it) to
    // a reply address. Locally there is no SPF/DKIM to check, so the sender is trusted.
    'POST /local/inbound': async (_req, body) => {
      if (!body.trim())
        throw new ValidationError('Post a raw email message (RFC 5322), for example a saved .eml file.');
      const message = await parseMessage(body);
      const outcome = await runAs('inbound-email', () =>
        receiveEmailUpdate(deps, {
          recipients: message.to,
          from: message.from,
          text: message.text,
          messageId: message.messageId ?? crypto.randomUUID(),
          authenticated: true,
        }),
      );
      return json(200, { outcome });
    },
    'DELETE /local/outbox': async () => {
      await clearOutbox(sesEndpoint);
      return { statusCode: 204, body: '' };
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (so the client gets an answer) but stop keeping what is past the limit.
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_REQUEST_BYTES
        ? reject(new PayloadTooLargeError('Requests are limited to 1 MB.'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: Result) {
  if (res.headersSent) return;
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body ?? '');
}
