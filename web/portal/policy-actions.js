// @ts-check
/**
 * "What you can do" on one arrangement: pause or resume, edit the rules, send a new link, close, download.
 * Pausing, closing and new links ask first, in a panel that says what will happen.
 */
import { h } from './dom.js';
import { pausePanel } from './policy-pause.js';
import { confirmCopy } from './policy-text.js';
import { section } from './policy-sections.js';
import { hasEnded } from './states.js';
import { plural } from './words.js';

/** @import { PauseDraft } from './pause-text.js' */
/** @import { ReplyDraft } from './policy-replies.js' */
/** @import { PolicyDetail, ReplyTarget } from './types.js' */

/** @typedef {'close' | 'reissue' | 'pause'} PanelKind */

/**
 * What the page knows about its actions while they run.
 * @typedef {object} ActionState
 * @property {PolicyDetail} detail
 * @property {'' | PanelKind} confirming the panel open, if any
 * @property {string} busy the action being sent, if any
 * @property {string} actionError why the last action did not work
 * @property {Record<string, ReplyDraft>} replies the reply forms open, by the message they answer
 * @property {PauseDraft} pause the pause form's fields
 * @property {number} retentionDays how long the arrangement is kept after closing
 */

/**
 * @typedef {object} ActionHandlers
 * @property {(action: string, after: { done: () => string, focusAfter: string }) => void} act sends an action
 * @property {(kind: PanelKind) => void} ask opens a confirmation
 * @property {(kind: PanelKind) => void} cancel closes it again
 * @property {() => void} exportCopy downloads everything as JSON
 * @property {() => void} printableRecord downloads the record as a page to print
 * @property {() => void} pause sends the pause form
 * @property {(target: ReplyTarget) => void} openReply opens the form under a message
 * @property {(target: ReplyTarget) => void} cancelReply closes it, dropping the words
 * @property {(target: ReplyTarget) => void} sendReply sends what the form holds
 */

/**
 * What the handlers work with: the state, and the page to redraw and move focus on.
 * @typedef {object} PageControl
 * @property {ActionState} state
 * @property {string} path the arrangement's API path
 * @property {(options?: { keepFocus?: boolean }) => void} draw
 * @property {(selector: string) => void} focus
 * @property {(message: string) => void} announce
 */

/**
 * @param {ActionState} state
 * @param {string} label
 * @param {string} action
 * @param {string} className
 * @param {() => void} onclick
 */
function actionButton(state, label, action, className, onclick) {
  return h(
    'button',
    { type: 'button', className: `button ${className}`, 'data-action': action, disabled: Boolean(state.busy), onclick },
    state.busy === action ? 'Working…' : label,
  );
}

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 * @param {'close' | 'reissue'} kind
 */
function confirmPanel(state, handlers, kind) {
  const copy = confirmCopy(kind, state.detail);
  const titleId = `confirm-${kind}-title`;
  return h(
    'div',
    { className: 'confirm', role: 'group', 'aria-labelledby': titleId },
    h('h3', { id: titleId, tabindex: '-1' }, copy.title),
    h('p', {}, copy.text),
    h(
      'div',
      { className: 'button-row' },
      actionButton(state, copy.confirm, `${copy.action}-confirm`, kind === 'close' ? 'button-danger' : '', () =>
        handlers.act(copy.action, { done: copy.done, focusAfter: 'export' }),
      ),
      h(
        'button',
        {
          type: 'button',
          className: 'button button-secondary',
          disabled: Boolean(state.busy),
          onclick: () => handlers.cancel(kind),
        },
        copy.cancel,
      ),
    ),
  );
}

/**
 * @param {...import('./dom.js').Child} children
 */
const action = (...children) => h('div', { className: 'action' }, ...children);

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 */
function stateActions(state, handlers) {
  const s = state.detail.state;
  const who = state.detail.client.name;
  const told = !state.detail.clientEmailSuppressed;
  if (s === 'active' && state.confirming === 'pause') return pausePanel(state, handlers);
  if (s === 'active') {
    return action(
      actionButton(state, 'Pause', 'pause', 'button-secondary', () => handlers.ask('pause')),
      h(
        'p',
        { className: 'help' },
        `Holds updates and reminders, until a day you choose or until you resume.${told ? ` ${who} gets one email about it.` : ''}`,
      ),
    );
  }
  if (s === 'paused') {
    return action(
      actionButton(state, 'Resume', 'resume', '', () =>
        handlers.act('resume', {
          done: () => `Resumed. ${who} can send updates within the rules again${told ? ', and has been told' : ''}.`,
          focusAfter: 'pause',
        }),
      ),
      h(
        'p',
        { className: 'help' },
        `Updates and reminders carry on within the same dates.${told ? ` ${who} gets one email saying it is open again.` : ''}`,
      ),
    );
  }
  return null;
}

/**
 * Editing the rules, on its own screen (a link, so it can be opened in a new tab too).
 * @param {PolicyDetail} detail
 */
function editAction(detail) {
  const help = detail.acceptedAt
    ? `Change the rules. You see exactly what ${detail.client.name} will be told before anything is saved.`
    : 'Change the rules, or correct the client’s email address.';
  return action(
    h(
      'a',
      {
        href: `#/policies/${encodeURIComponent(detail.id)}/edit`,
        className: 'button button-secondary',
        'data-action': 'edit',
      },
      'Edit rules',
    ),
    h('p', { className: 'help' }, help),
  );
}

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 */
function openActions(state, handlers) {
  const { detail } = state;
  const reaches = !detail.clientEmailSuppressed;
  return [
    editAction(detail),
    reaches && state.confirming === 'reissue' ? confirmPanel(state, handlers, 'reissue') : null,
    reaches && state.confirming !== 'reissue'
      ? action(
          actionButton(state, 'Send a new link', 'reissue-link', 'button-secondary', () => handlers.ask('reissue')),
          h('p', { className: 'help' }, 'If their link was lost or shared. Old links stop working.'),
        )
      : null,
    state.confirming === 'close'
      ? confirmPanel(state, handlers, 'close')
      : action(
          actionButton(state, 'Close arrangement', 'close', 'button-secondary', () => handlers.ask('close')),
          h(
            'p',
            { className: 'help' },
            detail.acceptedAt && reaches ? 'Ends it now, with a goodbye email to the client.' : 'Ends it now.',
          ),
        ),
  ];
}

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 */
export function actionsSection(state, handlers) {
  const ended = hasEnded(state.detail.state);
  const exportItem = action(
    h(
      'button',
      { type: 'button', className: 'button button-secondary', 'data-action': 'export', onclick: handlers.exportCopy },
      'Download a copy',
    ),
    h(
      'p',
      { className: 'help' },
      'Everything about this arrangement, as a JSON file.' +
        (ended ? ` It is deleted ${plural(state.retentionDays, 'day')} after closing.` : ''),
    ),
  );
  const recordItem = action(
    h(
      'button',
      {
        type: 'button',
        className: 'button button-secondary',
        'data-action': 'record',
        onclick: handlers.printableRecord,
      },
      'Printable record',
    ),
    h(
      'p',
      { className: 'help' },
      'The rules as told, every message and reply with its date, and the timeline, as a page to print or keep. It downloads as a web page: open it in your browser and print it.',
    ),
  );
  return section(
    'What you can do',
    'actions-title',
    state.actionError
      ? h('p', { className: 'notice notice-error action-error', role: 'alert', tabindex: '-1' }, state.actionError)
      : null,
    h(
      'div',
      { className: 'actions' },
      stateActions(state, handlers),
      ended ? null : openActions(state, handlers),
      exportItem,
      recordItem,
    ),
  );
}
