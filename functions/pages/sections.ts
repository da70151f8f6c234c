/**
 * The parts of the client's page that depend on where the arrangement stands: sending an
 * update, the check-in, the client's kept words, and the therapist's referrals.
 */
import {
  CHECK_IN_SKIPPED,
  KEPT_WORDS_LABEL,
  checkInForm,
  checkInMessageEnded,
  checkInSentTo,
  checkInStatus,
  describeReplies,
  nextUpdateFrom,
  noUpdateToday as noUpdateWords,
  referrals as referralWords,
  updateForm,
  yourMessages,
} from '../../shared/wording/client.js';
import type { ClientView, MessagesView } from '../../shared/use-cases/views.js';
import { buttonForm, escapeHtml, linkPath, multiline, textareaContent } from './layout.js';

/**
 * Words the client wrote that cannot be sent right now (the arrangement changed while they
 * were writing): shown read-only so nothing they wrote is ever lost.
 */
export function keptWords(id: string, text: string): string {
  return [
    '<div class="kept">',
    `<label for="${id}">${escapeHtml(KEPT_WORDS_LABEL)}</label>`,
    `<textarea id="${id}" rows="8" readonly>${textareaContent(text)}</textarea>`,
    '</div>',
  ].join('\n');
}

function textForm(opts: {
  action: string;
  id: string;
  label: string;
  hint: string;
  draft: string | undefined;
  button: string;
  hidden?: string;
  /** For the live counter (assets/counter.js); without JavaScript the hint says the limit. */
  maxCharacters: number;
}): string {
  const hidden = opts.hidden ?? '';
  return [
    `<form method="post" action="${opts.action}">`,
    `<label for="${opts.id}">${escapeHtml(opts.label)}</label>`,
    `<p class="hint" id="${opts.id}-hint">${escapeHtml(opts.hint)}</p>`,
    // No maxlength: the browser must never cut someone's words short; the server counts.
    `<textarea id="${opts.id}" name="text" rows="8" aria-describedby="${opts.id}-hint ${opts.id}-count" data-max-characters="${opts.maxCharacters}">${textareaContent(opts.draft)}</textarea>`,
    `<p class="count" id="${opts.id}-count" aria-live="polite"></p>`,
    hidden,
    `<div class="actions"><button type="submit">${escapeHtml(opts.button)}</button></div>`,
    '</form>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Why no update can be sent today, and when one can. */
function noUpdateToday(view: ClientView): string {
  const u = view.updates;
  if (view.state === 'paused')
    return view.pause?.until ? noUpdateWords.pausedUntil(view.pause.until) : noUpdateWords.paused;
  if (u.left === 0) return noUpdateWords.allSent(u.limit);
  if (u.nextAllowedOn && u.nextAllowedOn > view.today) return nextUpdateFrom(u.nextAllowedOn);
  return noUpdateWords.noMore;
}

export function updateSection(
  view: ClientView,
  token: string,
  idempotencyKey: string,
  draft: string | undefined,
): string {
  const { updates } = view;
  const parts = [`<h2>${escapeHtml(updateForm.heading)}</h2>`];
  if (updates.canSendToday) {
    const max = view.rules.updates.maxCharacters;
    parts.push(
      textForm({
        action: linkPath(token, 'update'),
        id: 'update-text',
        label: updateForm.label(view.therapistName),
        hint: updateForm.hint(max, describeReplies(view.rules, view.therapistName)),
        maxCharacters: max,
        draft,
        button: updateForm.button,
        hidden: `<input type="hidden" name="idempotencyKey" value="${escapeHtml(idempotencyKey)}">`,
      }),
    );
    return parts.join('\n');
  }
  // Nothing more to say than "What's left" already does: no heading for an empty section.
  // No next date means none are left or the window is over; "What's left" already says which.
  const nothingAhead = updates.nextAllowedOn === null;
  if (draft === undefined && (updates.limit === 0 || (view.state === 'active' && nothingAhead))) return '';
  parts.push(`<p>${escapeHtml(noUpdateToday(view))}</p>`);
  if (draft !== undefined) parts.push(keptWords('kept-update', draft));
  return parts.join('\n');
}

function checkInStatusLine(view: ClientView, c: NonNullable<ClientView['checkIn']>): string {
  const name = view.therapistName;
  if (c.status === 'skipped') return CHECK_IN_SKIPPED;
  if (c.format === 'session') return checkInStatus.session(name, c.on);
  if (c.status === 'sent') return checkInSentTo(name);
  const until = c.messageUntil ?? c.on;
  if (view.today > until) return checkInMessageEnded(until);
  if (view.state === 'paused' && view.today >= c.on) return checkInStatus.paused(name);
  return checkInStatus.ahead(c.on, until);
}

export function checkInSection(view: ClientView, token: string, draft: string | undefined): string {
  const c = view.checkIn;
  const heading = `<h2 id="check-in">${escapeHtml(checkInForm.heading)}</h2>`;
  if (!c) return draft === undefined ? '' : [heading, keptWords('kept-check-in', draft)].join('\n');
  const parts = [heading];
  if (c.canSendToday) {
    const max = view.rules.updates.maxCharacters;
    parts.push(
      `<p>${escapeHtml(checkInForm.open(c.messageUntil ?? c.on))}</p>`,
      textForm({
        action: linkPath(token, 'check-in'),
        id: 'check-in-text',
        label: checkInForm.label(view.therapistName),
        hint: checkInForm.hint(max),
        maxCharacters: max,
        draft,
        button: checkInForm.button,
      }),
    );
  } else {
    parts.push(`<p>${escapeHtml(checkInStatusLine(view, c))}</p>`);
    if (c.format === 'session' && c.note && c.status !== 'skipped') parts.push(`<p>${multiline(c.note)}</p>`);
    if (draft !== undefined) parts.push(keptWords('kept-check-in', draft));
  }
  parts.push(skipChoice(c, token));
  return parts.filter((part) => part !== '').join('\n');
}

/** Skip (asked once: see confirmSkipBox) while the check-in is ahead; undo while it has not passed. */
function skipChoice(c: NonNullable<ClientView['checkIn']>, token: string): string {
  if (c.canUndoSkip) {
    return [
      `<p class="muted">${escapeHtml(checkInForm.undoOffer(c.messageUntil ?? c.on))}</p>`,
      buttonForm(linkPath(token, 'undo-skip-check-in'), checkInForm.undo, true),
    ].join('\n');
  }
  if (!c.canSkip) return '';
  return [
    `<p class="muted">${escapeHtml(checkInForm.skipOffer)}</p>`,
    buttonForm(linkPath(token, 'skip-check-in'), checkInForm.skip, true),
  ].join('\n');
}

/** The one question before a skip, at the top of the page: yes (a form that confirms) or no (back to the page). */
export function confirmSkipBox(view: ClientView, token: string): string {
  const c = view.checkIn;
  if (!c?.canSkip) return '';
  return [
    '<section class="notice notice-refusal" aria-labelledby="confirm-skip">',
    `<h2 id="confirm-skip">${escapeHtml(checkInForm.confirmTitle)}</h2>`,
    `<p>${escapeHtml(checkInForm.confirmDetail(c.messageUntil ?? c.on))}</p>`,
    `<form method="post" action="${linkPath(token, 'skip-check-in')}">`,
    '<input type="hidden" name="confirm" value="yes">',
    `<div class="actions"><button type="submit">${escapeHtml(checkInForm.confirmYes)}</button>`,
    `<a href="${linkPath(token)}">${escapeHtml(checkInForm.confirmNo)}</a></div>`,
    '</form>',
    '</section>',
  ].join('\n');
}

/** tel: links for phone numbers and real links for web addresses; anything else stays text. */
function contactHtml(contact: string): string {
  const trimmed = contact.trim();
  if (/^https?:\/\/[^\s"'<>]+$/i.test(trimmed)) return `<a href="${escapeHtml(trimmed)}">${escapeHtml(trimmed)}</a>`;
  if (/^\+?[0-9][0-9 ().-]{4,}[0-9]$/.test(trimmed))
    return `<a href="tel:${trimmed.replace(/[^0-9+]/g, '')}">${escapeHtml(trimmed)}</a>`;
  return escapeHtml(trimmed);
}

export function referralsSection(view: ClientView): string {
  if (view.referrals.length === 0) return '';
  const items = view.referrals.map((r) =>
    r.contact.trim() ? `<li>${escapeHtml(r.name)}: ${contactHtml(r.contact)}</li>` : `<li>${escapeHtml(r.name)}</li>`,
  );
  return [
    `<h2>${escapeHtml(referralWords.heading)}</h2>`,
    `<p>${escapeHtml(view.referralsIntro)}</p>`,
    `<ul>\n${items.join('\n')}\n</ul>`,
  ].join('\n');
}

/** The client's own record: every message they sent (date and words) and the reply under it, if any. */
export function messagesSection(view: ClientView, messages: MessagesView | undefined): string {
  if (!messages || messages.length === 0) return '';
  const items = messages.map((m) => {
    const title =
      m.kind === 'update' && m.seq !== null ? yourMessages.update(m.seq, m.sentOn) : yourMessages.checkIn(m.sentOn);
    const reply = m.reply
      ? [
          `<p class="reply-from">${escapeHtml(yourMessages.reply(m.reply.by ?? view.therapistName, m.reply.sentOn))}</p>`,
          `<blockquote class="reply">${escapeHtml(m.reply.text)}</blockquote>`,
        ]
      : [];
    return [
      '<li>',
      `<h3>${escapeHtml(title)}</h3>`,
      `<blockquote>${escapeHtml(m.text)}</blockquote>`,
      ...reply,
      '</li>',
    ].join('\n');
  });
  return [`<h2>${escapeHtml(yourMessages.heading)}</h2>`, `<ol class="messages">`, ...items, '</ol>'].join('\n');
}
