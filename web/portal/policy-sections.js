// @ts-check
/** The read-only parts of one arrangement's page: the glance, what is coming, what was sent, what happened. */
import { formatDate, formatDay, formatMoment } from './dates.js';
import { h, messageText } from './dom.js';
import { glanceRows } from './policy-text.js';
import { replyHint } from './reply-text.js';
import { describeRulesForTherapist } from './rules-text.js';
import { hasEnded } from './states.js';
import { timelineSentence, upcomingSentence } from './timeline-text.js';
import { plural } from './words.js';

/** @import { Child } from './dom.js' */
/** @import { HistoryEvent, Policy, PolicyDetail, PortalRules, ReceivedUpdate, ReplyTarget } from './types.js' */

/**
 * What goes under a message the client sent: its reply, or a way to write one.
 * @typedef {(target: ReplyTarget) => Child} Under
 */

/** @type {Under} */
const nothing = () => null;

/**
 * A card with a heading that names it for screen readers.
 * @param {string} title
 * @param {string} id
 * @param {...Child} children
 */
export function section(title, id, ...children) {
  return h('section', { className: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** @param {Policy} p */
export function glance(p) {
  return h(
    'dl',
    { className: 'glance' },
    glanceRows(p).map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
  );
}

/** @param {PolicyDetail} detail */
export function upcoming(detail) {
  const items = detail.upcoming ?? [];
  return section(
    'Coming up',
    'upcoming-title',
    items.length
      ? h(
          'ul',
          { className: 'plain-list' },
          items.map((item) =>
            h(
              'li',
              {},
              h('time', { datetime: item.on, className: 'date' }, formatDate(item.on)),
              ' ',
              upcomingSentence(item, detail.rules),
            ),
          ),
        )
      : h('p', { className: 'muted' }, 'Nothing is scheduled.'),
    detail.state === 'invited' && items.length
      ? h('p', { className: 'help' }, 'Reminders to the client go out only once they have accepted.')
      : null,
  );
}

/**
 * When something the client wrote arrived: the moment when known, else the day.
 * @param {{ receivedAt?: string | null, sentOn: string }} sent
 * @param {string} zone
 */
function sentTime(sent, zone) {
  return h(
    'time',
    { datetime: sent.receivedAt ?? sent.sentOn },
    sent.receivedAt ? formatMoment(sent.receivedAt, zone) : formatDate(sent.sentOn),
  );
}

/**
 * An ordered list, one item per entry, or a quiet line that says there is nothing yet.
 * @template T
 * @param {string} className
 * @param {T[]} entries
 * @param {(entry: T) => Child} item
 * @param {string} none
 */
function listOrNone(className, entries, item, none) {
  return entries.length
    ? h(
        'ol',
        { className },
        entries.map((entry) => h('li', {}, item(entry))),
      )
    : h('p', { className: 'muted' }, none);
}

/**
 * @param {ReceivedUpdate} u
 * @param {string} zone
 * @param {Under} under
 */
function updateItem(u, zone, under) {
  return h(
    'article',
    { 'aria-labelledby': `update-${u.seq}` },
    h('h3', { id: `update-${u.seq}` }, `Update ${u.seq}`),
    h('p', { className: 'meta' }, 'Sent ', sentTime(u, zone), ` · ${plural(u.characters, 'character')}`),
    messageText(u.text),
    under({ update: u.seq }),
  );
}

/**
 * Why there is no Reply button, once: in the first section with a message in it.
 * @param {PolicyDetail} detail
 * @param {'updates' | 'check-in'} where
 */
function replyHintIn(detail, where) {
  const first = (detail.updates ?? []).length > 0 ? 'updates' : 'check-in';
  const hint = first === where ? replyHint(detail) : null;
  return hint ? h('p', { className: 'help reply-hint' }, hint) : null;
}

/**
 * @param {PolicyDetail} detail
 * @param {Under} [under]
 */
export function updatesReceived(detail, under = nothing) {
  const none =
    detail.rules.updates.limit === 0 ? 'This arrangement does not include written updates.' : 'No updates yet.';
  const zone = detail.rules.timeZone;
  const list = listOrNone('updates', detail.updates ?? [], (u) => updateItem(u, zone, under), none);
  return section('Updates received', 'updates-title', replyHintIn(detail, 'updates'), list);
}

/** @param {PolicyDetail} detail */
function noCheckInMessage(detail) {
  const c = detail.rules.checkIn;
  if (detail.counters.checkIn === 'skipped') return `${detail.client.name} chose to skip the check-in.`;
  if (hasEnded(detail.state)) return 'No check-in message was sent.';
  return `Nothing yet. ${detail.client.name} can write from ${formatDay(c?.on)} to ${formatDate(c?.messageUntil)}.`;
}

/**
 * @param {PolicyDetail} detail
 * @param {Under} [under]
 */
export function checkInMessage(detail, under = nothing) {
  const c = detail.rules.checkIn;
  if (!detail.checkInMessage && (!c || c.format !== 'message')) return null;
  const m = detail.checkInMessage;
  return section(
    'Check-in message',
    'checkin-title',
    m ? replyHintIn(detail, 'check-in') : null,
    m
      ? h(
          'article',
          { className: 'checkin-message' },
          h('p', { className: 'meta' }, 'Sent ', sentTime(m, detail.rules.timeZone)),
          messageText(m.text),
          under({ checkIn: true }),
        )
      : h('p', { className: 'muted' }, noCheckInMessage(detail)),
  );
}

/**
 * @param {PolicyDetail} detail
 * @param {PortalRules} service
 */
export function rulesSection(detail, service) {
  return section(
    'The rules',
    'rules-title',
    h(
      'ul',
      { className: 'rule-lines' },
      describeRulesForTherapist(detail.rules, detail.client.name, service).map((line) => h('li', {}, line)),
    ),
  );
}

/**
 * What happened, oldest first. What was done before the latest handover was done by the therapist
 * before, not by the one reading it now.
 * @param {PolicyDetail} detail
 */
export function timeline(detail) {
  const zone = detail.rules.timeZone;
  const handedOverAt = (detail.history ?? []).filter((e) => e.type === 'handed-over').at(-1)?.at ?? '';
  /** @param {HistoryEvent} e */
  const entry = (e) => [
    h('time', { datetime: e.at, className: 'date' }, formatMoment(e.at, zone)),
    h(
      'span',
      { className: 'event' },
      timelineSentence(e, detail.client.name, e.at < handedOverAt ? 'The previous therapist' : 'You'),
    ),
  ];
  const list = listOrNone('timeline', detail.history ?? [], entry, 'Nothing has happened yet.');
  return section('Timeline', 'timeline-title', list, h('p', { className: 'help' }, `Times are in ${zone}.`));
}

/**
 * Warnings about email: the client's address stopped working, or emails are still on their way.
 * @param {PolicyDetail} detail
 */
export function notices(detail) {
  const out = [];
  if (detail.clientEmailSuppressed) {
    out.push(
      h(
        'p',
        { className: 'notice notice-warning' },
        `Afterword has stopped emailing ${detail.client.name}: an email to their address bounced or was marked as unwanted. Nothing more will reach them by email. If you are still in touch another way, you may want to let them know.`,
      ),
    );
  }
  if (detail.undeliverable > 0) {
    out.push(
      h(
        'p',
        { className: 'notice notice-warning' },
        `${plural(detail.undeliverable, 'email')} could not be delivered after many tries, so Afterword stopped trying. The timeline shows which. Your practice admin can send ${detail.undeliverable === 1 ? 'it' : 'them'} again once the cause is fixed.`,
      ),
    );
  }
  if (detail.undelivered > 0) {
    out.push(
      h(
        'p',
        { className: 'notice' },
        `${plural(detail.undelivered, 'email')} ${detail.undelivered === 1 ? 'is' : 'are'} still on the way. Afterword keeps trying, and notes it in the timeline if one cannot be delivered.`,
      ),
    );
  }
  return out;
}
