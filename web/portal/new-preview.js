// @ts-check
/**
 * The live preview beside the form: exactly what the client will be told (POST /policies/preview),
 * refreshed shortly after each change. Only the newest answer is shown; an older one is dropped.
 */
import { api, ApiError, breachesOf, isAbort, isHandled } from './api.js';
import { h } from './dom.js';
import { boundProblems } from './new-bounds.js';
import { problemsFromServer } from './new-problems.js';

/** @import { ErrorDisplay } from './new-field-errors.js' */
/** @import { NewValues, PolicyBody } from './new-read-form.js' */
/** @import { PageContext, PolicyRules, PreviewResult, Problem } from './types.js' */

function panelParts() {
  const status = h('p', { className: 'preview-status', role: 'status', 'aria-live': 'polite' }, '');
  const busy = h('p', { className: 'preview-busy', 'aria-hidden': 'true', hidden: true }, 'Updating…');
  const problems = h('div', { className: 'preview-problems', hidden: true });
  const summaryList = h('ul', { className: 'summary-lines' });
  const subject = h('span', {});
  const emailText = h('pre', { className: 'email-text' });
  const body = h(
    'div',
    { className: 'preview-body' },
    h('h3', {}, 'The rules, as the client will read them'),
    summaryList,
    h('h3', {}, 'The invitation email'),
    h('p', { className: 'email-subject' }, h('span', { className: 'muted' }, 'Subject: '), subject),
    emailText,
  );
  const panel = h(
    'aside',
    { className: 'preview', 'aria-labelledby': 'preview-title', tabindex: '0' },
    h('h2', { id: 'preview-title' }, 'What your client will be told'),
    h(
      'p',
      { className: 'help' },
      'Updated as you type: exactly the words of the invitation, with a placeholder for the private link.',
    ),
    status,
    busy,
    problems,
    body,
  );
  return { panel, status, busy, problems, summaryList, subject, emailText, body };
}

/**
 * What the status line says while problems keep the preview from updating.
 * @param {number} count
 */
export function problemsStatus(count) {
  return count === 1
    ? 'One detail needs another look before the preview can update.'
    : `${count} details need another look before the preview can update.`;
}

/**
 * The panel's two faces: the preview as the service worked it out, or the problems that keep
 * it from updating (an earlier preview stays, marked stale).
 * @param {ReturnType<typeof panelParts>} el
 * @param {ErrorDisplay} errors
 * @param {(rules: PolicyRules) => void} onRules
 */
function panelView(el, errors, onRules) {
  let hasPreview = false;

  /** @param {string} text */
  function setStatus(text) {
    if (el.status.textContent !== text) el.status.textContent = text;
  }

  /** @param {Problem[]} problems */
  function showProblems(problems) {
    errors.show(problems);
    el.problems.replaceChildren(
      h('p', {}, 'The preview will come back once these are fixed:'),
      h(
        'ul',
        {},
        problems.map((p) => h('li', {}, errors.line(p))),
      ),
    );
    el.problems.hidden = false;
    el.body.classList.toggle('is-stale', hasPreview);
    setStatus(problemsStatus(problems.length));
  }

  /** @param {Extract<PreviewResult, { ok: true }>} result */
  function showResult(result) {
    errors.show([]);
    el.summaryList.replaceChildren(...result.summary.map((line) => h('li', {}, line)));
    el.subject.textContent = result.invitation.subject;
    el.emailText.textContent = result.invitation.text;
    el.problems.hidden = true;
    el.body.classList.remove('is-stale');
    hasPreview = true;
    onRules(result.rules);
    setStatus('The preview shows the rules as they stand.');
  }

  return { setStatus, showProblems, showResult };
}

/**
 * @param {object} options
 * @param {PageContext} options.ctx
 * @param {() => { values: NewValues, body: PolicyBody, problems: Problem[] }} options.read the form as the preview sends it
 * @param {ErrorDisplay} options.errors
 * @param {(rules: PolicyRules) => void} options.onRules called with the rules as the service worked them out
 */
export function livePreview({ ctx, read, errors, onRules }) {
  const el = panelParts();
  const view = panelView(el, errors, onRules);
  let timer = 0;
  /** @type {AbortController | null} */
  let abort = null;
  let seq = 0;

  async function run() {
    if (!ctx.isCurrent()) return;
    const { values, body, problems } = read();
    abort?.abort();
    const mine = ++seq;
    if (problems.length) {
      view.showProblems(problems);
      el.busy.hidden = true;
      return;
    }
    abort = new AbortController();
    try {
      /** @type {PreviewResult} */
      const result = await api('POST', '/policies/preview', body, { signal: abort.signal });
      if (mine !== seq || !ctx.isCurrent()) return;
      // The service checked the dates: its reasons go beside the fields they concern.
      if (result.ok) view.showResult(result);
      else if (result.reason === 'outside-practice-bounds')
        view.showProblems(boundProblems(breachesOf(result), values, ''));
      else view.showProblems(problemsFromServer(result.errors, values, ctx.rules.limits.policy));
    } catch (error) {
      if (isAbort(error) || mine !== seq || isHandled(error)) return;
      if (error instanceof ApiError && error.status === 400 && error.errors.length)
        view.showProblems(problemsFromServer(error.errors, values, ctx.rules.limits.policy));
      else if (error instanceof ApiError && error.status === 409 && error.reason === 'outside-practice-bounds')
        view.showProblems(boundProblems(error.breaches, values, error.detail));
      else view.setStatus('The preview is not available just now. You can still send the invitation.');
    } finally {
      if (mine === seq) el.busy.hidden = true;
    }
  }

  return {
    panel: el.panel,
    /** @param {number} [delay] */
    schedule(delay = 300) {
      clearTimeout(timer);
      el.busy.hidden = false;
      timer = window.setTimeout(run, delay);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
