// @ts-check
/** What a handover did: one line for each arrangement, what remains, and a way to finish. */
import { h } from './dom.js';
import { arrangementLabel, outcomeLabel, resultSentence } from './practice-text.js';

/** @import { ArrangementMeta, HandoverResult, PracticeTherapist } from './types.js' */

/**
 * @param {object} options
 * @param {HandoverResult} options.result
 * @param {PracticeTherapist} options.leaver
 * @param {string | null} options.colleague who took them on, or null when each was closed
 * @param {ArrangementMeta[]} options.arrangements the practice's, as they were before, to name each one
 * @param {() => void} options.retry sends the same handover again
 */
export function handoverResult({ result, leaver, colleague, arrangements, retry }) {
  const byId = new Map(arrangements.map((a) => [a.policyId, a]));
  const rows = result.arrangements.map((a) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', 'data-label': 'Arrangement' }, arrangementLabel(a.policyId, byId.get(a.policyId))),
      h('td', { 'data-label': 'What happened' }, outcomeLabel(a.outcome, colleague)),
    ),
  );
  const finished = result.remaining === 0;
  return h(
    'section',
    { className: 'card handover-result', 'aria-labelledby': 'result-title' },
    h('h2', { id: 'result-title', tabindex: '-1' }, finished ? 'The handover is done' : 'The handover is not finished'),
    h(
      'p',
      { className: finished ? 'notice notice-success' : 'notice notice-warning' },
      resultSentence(result, leaver.name),
    ),
    rows.length
      ? h(
          'table',
          { className: 'policy-table' },
          h('caption', {}, `${leaver.name}’s arrangements`),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, 'Arrangement'), h('th', { scope: 'col' }, 'What happened')),
          ),
          h('tbody', {}, rows),
        )
      : null,
    finished
      ? h('p', {}, `${leaver.name} can now be removed from the practice, on the therapists page.`)
      : h(
          'div',
          { className: 'button-row' },
          h('button', { type: 'button', className: 'button', 'data-action': 'retry', onclick: retry }, 'Try again'),
        ),
    h(
      'p',
      { className: 'button-row' },
      h('a', { href: '#/practice' }, 'Back to the therapists'),
      h('a', { href: '#/practice/arrangements' }, 'See the practice’s arrangements'),
    ),
  );
}
