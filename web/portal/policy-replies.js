// @ts-check
/**
 * Replies, under each message the client sent: the reply once there is one; else, when the
 * client was told the therapist may reply and the arrangement is active, a Reply button that
 * opens a small form (a live count against the arrangement's length, Send, Cancel). A refusal
 * is shown in the form, and the words stay in it.
 */
import { api, ApiError, isHandled } from './api.js';
import { formatMoment } from './dates.js';
import { h, messageText } from './dom.js';
import {
  canReply,
  countCharacters,
  countLine,
  messageName,
  replyHelp,
  replyKey,
  replySlug,
  replyTo,
} from './reply-text.js';

/** @import { ActionHandlers, ActionState, PageControl } from './policy-actions.js' */
/** @import { PolicyDetail, Reply, ReplyTarget } from './types.js' */

/**
 * An open reply form: what it answers, the words so far, why the last try was refused, and the
 * key that makes a repeated send (a lost answer, a second click) count once.
 * @typedef {{ target: ReplyTarget, text: string, error: string, idempotencyKey: string }} ReplyDraft
 */

/**
 * @param {Reply} reply
 * @param {PolicyDetail} detail
 * @param {ReplyTarget} target
 */
function shownReply(reply, detail, target) {
  return h(
    'div',
    { className: 'reply', id: `reply-${replySlug(target)}`, tabindex: '-1' },
    h(
      'p',
      { className: 'meta' },
      'Your reply, sent ',
      h('time', { datetime: reply.sentAt }, formatMoment(reply.sentAt, detail.rules.timeZone)),
    ),
    messageText(reply.text),
  );
}

/**
 * The live count, said when typing pauses rather than on every key.
 * @param {HTMLTextAreaElement} area
 * @param {HTMLElement} out
 * @param {number} max
 * @param {ReplyDraft} draft
 */
function wireCount(area, out, max, draft) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const show = () => {
    const n = countCharacters(draft.text);
    out.textContent = countLine(n, max);
    out.classList.toggle('over', n > max);
  };
  area.addEventListener('input', () => {
    draft.text = area.value;
    clearTimeout(timer);
    timer = setTimeout(show, 400);
  });
  show();
}

/**
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 * @param {ReplyDraft} draft
 */
function replyForm(state, handlers, draft) {
  const { target } = draft;
  const id = `reply-text-${replySlug(target)}`;
  const area = h('textarea', {
    id,
    name: 'text',
    rows: 5,
    value: draft.text,
    'aria-invalid': draft.error ? 'true' : null,
  });
  area.setAttribute(
    'aria-describedby',
    [`${id}-help`, draft.error ? `${id}-error` : '', `${id}-count`].join(' ').trim(),
  );
  const count = h('p', { className: 'count', id: `${id}-count`, 'aria-live': 'polite' });
  wireCount(area, count, state.detail.rules.updates.maxCharacters, draft);
  const sendAction = `reply-send-${replySlug(target)}`;
  return h(
    'form',
    {
      className: 'reply-form',
      novalidate: true,
      onsubmit: (/** @type {Event} */ e) => {
        e.preventDefault();
        handlers.sendReply(target);
      },
    },
    h('label', { for: id }, `Your reply to ${messageName(target)}`),
    h('p', { className: 'help', id: `${id}-help` }, replyHelp(state.detail)),
    draft.error
      ? h(
          'p',
          { className: 'notice notice-error reply-error', id: `${id}-error`, role: 'alert', tabindex: '-1' },
          draft.error,
        )
      : null,
    area,
    count,
    h(
      'div',
      { className: 'button-row' },
      h(
        'button',
        { type: 'submit', className: 'button', 'data-action': sendAction, disabled: Boolean(state.busy) },
        state.busy === sendAction ? 'Sending…' : 'Send reply',
      ),
      h(
        'button',
        {
          type: 'button',
          className: 'button button-secondary',
          disabled: Boolean(state.busy),
          onclick: () => handlers.cancelReply(target),
        },
        'Cancel',
      ),
    ),
  );
}

/**
 * What goes under one message: its reply, the form, a Reply button, or nothing.
 * @param {ActionState} state
 * @param {ActionHandlers} handlers
 * @param {ReplyTarget} target
 */
export function replyPart(state, handlers, target) {
  const { detail } = state;
  const reply = replyTo(detail, target);
  if (reply) return shownReply(reply, detail, target);
  if (!canReply(detail, target)) return null;
  const draft = state.replies[replyKey(target)];
  if (draft) return replyForm(state, handlers, draft);
  return h(
    'button',
    {
      type: 'button',
      className: 'button button-secondary button-small',
      'data-action': `reply-${replySlug(target)}`,
      disabled: Boolean(state.busy),
      onclick: () => handlers.openReply(target),
    },
    'Reply',
    h('span', { className: 'visually-hidden' }, ` to ${messageName(target)}`),
  );
}

/**
 * Opening, cancelling and sending replies.
 * @param {PageControl} page
 * @returns {Pick<ActionHandlers, 'openReply' | 'cancelReply' | 'sendReply'>}
 */
export function replyHandlers(page) {
  const { state } = page;
  return {
    openReply(target) {
      state.replies[replyKey(target)] = { target, text: '', error: '', idempotencyKey: crypto.randomUUID() };
      page.draw();
      page.focus(`#reply-text-${replySlug(target)}`);
    },
    cancelReply(target) {
      delete state.replies[replyKey(target)];
      page.draw();
      page.focus(`[data-action="reply-${replySlug(target)}"]`);
    },
    async sendReply(target) {
      const draft = state.replies[replyKey(target)];
      if (!draft || state.busy) return;
      if (countCharacters(draft.text) === 0) return refused(draft, 'Please write something before sending.');
      draft.error = '';
      state.busy = `reply-send-${replySlug(target)}`;
      page.draw({ keepFocus: true });
      try {
        const reply = await api(
          'POST',
          `${page.path}/replies`,
          { inReplyTo: target, text: draft.text },
          {
            headers: { 'Idempotency-Key': draft.idempotencyKey },
          },
        );
        await sent(target, reply);
      } catch (error) {
        state.busy = '';
        if (isHandled(error)) return;
        // An answer came back, so nothing is in flight: a new try is a new request.
        if (error instanceof ApiError && error.status > 0) draft.idempotencyKey = crypto.randomUUID();
        refused(draft, error instanceof ApiError ? error.message : 'The reply could not be sent. Please try again.');
      }
    },
  };

  /**
   * @param {ReplyDraft} draft
   * @param {string} message
   */
  function refused(draft, message) {
    draft.error = message;
    page.draw();
    page.focus(`#reply-text-${replySlug(draft.target)}-error`);
  }

  /**
   * Shows the reply under the message, with the timeline as the service now has it.
   * @param {ReplyTarget} target
   * @param {Reply} reply
   */
  async function sent(target, reply) {
    const withReply = { ...state.detail, replies: [...(state.detail.replies ?? []), reply] };
    state.detail = await api('GET', page.path).catch(() => withReply);
    delete state.replies[replyKey(target)];
    state.busy = '';
    page.draw();
    const who = state.detail.client.name;
    page.announce(
      state.detail.clientEmailSuppressed
        ? `Your reply to ${messageName(target)} is on ${who}’s page.`
        : `Your reply to ${messageName(target)} was sent to ${who}.`,
    );
    page.focus(`#reply-${replySlug(target)}`);
  }
}
