/**
 * The client's private page at /c/{token}, rendered on the server so it works on any phone
 * with no JavaScript: plain forms that post back and a page that says where things stand.
 * Everything interpolated is escaped. The view never carries the therapist's address, and
 * nothing here adds it.
 */
import { crisisResources } from '../../shared/domain/crisis.js';
import {
  THANK_YOU_FOR_TAKING_PART,
  TAKE_CARE,
  clientMail,
  handedOverPage,
  invitedPage,
  linkNotActivePage,
  openPage,
  pausedMail,
  pageHeading,
  pageTitle,
  sentOnBehalfOf,
  stopPage,
  STOP_ALL_EMAILS,
} from '../../shared/wording/client.js';
import type { ClientView, MessagesView } from '../../shared/use-cases/views.js';

/** The page's view: where things stand, and (when read) the client's own record. */
export type PageView = ClientView & { messages?: MessagesView };
import { buttonForm, documentShell, escapeHtml, linkPath, noticeBox, type Notice } from './layout.js';
import {
  checkInSection,
  confirmSkipBox,
  keptWords,
  messagesSection,
  referralsSection,
  updateSection,
} from './sections.js';

export { escapeHtml };
export type { Notice };

export interface PageOptions {
  token: string;
  notice?: Notice;
  draft?: { update?: string; checkIn?: string };
  idempotencyKey: string;
  /** The client asked to skip the check-in: ask once whether they are sure. */
  confirmSkip?: boolean;
}

const heading = (view: ClientView) => `<h1>${escapeHtml(pageHeading(view.therapistName))}</h1>`;

const stoppedByClient = (view: ClientView) => view.state === 'closed' && view.closedReason === 'opted-out';
const hasEnded = (view: ClientView) => view.state === 'closed' || view.state === 'declined';

function footer(view: ClientView, token: string): string {
  const stop = stoppedByClient(view)
    ? ''
    : `<p><a href="${linkPath(token, 'stop')}">${escapeHtml(STOP_ALL_EMAILS)}</a></p>\n`;
  return `${stop}<p>${escapeHtml(sentOnBehalfOf(view.voice))}</p>`;
}

function rulesList(view: ClientView): string {
  return `<ul>\n${view.summary.rules.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`;
}

/** The therapist's personal note for where things stand (view.note), in their own words. */
function noteSection(view: ClientView): string {
  if (!view.note) return '';
  return [
    `<p class="reply-from">${escapeHtml(clientMail.noteFrom(view.voice))}</p>`,
    `<blockquote>${escapeHtml(view.note)}</blockquote>`,
  ].join('\n');
}

function invitedBody(view: ClientView, token: string): string {
  const name = view.therapistName;
  const intro = view.handedOver ? handedOverPage.invitedIntro(view.handedOver.from, name) : invitedPage.intro(name);
  return [
    `<p>${escapeHtml(intro)}</p>`,
    rulesList(view),
    noteSection(view),
    `<p>${escapeHtml(invitedPage.nothingUnlessAccepted)}</p>`,
    buttonForm(linkPath(token, 'accept'), invitedPage.accept),
    `<p class="muted">${escapeHtml(invitedPage.declineIsFine(name))}</p>`,
    buttonForm(linkPath(token, 'decline'), invitedPage.decline, true),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** Whether the client can still write anything here, today or later. */
function canStillWrite(view: ClientView): boolean {
  const c = view.checkIn;
  const checkInAhead = c?.format === 'message' && c.status === 'pending' && view.today <= (c.messageUntil ?? c.on);
  return view.updates.nextAllowedOn !== null || checkInAhead;
}

/** What the pause means, and the therapist's note with it. */
function pausedIntro(view: PageView): string {
  const note = view.pause?.note;
  return [
    `<p>${escapeHtml(view.stateDetail ?? '')}</p>`,
    note ? `<p class="reply-from">${escapeHtml(pausedMail.noteFrom(view.therapistName))}</p>` : '',
    note ? `<blockquote>${escapeHtml(note)}</blockquote>` : '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function openBody(view: PageView, opts: PageOptions): string {
  const intro =
    view.state === 'paused' && view.stateDetail
      ? pausedIntro(view)
      : `<p>${escapeHtml((canStillWrite(view) ? openPage.intro : openPage.introNothingToSend)(view.therapistName))}</p>`;
  const handedOver = view.handedOver
    ? `<p>${escapeHtml(handedOverPage.tookOver(view.therapistName, view.handedOver.from, view.handedOver.on))}</p>`
    : '';
  return [
    intro,
    handedOver,
    `<h2>${escapeHtml(openPage.leftHeading)}</h2>`,
    `<p>${escapeHtml(view.summary.left)}</p>`,
    `<details><summary>${escapeHtml(openPage.wholeArrangement)}</summary>\n${rulesList(view)}\n</details>`,
    updateSection(view, opts.token, opts.idempotencyKey, opts.draft?.update),
    checkInSection(view, opts.token, opts.draft?.checkIn),
    messagesSection(view, view.messages),
    // A refusal comes with the therapist's referrals, as an emailed refusal does.
    opts.notice?.kind === 'refusal' ? referralsSection(view) : '',
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

function endedBody(view: PageView, opts: PageOptions): string {
  const parts = [`<p>${escapeHtml(view.stateDetail ?? '')}</p>`, noteSection(view)];
  if (view.state === 'closed' && !stoppedByClient(view)) parts.push(`<p>${escapeHtml(THANK_YOU_FOR_TAKING_PART)}</p>`);
  parts.push(keptAfterEnd(opts.draft), messagesSection(view, view.messages), referralsSection(view));
  return parts.filter((part) => part !== '').join('\n');
}

export function renderClientPage(view: PageView, opts: PageOptions): string {
  const body =
    view.state === 'invited'
      ? invitedBody(view, opts.token)
      : hasEnded(view)
        ? endedBody(view, opts)
        : openBody(view, opts);
  return documentShell({
    title: pageTitle(opts.notice?.title),
    main: [
      heading(view),
      opts.notice ? noticeBox(opts.notice) : '',
      opts.confirmSkip && !hasEnded(view) ? confirmSkipBox(view, opts.token) : '',
      body,
    ]
      .filter((part) => part !== '')
      .join('\n'),
    crisis: view.crisis,
    footer: footer(view, opts.token),
  });
}

export interface StopPageOptions {
  token: string;
  /** After the stop was posted (the confirmation), or before it (the question). */
  done: boolean;
  /** Whether the token opens the page too: a stop link's page has no way back, as it would lead nowhere. */
  opensPage: boolean;
}

export function renderStopPage(view: ClientView, opts: StopPageOptions): string {
  const name = view.therapistName;
  const para = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const back = opts.opensPage ? `<p><a href="${linkPath(opts.token)}">${escapeHtml(stopPage.back)}</a></p>` : '';
  let title: string;
  let body: string[];
  if (stoppedByClient(view) || (opts.done && !hasEnded(view))) {
    title = stopPage.stoppedTitle;
    body = [
      `<div class="notice notice-success" role="status">${para(stopPage.stopped(name))}</div>`,
      para(stopPage.yoursToDecide(name)),
      referralsSection(view),
      para(TAKE_CARE),
    ];
  } else if (hasEnded(view)) {
    // Declined or closed already: nothing more is sent, so there is nothing to stop.
    title = stopPage.alreadyEndedTitle;
    body = [para(stopPage.alreadyEnded(name)), back];
  } else {
    title = stopPage.askTitle;
    body = [
      para(stopPage.ifYouStop(name)),
      para(stopPage.confirmation(name)),
      buttonForm(linkPath(opts.token, 'stop'), stopPage.button),
      back,
    ];
  }
  return documentShell({
    title: pageTitle(title),
    main: [`<h1>${escapeHtml(title)}</h1>`, ...body].filter((part) => part !== '').join('\n'),
    crisis: view.crisis,
    footer: para(sentOnBehalfOf(view.voice)),
  });
}

const DEFAULT_CRISIS = () => crisisResources('US').lines;

/** `kept`: words the client was sending when the link stopped working, so they can copy them. */
export function renderLinkNotActivePage(detail: string, kept?: string): string {
  return documentShell({
    title: pageTitle(linkNotActivePage.title),
    main: [
      `<h1>${escapeHtml(linkNotActivePage.heading)}</h1>`,
      `<p>${escapeHtml(detail)}</p>`,
      kept ? keptWords('kept-text', kept) : '',
    ]
      .filter(Boolean)
      .join('\n'),
    crisis: DEFAULT_CRISIS(),
  });
}

export function renderErrorPage(title: string, detail: string): string {
  return documentShell({
    title: pageTitle(title),
    main: [`<h1>${escapeHtml(title)}</h1>`, `<p>${escapeHtml(detail)}</p>`].join('\n'),
    crisis: DEFAULT_CRISIS(),
  });
}
