/**
 * The parts of the client's page that depend on where the arrangement stands: sending an
 * update, the check-in, the client's kept words, and the therapist's referrals.
 */
import { formatDate, formatDateWithWeekday } from '../../shared/domain/dates.js';
import type { ClientView } from '../../shared/use-cases/views.js';
import { buttonForm, escapeHtml, linkPath, multiline, textareaContent } from './layout.js';

const count = (n: number) => n.toLocaleString('en-US');

function repliesLine(view: ClientView): string {
  return view.rules.replies === 'may-reply'
    ? `${view.therapistName} reads every update and may reply.`
    : `${view.therapistName} reads every update but will not reply to them.`;
}

/**
 * Words the client wrote that cannot be sent right now (the arrangement changed while they
 * were writing): shown read-only so nothing they wrote is ever lost.
 */
export function keptWords(id: string, text: string): string {
  return [
    '<div class="kept">',
    `<label for="${id}">Your words, kept here so you can copy them</label>`,
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
  if (view.state === 'paused') return 'Updates are paused for now.';
  if (u.left === 0) return u.limit === 1 ? 'You have sent your update.' : `You have sent all ${count(u.limit)} updates.`;
  if (u.nextAllowedOn && u.nextAllowedOn > view.today) return `Your next update can be sent from ${formatDate(u.nextAllowedOn)}.`;
  return 'No more updates can be sent in this arrangement.';
}

export function updateSection(view: ClientView, token: string, idempotencyKey: string, draft: string | undefined): string {
  const { updates } = view;
  const parts = ['<h2>Send an update</h2>'];
  if (updates.canSendToday) {
    const max = view.rules.updates.maxCharacters;
    parts.push(
      textForm({
        action: linkPath(token, 'update'),
        id: 'update-text',
        label: `Your update to ${view.therapistName}`,
        hint: `Up to ${count(max)} characters, plain text. ${repliesLine(view)}`,
        maxCharacters: max,
        draft,
        button: 'Send update',
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
  if (c.status === 'skipped') return 'You chose to skip the check-in. That is completely fine.';
  if (c.format === 'session') {
    return `${name} has planned a check-in session on ${formatDateWithWeekday(c.on)} and will arrange the details.`;
  }
  if (c.status === 'sent') return `Your check-in message has been sent. ${name} has it.`;
  const until = c.messageUntil ?? c.on;
  if (view.today > until) return `The time for the check-in message ended on ${formatDate(until)}.`;
  if (view.state === 'paused' && view.today >= c.on) return `${name} has paused things for the moment, so the check-in message cannot be sent just now.`;
  return `From ${formatDateWithWeekday(c.on)} until ${formatDate(until)}, you can send one check-in message here. It does not count as one of your updates.`;
}

export function checkInSection(view: ClientView, token: string, draft: string | undefined): string {
  const c = view.checkIn;
  if (!c) return draft === undefined ? '' : ['<h2>Check-in</h2>', keptWords('kept-check-in', draft)].join('\n');
  const parts = ['<h2>Check-in</h2>'];
  if (c.canSendToday) {
    const max = view.rules.updates.maxCharacters;
    parts.push(
      `<p>You can send your one check-in message until ${escapeHtml(formatDate(c.messageUntil ?? c.on))}. It does not count as one of your updates.</p>`,
      textForm({
        action: linkPath(token, 'check-in'),
        id: 'check-in-text',
        label: `Your check-in message to ${view.therapistName}`,
        hint: `Up to ${count(max)} characters, plain text.`,
        maxCharacters: max,
        draft,
        button: 'Send check-in message',
      }),
    );
  } else {
    parts.push(`<p>${escapeHtml(checkInStatusLine(view, c))}</p>`);
    if (c.format === 'session' && c.note && c.status !== 'skipped') parts.push(`<p>${multiline(c.note)}</p>`);
    if (draft !== undefined) parts.push(keptWords('kept-check-in', draft));
  }
  // Skipping is offered only while it can be done (the service refuses it when paused).
  if (c.status === 'pending' && view.state === 'active') {
    parts.push(
      '<p class="muted">If you would rather not have the check-in, you can skip it. Nothing else changes.</p>',
      buttonForm(linkPath(token, 'skip-check-in'), 'Skip the check-in', true),
    );
  }
  return parts.join('\n');
}

/** tel: links for phone numbers and real links for web addresses; anything else stays text. */
function contactHtml(contact: string): string {
  const trimmed = contact.trim();
  if (/^https?:\/\/[^\s"'<>]+$/i.test(trimmed)) return `<a href="${escapeHtml(trimmed)}">${escapeHtml(trimmed)}</a>`;
  if (/^\+?[0-9][0-9 ().-]{4,}[0-9]$/.test(trimmed)) return `<a href="tel:${trimmed.replace(/[^0-9+]/g, '')}">${escapeHtml(trimmed)}</a>`;
  return escapeHtml(trimmed);
}

export function referralsSection(view: ClientView): string {
  if (view.referrals.length === 0) return '';
  const items = view.referrals.map((r) => (r.contact.trim() ? `<li>${escapeHtml(r.name)}: ${contactHtml(r.contact)}</li>` : `<li>${escapeHtml(r.name)}</li>`));
  return ['<h2>If you would like support</h2>', `<p>${escapeHtml(view.therapistName)} suggested:</p>`, `<ul>\n${items.join('\n')}\n</ul>`].join('\n');
}
