/**
 * The client's private page at /c/{token}, rendered on the server so it works on any phone
 * with no JavaScript: plain forms that post back and a page that says where things stand.
 * Everything interpolated is escaped. The view never carries the therapist's address, and
 * nothing here adds it.
 */
import { crisisResources } from '../../shared/domain/crisis.js';
import type { ClientView } from '../../shared/use-cases/views.js';
import { buttonForm, documentShell, escapeHtml, linkPath, noticeBox, type Notice } from './layout.js';
import { checkInSection, keptWords, referralsSection, updateSection } from './sections.js';

export { escapeHtml };
export type { Notice };

export interface PageOptions {
  token: string;
  notice?: Notice;
  draft?: { update?: string; checkIn?: string };
  idempotencyKey: string;
}

const SITE = 'Afterword';

/** A neutral tab title: someone glancing at the screen learns nothing private. */
const pageTitle = (notice?: Notice) => (notice ? `${notice.title} · ${SITE}` : `Your page · ${SITE}`);

const heading = (view: ClientView) => `<h1>Staying in touch with ${escapeHtml(view.therapistName)}</h1>`;

const stoppedByClient = (view: ClientView) => view.state === 'closed' && view.closedReason === 'opted-out';
const hasEnded = (view: ClientView) => view.state === 'closed' || view.state === 'declined';

function footer(view: ClientView, token: string): string {
  const stop = stoppedByClient(view) ? '' : `<p><a href="${linkPath(token, 'stop')}">Stop all emails</a></p>\n`;
  return `${stop}<p>Sent by ${SITE} on behalf of ${escapeHtml(view.therapistName)}.</p>`;
}

function rulesList(view: ClientView): string {
  return `<ul>\n${view.summary.rules.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`;
}

function invitedBody(view: ClientView, token: string): string {
  const name = escapeHtml(view.therapistName);
  return [
    `<p>${name} has suggested a simple way to stay in touch now that your sessions have ended. Here is what it includes:</p>`,
    rulesList(view),
    '<p>Nothing else will be sent to you unless you accept.</p>',
    buttonForm(linkPath(token, 'accept'), 'Accept'),
    `<p class="muted">Saying no is completely fine. If you decline, ${name} will be told, and nothing more will come from this arrangement.</p>`,
    buttonForm(linkPath(token, 'decline'), 'Decline', true),
  ].join('\n');
}

function openBody(view: ClientView, opts: PageOptions): string {
  const intro =
    view.state === 'paused' && view.stateDetail
      ? `<p>${escapeHtml(view.stateDetail)}</p>`
      : `<p>You can write to ${escapeHtml(view.therapistName)} here, within the arrangement below.</p>`;
  return [
    intro,
    '<h2>What’s left</h2>',
    `<p>${escapeHtml(view.summary.left)}</p>`,
    `<details><summary>The whole arrangement</summary>\n${rulesList(view)}\n</details>`,
    updateSection(view, opts.token, opts.idempotencyKey, opts.draft?.update),
    checkInSection(view, opts.token, opts.draft?.checkIn),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** Words that arrived after the arrangement ended are still shown, never dropped. */
function keptAfterEnd(draft: PageOptions['draft']): string {
  const kept = [];
  if (draft?.update !== undefined) kept.push(keptWords('kept-update', draft.update));
  if (draft?.checkIn !== undefined) kept.push(keptWords('kept-check-in', draft.checkIn));
  return kept.join('\n');
}

function endedBody(view: ClientView, opts: PageOptions): string {
  const parts = [`<p>${escapeHtml(view.stateDetail ?? '')}</p>`];
  if (view.state === 'closed' && !stoppedByClient(view)) parts.push('<p>Thank you for taking part. We wish you well.</p>');
  parts.push(keptAfterEnd(opts.draft), referralsSection(view));
  return parts.filter((part) => part !== '').join('\n');
}

export function renderClientPage(view: ClientView, opts: PageOptions): string {
  const body =
    view.state === 'invited' ? invitedBody(view, opts.token) : hasEnded(view) ? endedBody(view, opts) : openBody(view, opts);
  return documentShell({
    title: pageTitle(opts.notice),
    main: [heading(view), opts.notice ? noticeBox(opts.notice) : '', body].filter((part) => part !== '').join('\n'),
    crisis: view.crisis,
    footer: footer(view, opts.token),
  });
}

export function renderStopPage(view: ClientView, opts: { token: string; done: boolean }): string {
  const name = escapeHtml(view.therapistName);
  const back = `<p><a href="${linkPath(opts.token)}">Go back to your page</a></p>`;
  let title: string;
  let body: string[];
  if (stoppedByClient(view) || (opts.done && !hasEnded(view))) {
    title = 'All emails have stopped';
    body = [
      `<div class="notice notice-success" role="status"><p>Your arrangement with ${name} has ended. One short email confirms this, and after it nothing more will be sent.</p></div>`,
      `<p>That was yours to decide, and it is completely fine. ${name} will be told that the arrangement has ended.</p>`,
      referralsSection(view),
      '<p>Take good care of yourself.</p>',
    ];
  } else if (hasEnded(view)) {
    // Declined or closed already: nothing more is sent, so there is nothing to stop.
    title = 'No more emails';
    body = [`<p>Your arrangement with ${name} has already ended, so no more emails will come from it. There is nothing you need to do.</p>`, back];
  } else {
    title = 'Stop all emails';
    body = [
      `<p>If you stop, your arrangement with ${name} ends. No more emails will come from it, and updates and the check-in message can no longer be sent.</p>`,
      `<p>${name} will be told that the arrangement has ended, and you will get one short email to confirm it. This cannot be undone from this page.</p>`,
      buttonForm(linkPath(opts.token, 'stop'), 'Stop all emails'),
      back,
    ];
  }
  return documentShell({
    title: `${title} · ${SITE}`,
    main: [`<h1>${title}</h1>`, ...body].filter((part) => part !== '').join('\n'),
    crisis: view.crisis,
    footer: `<p>Sent by ${SITE} on behalf of ${name}.</p>`,
  });
}

const DEFAULT_CRISIS = () => crisisResources('US').lines;

/** `kept`: words the client was sending when the link stopped working, so they can copy them. */
export function renderLinkNotActivePage(detail: string, kept?: string): string {
  return documentShell({
    title: `Link not active · ${SITE}`,
    main: ['<h1>This link is not active</h1>', `<p>${escapeHtml(detail)}</p>`, kept ? keptWords('kept-text', kept) : ''].filter(Boolean).join('\n'),
    crisis: DEFAULT_CRISIS(),
  });
}

export function renderErrorPage(title: string, detail: string): string {
  return documentShell({
    title: `${title} · ${SITE}`,
    main: [`<h1>${escapeHtml(title)}</h1>`, `<p>${escapeHtml(detail)}</p>`].join('\n'),
    crisis: DEFAULT_CRISIS(),
  });
}
