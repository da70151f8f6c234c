// @ts-check
/** The calm screens for when a page cannot be shown: not found, or something went wrong. */
import { ApiError } from './api.js';
import { h } from './dom.js';
import { narrowPage } from './narrow-page.js';

/** @import { PageResult } from './types.js' */

/**
 * @param {unknown} error
 * @param {() => void} retry
 * @returns {PageResult}
 */
export function errorPage(error, retry) {
  if (error instanceof ApiError && error.status === 403) return forbiddenPage(error);
  const notFound = error instanceof ApiError && error.status === 404;
  const title = notFound ? 'Not found' : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : '';
  return narrowPage(
    { title, heading: notFound ? 'We could not find that' : 'This page did not load' },
    h(
      'p',
      {},
      notFound
        ? 'It may have been deleted after its retention period, or the address may be incomplete.'
        : detail || 'Something went wrong on our side. Nothing you entered has been sent.',
    ),
    h(
      'div',
      { className: 'button-row' },
      notFound ? null : h('button', { type: 'button', className: 'button', onclick: retry }, 'Try again'),
      h('a', { href: '#/', className: notFound ? 'button' : 'button button-secondary' }, 'Go to your list'),
    ),
  );
}

/**
 * Signed in, but not allowed: a practice's page for someone who is not its admin, or access
 * that has ended. The service's own words say which; nothing is tried again.
 * @param {ApiError} error
 * @returns {PageResult}
 */
function forbiddenPage(error) {
  return narrowPage(
    { title: 'Not available', heading: 'This is not available to you' },
    h('p', {}, error.detail || 'Only a practice admin can see this page.'),
    h('div', { className: 'button-row' }, h('a', { href: '#/', className: 'button' }, 'Go to your list')),
  );
}

/** When the portal's settings or rules did not load, nothing else can work. */
export function startFailure() {
  return h(
    'section',
    { className: 'page narrow' },
    h('h1', {}, 'The portal could not start'),
    h('p', {}, 'Its settings did not load. Please check your connection and reload the page.'),
  );
}
