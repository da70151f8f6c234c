// @ts-check
/**
 * Asking the service what a change would do (POST /policies/{id}/preview-change), shortly
 * after each edit and once more on Save. Nothing is saved by asking. Only the newest answer
 * is shown; an older one is dropped.
 */
import { api, ApiError, isAbort, isHandled } from './api.js';
import { changesSomething } from './edit-read-form.js';
import { previewWords } from './edit-text.js';
import { problemsFromServer } from './new-problems.js';

/** @import { ChangeBody, EditValues } from './edit-read-form.js' */
/** @import { EditPanel } from './edit-panel.js' */
/** @import { ChangePreview } from './edit-text.js' */
/** @import { ErrorDisplay } from './new-field-errors.js' */
/** @import { PageContext, Policy, Problem } from './types.js' */

/**
 * What one look came to: problems to fix (found here or by the service), no change at all, a
 * preview, a failure to say, or an answer dropped for a newer one.
 * @typedef {{ kind: 'problems', problems: Problem[] }
 *   | { kind: 'nothing' }
 *   | { kind: 'preview', body: ChangeBody, result: Extract<ChangePreview, { ok: true }> }
 *   | { kind: 'failed', message: string }
 *   | { kind: 'dropped' }} Look
 */

/**
 * @param {object} options
 * @param {PageContext} options.ctx
 * @param {string} options.path the arrangement's API path
 * @param {Policy} options.policy the arrangement as it stands
 * @param {() => { values: EditValues, body: ChangeBody, problems: Problem[] }} options.read the form, read
 * @param {ErrorDisplay} options.errors
 * @param {EditPanel} options.panel
 */
export function changePreview({ ctx, path, policy, read, errors, panel }) {
  const limits = ctx.rules.limits.policy;
  let timer = 0;
  /** @type {AbortController | null} */
  let abort = null;
  let seq = 0;

  /** @param {Problem[]} problems @returns {Look} */
  function showProblems(problems) {
    errors.show(problems);
    panel.showProblems(problems.map(errors.line));
    return { kind: 'problems', problems };
  }

  /**
   * @param {ChangeBody} body
   * @param {EditValues} values
   * @param {number} mine
   * @returns {Promise<Look>}
   */
  async function ask(body, values, mine) {
    abort = new AbortController();
    try {
      /** @type {ChangePreview} */
      const result = await api('POST', `${path}/preview-change`, body, { signal: abort.signal });
      if (mine !== seq || !ctx.isCurrent()) return { kind: 'dropped' };
      if (!result.ok) return showProblems(problemsFromServer(result.errors, values, limits));
      errors.show([]);
      panel.showWords(previewWords(result, policy, body), result.email);
      return { kind: 'preview', body, result };
    } catch (error) {
      if (isAbort(error) || mine !== seq || isHandled(error)) return { kind: 'dropped' };
      if (error instanceof ApiError && error.status === 400 && error.errors.length)
        return showProblems(problemsFromServer(error.errors, values, limits));
      const message =
        error instanceof ApiError && error.status === 409 && error.detail
          ? error.detail
          : 'The preview is not available just now. Please try again in a moment.';
      panel.setStatus(message);
      return { kind: 'failed', message };
    }
  }

  /** @returns {Promise<Look>} */
  async function look() {
    clearTimeout(timer);
    abort?.abort();
    const mine = ++seq;
    const { values, body, problems } = read();
    try {
      if (problems.length) return showProblems(problems);
      if (!changesSomething(body)) {
        errors.show([]);
        panel.showNothing();
        return { kind: 'nothing' };
      }
      return await ask(body, values, mine);
    } finally {
      if (mine === seq) panel.setBusy(false);
    }
  }

  return {
    /** Looks again shortly, once the typing stops. */
    schedule(delay = 400) {
      clearTimeout(timer);
      panel.setBusy(true);
      timer = window.setTimeout(() => {
        if (ctx.isCurrent()) void look();
      }, delay);
    },
    /** Looks now, for Save: the answer it gives is the one the form is saved by. */
    now: look,
  };
}

/** @typedef {ReturnType<typeof changePreview>} ChangePreviewer */
