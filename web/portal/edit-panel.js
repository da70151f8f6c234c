// @ts-check
/**
 * The edit screen's "before you save" panel: what the client will be told, what the change
 * takes back with the box that confirms it, and Save. On a phone it follows the fields; on a
 * wide screen it stays beside them.
 */
import { h } from './dom.js';
import { CONFIRM_NEEDED, confirmLabel, noChangeYet, reductionTitle } from './edit-text.js';
import { problemsStatus } from './new-preview.js';

/** @import { PreviewWords } from './edit-text.js' */
/** @import { Policy } from './types.js' */

/** The box that confirms a change that takes something back, with its own error. */
function confirmBox(/** @type {Policy} */ policy) {
  const box = h('input', { type: 'checkbox', id: 'confirm-reduce', name: 'confirm-reduce' });
  const error = h('p', { className: 'field-error', id: 'confirm-reduce-error', hidden: true });
  const wrap = h(
    'div',
    { className: 'field confirm-reduce' },
    error,
    h('div', { className: 'choice' }, box, h('label', { for: 'confirm-reduce' }, confirmLabel(policy))),
  );
  /** @param {string} message */
  const setError = (message) => {
    error.hidden = !message;
    error.replaceChildren(...(message ? [h('span', { className: 'visually-hidden' }, 'Error: '), message] : []));
    box.setAttribute('aria-describedby', message ? 'reductions-list confirm-reduce-error' : 'reductions-list');
    if (message) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
    wrap.classList.toggle('has-error', Boolean(message));
  };
  setError('');
  box.addEventListener('change', () => {
    if (box.checked) setError('');
  });
  return { box, wrap, setError };
}

/**
 * @param {Policy} policy
 * @param {string} backTo the arrangement's page
 */
function panelParts(policy, backTo) {
  const status = h('p', { className: 'preview-status', role: 'status', 'aria-live': 'polite' }, noChangeYet(policy));
  const busy = h('p', { className: 'preview-busy', 'aria-hidden': 'true', hidden: true }, 'Updating…');
  const problems = h('div', { className: 'preview-problems', hidden: true });
  const lines = h('ul', { className: 'summary-lines told-lines', hidden: true });
  const after = h('p', { className: 'notice notice-warning', hidden: true });
  const subject = h('span', {});
  const emailText = h('pre', { className: 'email-text' });
  const email = h(
    'details',
    { className: 'more', hidden: true },
    h('summary', {}, 'The whole email'),
    h('p', { className: 'email-subject' }, h('span', { className: 'muted' }, 'Subject: '), subject),
    emailText,
  );
  const reductionList = h('ul', { id: 'reductions-list' });
  const confirm = confirmBox(policy);
  const reductions = h(
    'div',
    { className: 'reductions', hidden: true },
    h('p', { className: 'reductions-title', id: 'reductions-title' }, reductionTitle(policy)),
    reductionList,
    confirm.wrap,
  );
  const save = h('button', { type: 'submit', className: 'button button-large', 'data-action': 'save' }, 'Save changes');
  const actions = h(
    'div',
    { className: 'button-row' },
    save,
    h('a', { href: backTo, className: 'button button-quiet' }, 'Cancel'),
  );
  const panel = h(
    'section',
    { className: 'preview edit-preview', 'aria-labelledby': 'edit-preview-title' },
    h('h2', { id: 'edit-preview-title' }, `What ${policy.client.name} will be told`),
    status,
    busy,
    problems,
    lines,
    after,
    email,
    reductions,
    actions,
  );
  return {
    panel,
    status,
    busy,
    problems,
    lines,
    after,
    email,
    subject,
    emailText,
    reductionList,
    reductions,
    confirm,
    save,
  };
}

/**
 * The panel, and the ways the page changes it.
 * @param {Policy} policy
 * @param {string} backTo
 */
export function editPanel(policy, backTo) {
  const el = panelParts(policy, backTo);
  let reductionKey = '';

  /** @param {string} text */
  const setStatus = (text) => {
    if (el.status.textContent !== text) el.status.textContent = text;
  };

  /** @param {string[]} reductions */
  function showReductions(reductions) {
    const key = reductions.join('\n');
    // A tick confirms what it was given for: a different change asks again.
    if (key !== reductionKey) {
      el.confirm.box.checked = false;
      el.confirm.setError('');
      reductionKey = key;
    }
    el.reductionList.replaceChildren(...reductions.map((r) => h('li', {}, r)));
    el.reductions.hidden = reductions.length === 0;
  }

  return {
    el,
    setStatus,
    /** @param {boolean} on */
    setBusy: (on) => {
      el.busy.hidden = !on;
    },
    /** Nothing to preview: the form is as it was. */
    showNothing() {
      el.problems.hidden = true;
      el.lines.hidden = true;
      el.after.hidden = true;
      el.email.hidden = true;
      showReductions([]);
      setStatus(noChangeYet(policy));
    },
    /** @param {string[]} messages the problems, as lines */
    showProblems(messages) {
      el.problems.replaceChildren(
        h('p', {}, 'The preview will come back once these are fixed:'),
        h(
          'ul',
          {},
          messages.map((m) => h('li', {}, m)),
        ),
      );
      el.problems.hidden = false;
      el.lines.classList.add('is-stale');
      setStatus(problemsStatus(messages.length));
    },
    /**
     * @param {PreviewWords} words
     * @param {{ subject: string, text: string } | null} email
     */
    showWords(words, email) {
      el.problems.hidden = true;
      el.lines.classList.remove('is-stale');
      el.lines.replaceChildren(...words.lines.map((line) => h('li', {}, line)));
      el.lines.hidden = words.lines.length === 0;
      el.after.textContent = words.after ?? '';
      el.after.hidden = !words.after;
      el.subject.textContent = email?.subject ?? '';
      el.emailText.textContent = email?.text ?? '';
      el.email.hidden = !email;
      showReductions(words.reductions);
      setStatus(words.intro);
    },
    confirmed: () => el.confirm.box.checked,
    /** Save without the tick: say so beside the box, and go there. */
    askConfirm() {
      el.confirm.setError(CONFIRM_NEEDED);
      el.confirm.box.focus();
    },
  };
}

/** @typedef {ReturnType<typeof editPanel>} EditPanel */
