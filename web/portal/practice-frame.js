// @ts-check
/** The frame of the practice admin's screens: their heading, a line about them, and links between them. */
import { h } from './dom.js';

/** @import { Child } from './dom.js' */

/** @typedef {'therapists' | 'settings' | 'arrangements'} PracticeScreen */

/** @type {[PracticeScreen, string, string][]} */
const SCREENS = [
  ['therapists', '#/practice', 'Therapists'],
  ['settings', '#/practice/settings', 'Settings'],
  ['arrangements', '#/practice/arrangements', 'All arrangements'],
];

/**
 * The practice's own navigation, the current screen marked.
 * @param {PracticeScreen | null} current
 */
export function practiceNav(current) {
  return h(
    'nav',
    { className: 'sub-nav', 'aria-label': 'Practice' },
    h(
      'ul',
      {},
      SCREENS.map(([screen, href, label]) =>
        h('li', {}, h('a', { href, 'aria-current': screen === current ? 'page' : null }, label)),
      ),
    ),
  );
}

/**
 * @param {{ current: PracticeScreen | null, heading: string, headingId: string, lead?: string, practiceName?: string }} options
 * @param {...Child} children
 */
export function practiceFrame({ current, heading, headingId, lead, practiceName }, ...children) {
  return h(
    'div',
    { className: 'page practice-page' },
    practiceName ? h('p', { className: 'muted practice-name' }, practiceName) : null,
    h('h1', { id: headingId, tabindex: '-1' }, heading),
    practiceNav(current),
    lead ? h('p', { className: 'lead' }, lead) : null,
    ...children,
  );
}
