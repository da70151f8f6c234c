// @ts-check
/**
 * The practice's arrangements (#/practice/arrangements), for its admins: metadata only (whose,
 * where each stands, its dates and counts, what comes next, and whether mail to the client has
 * stopped). The service sends an admin nothing of a client's: no name, no address, no words.
 */
import { api } from './api.js';
import { dateIn, formatDate } from './dates.js';
import { h } from './dom.js';
import { deliveryWords, nextLine, practiceSummary, updatesWords } from './practice-arrangements-text.js';
import { practiceFrame } from './practice-frame.js';
import { stateBadge } from './state-badge.js';

/** @import { ArrangementMeta, PageContext, PageResult, Profile } from './types.js' */

/**
 * @param {ArrangementMeta} a
 * @param {string} zone the admin's time zone, for the moments
 */
function row(a, zone) {
  return h(
    'tr',
    {},
    h('th', { scope: 'row', 'data-label': 'Therapist' }, a.therapistName),
    h(
      'td',
      { 'data-label': 'State' },
      stateBadge(a.state),
      a.pausedUntil ? h('span', { className: 'muted small block' }, `until ${formatDate(a.pausedUntil)}`) : null,
    ),
    h(
      'td',
      { 'data-label': 'Started' },
      h('time', { datetime: a.createdAt, className: 'nowrap' }, formatDate(dateIn(a.createdAt, zone))),
      h('span', { className: 'muted small block' }, `Therapy ended ${formatDate(a.endedOn)}`),
    ),
    h('td', { 'data-label': 'Updates' }, updatesWords(a)),
    h('td', { 'data-label': 'Next' }, nextLine(a)),
    h('td', { 'data-label': 'Closes' }, h('span', { className: 'nowrap' }, formatDate(a.closesOn))),
    h(
      'td',
      { 'data-label': 'Delivery' },
      a.clientEmailStopped
        ? [
            h('span', { className: 'delivery-problem' }, deliveryWords(a)),
            h(
              'span',
              { className: 'muted small block' },
              'Arrangement ',
              h('code', { className: 'break' }, a.policyId),
            ),
          ]
        : h('span', { className: 'muted' }, deliveryWords(a)),
    ),
  );
}

/**
 * @param {ArrangementMeta[]} arrangements
 * @param {string} zone
 */
function table(arrangements, zone) {
  return h(
    'table',
    { className: 'policy-table practice-arrangements' },
    h('caption', {}, 'Every arrangement in the practice: dates and counts only'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Therapist', 'State', 'Started', 'Updates', 'Next', 'Closes on', 'Delivery'].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      arrangements.map((a) => row(a, zone)),
    ),
  );
}

/**
 * @param {PageContext} ctx
 * @returns {Promise<PageResult>}
 */
export async function practiceArrangementsPage(ctx) {
  /** @type {[{ arrangements: ArrangementMeta[] }, Profile]} */
  const [{ arrangements }, profile] = await Promise.all([api('GET', '/practice/arrangements'), ctx.profile()]);
  const stopped = arrangements.some((a) => a.clientEmailStopped);
  return {
    title: 'Practice: arrangements',
    node: practiceFrame(
      {
        current: 'arrangements',
        heading: 'All arrangements',
        headingId: 'practice-arrangements-title',
        practiceName: profile.practice?.name,
        lead: 'Where each arrangement in the practice stands. You see its dates and counts, never a client’s name, address or words.',
      },
      arrangements.length
        ? [
            h('p', { className: 'muted' }, practiceSummary(arrangements)),
            stopped
              ? h(
                  'p',
                  { className: 'notice notice-warning' },
                  'Mail to a client stops after their address bounced or they marked an email as unwanted. Once the cause is fixed, ',
                  h('code', {}, 'npm run ops -- lift-suppression <arrangement id>'),
                  ' lets it resume (the deploy guide, “Operations”, says more).',
                )
              : null,
            table(arrangements, profile.timeZone),
          ]
        : h(
            'p',
            { className: 'empty' },
            'No arrangements yet. They appear here as the practice’s therapists create them.',
          ),
    ),
  };
}
