// @ts-check
/**
 * One arrangement: where it stands, what the therapist can do, what is coming, what the
 * client has sent, and everything that happened, oldest first.
 */
import { api, download, isHandled } from './api.js';
import { append, h } from './dom.js';
import { emptyPause } from './pause-text.js';
import { actionsSection } from './policy-actions.js';
import { pauseHandler, pauseNote } from './policy-pause.js';
import { replyHandlers, replyPart } from './policy-replies.js';
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

/** @import { ActionHandlers, ActionState, PageControl } from './policy-actions.js' */
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
  /** @param {import('./types.js').ReplyTarget} target */
  const under = (target) => replyPart(state, handlers, target);
  return [
    h('p', { className: 'back' }, h('a', { href: '#/' }, 'Back to the list')),
    h('div', { className: 'policy-head' }, h('h1', {}, detail.client.name), stateBadge(detail.state)),
    h('p', { className: 'muted' }, detail.client.email),
    h('p', { className: 'lead' }, stateSentence(detail)),
    pauseNote(detail),
    ...notices(detail),
    h(
      'div',
      { className: 'policy-layout' },
      h(
        'div',
        { className: 'policy-side' },
        section('At a glance', 'glance-title', glance(detail)),
        actionsSection(state, handlers),
        upcoming(detail),
      ),
      h(
        'div',
        { className: 'policy-main' },
        updatesReceived(detail, under),
        checkInMessage(detail, under),
        timeline(detail),
        rulesSection(detail, service),
      ),
    ),
  ];
}

/** The control each panel's Cancel hands focus back to. */
const OPENED_BY = { close: 'close', reissue: 'reissue-link', pause: 'pause' };

/**
 * Pausing, resuming, closing, new links and the download: one action each, asked first where
 * it says what will happen.
 * @param {PageControl} page
 * @returns {Omit<ActionHandlers, 'pause' | 'openReply' | 'cancelReply' | 'sendReply'>}
 */
function actionHandlers(page) {
  const { state } = page;
  /** @param {string} message */
  function showActionError(message) {
    state.actionError = message;
    page.draw();
    page.focus('.action-error');
  }
  return {
    /** Runs one action; on success redraws and says what happened; on refusal explains. */
    async act(action, { done, focusAfter }) {
      state.actionError = '';
      state.busy = action;
      page.draw({ keepFocus: true });
      try {
        state.detail = await api('POST', `${page.path}/${action}`);
        state.busy = '';
        state.confirming = '';
        page.draw();
        page.announce(done());
        page.focus(`[data-action="${focusAfter}"]`);
      } catch (error) {
        state.busy = '';
        if (isHandled(error)) return;
        showActionError(reasons(error).detail || reasons(error).title || 'That did not work. Please try again.');
      }
    },
    ask(kind) {
      state.confirming = kind;
      state.actionError = '';
      if (kind === 'pause') state.pause.problems = {};
      page.draw();
      page.focus(`#confirm-${kind}-title`);
    },
    cancel(kind) {
      state.confirming = '';
      page.draw();
      page.focus(`[data-action="${OPENED_BY[kind]}"]`);
    },
    async exportCopy() {
      try {
        await download(`${page.path}/export`, `arrangement-${state.detail.id}.json`);
        page.announce('The download has started.');
      } catch (error) {
        if (isHandled(error)) return;
        showActionError(reasons(error).detail || 'The copy could not be downloaded. Please try again.');
      }
    },
    async printableRecord() {
      try {
        await download(`${page.path}/record`, `arrangement-${state.detail.id}-record.html`);
        page.announce('The printable record is downloading. Open it in your browser to print it.');
      } catch (error) {
        if (isHandled(error)) return;
        showActionError(reasons(error).detail || 'The record could not be downloaded. Please try again.');
      }
    },
  };
}

/**
 * @param {PageContext} ctx
 * @param {string} id
 * @returns {Promise<PageResult>}
 */
export async function policyPage(ctx, id) {
  const path = `/policies/${encodeURIComponent(id)}`;
  /** @type {PolicyDetail} */
  const detail = await api('GET', path);
  /** @type {ActionState} */
  const state = {
    detail,
    // As its practice said (its own setting, in the policy view); the service's own for an older answer.
    retentionDays: detail.retentionDays ?? ctx.rules.defaults.retentionDays,
    confirming: '',
    busy: '',
    actionError: '',
    replies: {},
    pause: emptyPause(),
  };
  const root = h('div', { className: 'page' });

  /** @type {PageControl} */
  const page = {
    state,
    path,
    /** Redraws everything; `keepFocus` puts focus back on the action button that had it. */
    draw({ keepFocus = false } = {}) {
      const active = /** @type {HTMLElement | null} */ (document.activeElement);
      const activeAction = keepFocus && active && root.contains(active) ? active.dataset.action : null;
      root.replaceChildren();
      append(root, screen(state, handlers, ctx.rules));
      if (activeAction) page.focus(`[data-action="${activeAction}"]`);
    },
    /** Focus on the first match, or the heading when it is gone. */
    focus(selector) {
      /** @type {HTMLElement | null} */ (root.querySelector(selector) ?? root.querySelector('h1'))?.focus();
    },
    announce: ctx.announce,
  };
  /** @type {ActionHandlers} */
  const handlers = { ...actionHandlers(page), pause: pauseHandler(page), ...replyHandlers(page) };

  page.draw();
  return { title: state.detail.client.name, node: root };
}
