// @ts-check
/** The therapist's arrangements: who, in which state, how many updates, what comes next. */
import { api } from './api.js';
import { dateIn, formatDate } from './dates.js';
import { h } from './dom.js';
import { narrowPage } from './narrow-page.js';
import { nextFromRules } from './rules-text.js';
import { stateBadge } from './state-badge.js';

/** @import { PageResult, Policy } from './types.js' */

/** @param {Policy} p */
function updatesCell(p) {
  const limit = p.rules?.updates?.limit ?? 0;
  if (limit === 0) return h('span', { className: 'muted' }, 'None offered');
  return `${p.counters.updatesAccepted} of ${limit} used`;
}

/** @param {Policy} p */
function nextCell(p) {
  const next = nextFromRules(p);
  if (!next) {
    if (p.state === 'closed' && p.closedAt)
      return h('span', { className: 'muted' }, `Ended ${formatDate(dateIn(p.closedAt, p.rules.timeZone))}`);
    return h('span', { className: 'muted' }, 'Nothing scheduled');
  }
  return h('span', {}, `${next.label}: `, h('time', { datetime: next.on, className: 'nowrap' }, formatDate(next.on)));
}

/**
 * "2 active, 1 waiting for an answer, 3 ended."
 * @param {Policy[]} policies
 */
export function summaryLine(policies) {
  /** @param {string} s */
  const count = (s) => policies.filter((p) => p.state === s).length;
  const parts = [];
  if (count('active')) parts.push(`${count('active')} active`);
  if (count('invited')) parts.push(`${count('invited')} waiting for an answer`);
  if (count('paused')) parts.push(`${count('paused')} paused`);
  const ended = count('closed') + count('declined');
  if (ended) parts.push(`${ended} ended`);
  return parts.length ? `${parts.join(', ')}.` : '';
}

/** @returns {PageResult} */
function emptyList() {
  return narrowPage(
    { title: 'Arrangements', heading: 'Arrangements' },
    h(
      'div',
      { className: 'empty' },
      h('p', { className: 'lead' }, 'You have no arrangements yet.'),
      h(
        'p',
        {},
        'An arrangement gives a former client a small, predictable way to stay in touch: a few short updates within limits you choose, and one check-in. Afterword sends the emails and keeps the limits for you.',
      ),
      h('a', { href: '#/new', className: 'button button-large' }, 'Create your first arrangement'),
    ),
  );
}

/** @param {Policy} p */
function row(p) {
  return h(
    'tr',
    { role: 'row' },
    h(
      'th',
      { scope: 'row', role: 'rowheader', 'data-label': 'Client' },
      h('a', { href: `#/policies/${encodeURIComponent(p.id)}`, className: 'client-link' }, p.client.name),
      h('span', { className: 'muted small block' }, p.client.email),
    ),
    h('td', { role: 'cell', 'data-label': 'State' }, stateBadge(p.state)),
    h('td', { role: 'cell', 'data-label': 'Updates' }, updatesCell(p)),
    h('td', { role: 'cell', 'data-label': 'Next' }, nextCell(p)),
    h(
      'td',
      { role: 'cell', 'data-label': 'Started' },
      h('time', { datetime: p.createdAt, className: 'nowrap' }, formatDate(dateIn(p.createdAt, p.rules.timeZone))),
    ),
  );
}

/** @returns {Promise<PageResult>} */
export async function listPage() {
  /** @type {{ policies: Policy[] }} */
  const { policies } = await api('GET', '/policies');
  if (!policies.length) return emptyList();
  return {
    title: 'Arrangements',
    node: h(
      'section',
      { className: 'page' },
      h(
        'div',
        { className: 'page-head' },
        h('h1', {}, 'Arrangements'),
        h('a', { href: '#/new', className: 'button' }, 'Create an arrangement'),
      ),
      h('p', { className: 'muted' }, summaryLine(policies)),
      h(
        'table',
        { className: 'policy-table', role: 'table' },
        h('caption', {}, 'Your arrangements, newest first'),
        h(
          'thead',
          { role: 'rowgroup' },
          h(
            'tr',
            { role: 'row' },
            h('th', { scope: 'col', role: 'columnheader' }, 'Client'),
            h('th', { scope: 'col', role: 'columnheader' }, 'State'),
            h('th', { scope: 'col', role: 'columnheader' }, 'Updates'),
            h('th', { scope: 'col', role: 'columnheader' }, 'Next'),
            h('th', { scope: 'col', role: 'columnheader' }, 'Started'),
          ),
        ),
        h('tbody', { role: 'rowgroup' }, policies.map(row)),
      ),
    ),
  };
}
