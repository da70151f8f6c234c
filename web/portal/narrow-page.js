// @ts-check
/** The one-column screens (signing in, an empty list, a page that did not load): a heading and a few lines. */
import { h } from './dom.js';

/** @import { Child } from './dom.js' */
/** @import { PageResult } from './types.js' */

/**
 * @param {{ title: string, heading: string, className?: string }} page the tab's title, the page's heading
 *   and any class besides "page narrow"
 * @param {...Child} children
 * @returns {PageResult}
 */
export function narrowPage({ title, heading, className }, ...children) {
  return {
    title,
    node: h(
      'section',
      { className: className ? `page narrow ${className}` : 'page narrow' },
      h('h1', {}, heading),
      ...children,
    ),
  };
}
