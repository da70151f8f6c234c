// @ts-check
/**
 * Pausing, asked first in a panel like closing: an optional end date and an optional note to
 * the client, and a plain sentence about the one email they will get. The service's answers
 * go beside the field they are about; what was typed stays.
 */
import { api, isHandled } from './api.js';
import { h, messageText } from './dom.js';
import { field } from './fields.js';
import { emptyPause, pauseBody, pauseCopy, pausedDone, pauseProblems, pauseProblemsBefore } from './pause-text.js';

/** @import { ActionHandlers, ActionState, PageControl } from './policy-actions.js' */
/** @import { PolicyDetail } from './types.js' */

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 */
export function pausePanel(state, handlers) {
  const { detail, pause: draft } = state;
  const copy = pauseCopy(detail);
  const until = field({
    id: 'pause-until',
    label: copy.untilLabel,
    help: copy.untilHelp,
    control: h('input', {
      type: 'date',
      value: draft.until,
      max: detail.rules.closesOn,
      oninput: (/** @type {Event} */ e) => {
        if (e.target instanceof HTMLInputElement) draft.until = e.target.value;
      },
    }),
  });
  const note = field({
    id: 'pause-note',
    label: copy.noteLabel,
    help: copy.noteHelp,
    control: h('textarea', {
      rows: 4,
      value: draft.note,
      oninput: (/** @type {Event} */ e) => {
        if (e.target instanceof HTMLTextAreaElement) draft.note = e.target.value;
      },
    }),
  });
  until.setError(draft.problems.until ?? '');
  note.setError(draft.problems.note ?? '');
  return h(
    'form',
    {
      className: 'confirm pause-form',
      'aria-labelledby': 'confirm-pause-title',
      novalidate: true,
      onsubmit: (/** @type {Event} */ e) => {
        e.preventDefault();
        handlers.pause();
      },
    },
    h('h3', { id: 'confirm-pause-title', tabindex: '-1' }, copy.title),
    h('p', {}, copy.text),
    draft.problems.form
      ? h('p', { className: 'notice notice-error pause-error', role: 'alert', tabindex: '-1' }, draft.problems.form)
      : null,
    until.wrap,
    note.wrap,
    h(
      'div',
      { className: 'button-row' },
      h(
        'button',
        { type: 'submit', className: 'button', 'data-action': 'pause-confirm', disabled: Boolean(state.busy) },
        state.busy === 'pause-confirm' ? 'Working…' : copy.confirm,
      ),
      h(
        'button',
        {
          type: 'button',
          className: 'button button-secondary',
          disabled: Boolean(state.busy),
          onclick: () => handlers.cancel('pause'),
        },
        copy.cancel,
      ),
    ),
  );
}

/**
 * While paused: the note the client was sent with the pause, if there was one.
 * @param {PolicyDetail} detail
 */
export function pauseNote(detail) {
  const note = detail.state === 'paused' ? detail.pause?.note : null;
  if (!note) return null;
  return h(
    'div',
    { className: 'pause-note' },
    h('p', { className: 'meta' }, `Your note to ${detail.client.name}, with the pause:`),
    messageText(note),
  );
}

/**
 * Sends the pause form. Problems found before sending, or named by the service, go beside
 * their field (focus moves to the first); anything else above the fields.
 * @param {PageControl} page
 */
export function pauseHandler(page) {
  const { state } = page;
  /** Focus on what needs another look: the first field with a problem, else the form's message. */
  const focusProblem = () => {
    const { problems } = state.pause;
    page.focus(problems.until ? '#pause-until' : problems.note ? '#pause-note' : '.pause-error');
  };
  return async function pause() {
    if (state.busy) return;
    state.pause.problems = pauseProblemsBefore(state.pause);
    if (state.pause.problems.note) {
      page.draw();
      focusProblem();
      return;
    }
    state.busy = 'pause-confirm';
    page.draw({ keepFocus: true });
    try {
      state.detail = await api('POST', `${page.path}/pause`, pauseBody(state.pause));
      state.busy = '';
      state.confirming = '';
      state.pause = emptyPause();
      page.draw();
      page.announce(pausedDone(state.detail));
      page.focus('[data-action="resume"]');
    } catch (error) {
      state.busy = '';
      if (isHandled(error)) return;
      state.pause.problems = pauseProblems(typeof error === 'object' && error !== null ? error : {});
      page.draw();
      focusProblem();
    }
  };
}
