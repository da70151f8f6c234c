// @ts-check
/**
 * One arrangement: where it stands, what the therapist can do, what is coming, what the
 * client has sent, and everything that happened, oldest first.
 */
import { api, download, isHandled } from './api.js';
import { h } from './dom.js';
import { actionsSection } from './policy-actions.js';
import {
  checkInMessage,
  glance,
  notices,
  rulesSection,
  section,
  timeline,
  updatesReceived,
  upcoming,
} from './policy-sections.js';
import { stateSentence } from './policy-text.js';
import { stateBadge } from './state-badge.js';

/** @import { ActionHandlers, ActionState } from './policy-actions.js' */
/** @import { PageContext, PageResult, PolicyDetail, PortalRules } from './types.js' */

/**
 * What went wrong, in the service's words when it gave some.
 * @param {unknown} error
 * @returns {{ detail?: string, title?: string }}
 */
const reasons = (error) => (typeof error === 'object' && error !== null ? error : {});

/**
 * The whole page, from what is known now.
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 * @param {PortalRules} service
 */
function screen(state, handlers, service) {
  const { detail } = state;
  return [
    h('p', { className: 'back' }, h('a', { href: '#/' }, 'Back to the list')),
    h('div', { className: 'policy-head' }, h('h1', {}, detail.client.name), stateBadge(detail.state)),
    h('p', { className: 'muted' }, detail.client.email),
    h('p', { className: 'lead' }, stateSentence(detail)),
    ...notices(detail),
    h(
      'div',
      { className: 'policy-layout' },
      h(
        'div',
        { className: 'policy-side' },
        section('At a glance', 'glance-title', glance(detail)),
        actionsSection(state, handlers, service),
        upcoming(detail),
      ),
      h(
        'div',
        { className: 'policy-main' },
        updatesReceived(detail),
        checkInMessage(detail),
        timeline(detail),
        rulesSection(detail, service),
      ),
    ),
  ];
}

/**
 * @param {PageContext} ctx
 * @param {string} id
 * @returns {Promise<PageResult>}
 */
export async function policyPage(ctx, id) {
  const path = `/policies/${encodeURIComponent(id)}`;
  /** @type {ActionState} */
  const state = {
    detail: /** @type {PolicyDetail} */ (await api('GET', path)),
    confirming: '',
    busy: '',
    actionError: '',
  };
  const root = h('div', { className: 'page' });
  /** @param {string} selector */
  const focus = (selector) => /** @type {HTMLElement | null} */ (root.querySelector(selector))?.focus();

  /** @param {string} message */
  function showActionError(message) {
    state.actionError = message;
    draw();
    focus('.action-error');
  }

  /** @type {ActionHandlers} */
  const handlers = {
    /** Runs one action; on success redraws and says what happened; on refusal explains. */
    async act(action, { done, focusAfter }) {
      state.actionError = '';
      state.busy = action;
      draw({ keepFocus: true });
      try {
        state.detail = await api('POST', `${path}/${action}`);
        state.busy = '';
        state.confirming = '';
        draw();
        ctx.announce(done());
        /** @type {HTMLElement | null} */ (
          root.querySelector(`[data-action="${focusAfter}"]`) ?? root.querySelector('h1')
        )?.focus();
      } catch (error) {
        state.busy = '';
        if (isHandled(error)) return;
        showActionError(reasons(error).detail || reasons(error).title || 'That did not work. Please try again.');
      }
    },
    ask(kind) {
      state.confirming = kind;
      state.actionError = '';
      draw();
      focus(`#confirm-${kind}-title`);
    },
    cancel(kind) {
      state.confirming = '';
      draw();
      focus(`[data-action="${kind === 'close' ? 'close' : 'reissue-link'}"]`);
    },
    async exportCopy() {
      try {
        await download(`${path}/export`, `arrangement-${state.detail.id}.json`);
        ctx.announce('The download has started.');
      } catch (error) {
        if (isHandled(error)) return;
        showActionError(reasons(error).detail || 'The copy could not be downloaded. Please try again.');
      }
    },
  };

  /** Redraws everything; `keepFocus` puts focus back on the action button that had it. */
  function draw({ keepFocus = false } = {}) {
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const activeAction = keepFocus && active && root.contains(active) ? active.dataset.action : null;
    root.replaceChildren(...screen(state, handlers, ctx.rules));
    if (activeAction) focus(`[data-action="${activeAction}"]`);
  }

  draw();
  return { title: state.detail.client.name, node: root };
}
