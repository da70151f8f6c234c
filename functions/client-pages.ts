/**
 * The client's private page, server-rendered so it works without JavaScript on any phone.
 * Successful posts redirect back (so a refresh never re-sends); refusals re-render the page
 * with the client's words still in the box and the reason beside them.
 */
import { randomUUID } from 'node:crypto';
import { AppError, NotFoundError, ValidationError } from '../shared/domain/errors.js';
import { asProblem, type Problem } from '../shared/domain/problem.js';
import {
  acceptPolicy,
  clientStatus,
  declinePolicy,
  optOutByStopLink,
  skipCheckIn,
  undoSkipCheckIn,
  stopStatus,
  submitCheckIn,
  submitUpdate,
} from '../shared/use-cases/client-actions.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { DONE_NOTICES, NO_SUCH_ACTION, otherSitePage } from '../shared/wording/client.js';
import { awsDeps } from './aws-deps.js';
import { postedFromOwnPage } from './http/form-origin.js';
import { httpHandler, type Action } from './http/handler.js';
import { formBody, pathParam, type HttpEvent } from './http/request.js';
import { html, redirect, type Result } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';
import {
  renderClientPage,
  renderErrorPage,
  renderLinkNotActivePage,
  renderStopPage,
  type Notice,
} from './pages/client-page.js';

const DONE: Record<string, Notice> = Object.fromEntries(
  Object.entries(DONE_NOTICES).map(([done, words]) => [done, { kind: 'success', ...words }]),
);

const token = (e: HttpEvent) => pathParam(e, 'token');
const pageUrl = (t: string, done?: string) => `/c/${encodeURIComponent(t)}${done ? `?done=${done}` : ''}`;

async function page(
  deps: Deps,
  t: string,
  status: number,
  notice?: Notice,
  draft?: { update?: string; checkIn?: string },
  ask?: { confirmSkip: boolean },
): Promise<Result> {
  const view = await clientStatus(deps, t);
  return html(
    status,
    renderClientPage(view, {
      token: t,
      idempotencyKey: randomUUID(),
      ...(notice ? { notice } : {}),
      ...(draft ? { draft } : {}),
      ...(ask?.confirmSkip ? { confirmSkip: true } : {}),
    }),
  );
}

/** Errors become pages, not JSON: an unknown link gets a kind 404, anything else a calm message. */
async function asPage(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof NotFoundError) return html(404, renderLinkNotActivePage(err.message));
    if (err instanceof AppError) return html(err.status, renderErrorPage(err.title, err.message));
    throw err;
  }
}

/** A refusal or validation problem shown on the page, with the words kept in the box. */
async function refusedPage(deps: Deps, t: string, problem: Problem, draft: { update?: string; checkIn?: string }) {
  const notice: Notice = {
    kind: problem.status === 409 ? 'refusal' : 'error',
    title: problem.title,
    detail: problem.detail,
  };
  return page(deps, t, problem.status, notice, draft);
}

async function withKeptText(
  deps: Deps,
  t: string,
  field: 'update' | 'checkIn',
  text: string,
  send: () => Promise<{ status: number; body: unknown }>,
  done: string,
) {
  let result: { status: number; body: unknown };
  try {
    result = await send();
  } catch (err) {
    // The link stopped working while they wrote (a newer one was sent): keep their words.
    if (err instanceof NotFoundError)
      return html(404, renderLinkNotActivePage(err.message, text.trim() ? text : undefined));
    if (err instanceof ValidationError)
      return refusedPage(
        deps,
        t,
        { type: err.type, title: err.title, status: 400, detail: err.message },
        { [field]: text },
      );
    throw err;
  }
  if (result.status < 400) return redirect(pageUrl(t, done));
  return refusedPage(deps, t, asProblem(result.body), { [field]: text });
}

async function postAction(e: HttpEvent, deps: Deps): Promise<Result> {
  const t = token(e);
  const form = formBody(e);
  const action = pathParam(e, 'action');
  switch (action) {
    case 'accept':
      await acceptPolicy(deps, t);
      return redirect(pageUrl(t, 'accepted'));
    case 'decline':
      await declinePolicy(deps, t);
      return redirect(pageUrl(t, 'declined'));
    case 'skip-check-in':
      // Asked once: the page's button leads to a confirmation, whose button says yes.
      if (form.get('confirm') !== 'yes') return page(deps, t, 200, undefined, undefined, { confirmSkip: true });
      await skipCheckIn(deps, t);
      return redirect(pageUrl(t, 'skipped'));
    case 'undo-skip-check-in':
      await undoSkipCheckIn(deps, t);
      return redirect(pageUrl(t, 'restored'));
    case 'update': {
      const text = form.get('text') ?? '';
      const key = form.get('idempotencyKey');
      return withKeptText(
        deps,
        t,
        'update',
        text,
        () => submitUpdate(deps, t, text, key ? key.slice(0, 200) : null),
        'update',
      );
    }
    case 'check-in': {
      const text = form.get('text') ?? '';
      return withKeptText(deps, t, 'checkIn', text, () => submitCheckIn(deps, t, text), 'check-in');
    }
    case 'stop': {
      // Both the stop page's button and a mail client's RFC 8058 one-click POST land here.
      const { view, opensPage } = await optOutByStopLink(deps, t);
      return html(200, renderStopPage(view, { token: t, done: true, opensPage }));
    }
    default:
      throw new NotFoundError(NO_SUCH_ACTION);
  }
}

function fromOwnPage(e: HttpEvent, deps: Deps): boolean {
  // Stopping must always work, also from browsers that send `Origin: null` on the page's own forms.
  const stopsAllEmails = pathParam(e, 'action') === 'stop';
  return postedFromOwnPage(e, { ownOrigin: new URL(deps.config.publicBaseUrl).origin, stopsAllEmails });
}

export const pageActions: Record<RouteKeyOf<'client-pages'>, Action> = {
  'GET /c/{token}': (e, deps) =>
    asPage(() => {
      const done = e.queryStringParameters?.done;
      // Own keys only: ?done=__proto__ must not find Object.prototype.
      return page(deps, token(e), 200, done && Object.hasOwn(DONE, done) ? DONE[done] : undefined);
    }),
  'GET /c/{token}/stop': (e, deps) =>
    asPage(async () => {
      const { view, opensPage } = await stopStatus(deps, token(e));
      return html(200, renderStopPage(view, { token: token(e), done: false, opensPage }));
    }),
  'POST /c/{token}/{action}': (e, deps) =>
    asPage(async () => {
      // Before the link is even looked up: a post from another website changes nothing.
      if (!fromOwnPage(e, deps)) return html(403, renderErrorPage(otherSitePage.title, otherSitePage.detail));
      try {
        return await postAction(e, deps);
      } catch (err) {
        // A refused accept/decline/skip: show the page again with the reason.
        if (err instanceof AppError && err.status === 409)
          return page(deps, token(e), 409, { kind: 'refusal', title: err.title, detail: err.message });
        throw err;
      }
    }),
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'client-pages'>(pageActions, getDeps);
export const handler = makeHandler(() => awsDeps('client-pages'));
