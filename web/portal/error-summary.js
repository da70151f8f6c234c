// @ts-check
/** "Please check these details" at the top of a form, with links that move focus to each field. */
import { h } from './dom.js';

/** @typedef {{ message: string, target: HTMLElement | null }} SummaryItem */
/** @typedef {ReturnType<typeof errorSummary>} ErrorSummary */

export function errorSummary() {
  const heading = h('h2', { className: 'error-summary-title' }, '');
  const list = h('ul', {});
  const el = h('div', { className: 'error-summary', tabindex: '-1', hidden: true }, heading, list);
  const headingId = `summary-${Math.random().toString(36).slice(2, 8)}`;
  heading.id = headingId;
  el.setAttribute('aria-labelledby', headingId);
  return {
    el,
    /**
     * @param {SummaryItem[]} items
     * @param {string} [title]
     */
    show(items, title) {
      heading.textContent =
        title ?? (items.length === 1 ? 'Please check one detail' : `Please check ${items.length} details`);
      list.replaceChildren(...items.map(summaryLine));
      el.hidden = false;
      el.focus();
    },
    hide() {
      el.hidden = true;
      list.replaceChildren();
    },
  };
}

/** @param {SummaryItem} item */
function summaryLine({ message, target }) {
  if (!target) return h('li', {}, message);
  const link = h('a', { href: `#${target.id}` }, message);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  });
  return h('li', {}, link);
}
