// @ts-check
/** Sending the invitation: on success, on to the new arrangement; on refusal, why, beside the fields. */
import { api, ApiError, isHandled } from './api.js';
import { boundProblems } from './new-bounds.js';
import { clearDraft } from './new-draft.js';
import { problemsFromServer } from './new-problems.js';

/** @import { ErrorSummary } from './error-summary.js' */
/** @import { ErrorDisplay } from './new-field-errors.js' */
/** @import { NewValues, PolicyBody } from './new-read-form.js' */
/** @import { PageContext, Policy } from './types.js' */

/**
 * @param {object} options
 * @param {PageContext} options.ctx
 * @param {PolicyBody} options.body
 * @param {NewValues} options.sent the values the body was read from
 * @param {HTMLButtonElement} options.submit disabled while sending
 * @param {ErrorDisplay} options.errors
 * @param {ErrorSummary} options.summary
 */
export async function sendInvitation({ ctx, body, sent, submit, errors, summary }) {
  submit.disabled = true;
  submit.textContent = 'Sending…';
  try {
    /** @type {Policy} */
    const policy = await api('POST', '/policies', body);
    clearDraft();
    ctx.flash(`Invitation sent to ${policy.client.name}. Nothing else is sent to them unless they accept.`);
    ctx.navigate(`#/policies/${encodeURIComponent(policy.id)}`);
  } catch (error) {
    if (isHandled(error)) return;
    submit.disabled = false;
    submit.textContent = 'Send invitation';
    const failure = error instanceof ApiError ? error : new ApiError(0, null);
    if (failure.status === 400 && failure.errors.length) {
      const fromServer = problemsFromServer(failure.errors, sent, ctx.rules.limits.policy);
      errors.show(fromServer);
      summary.show(errors.summaryItems(fromServer));
    } else if (failure.status === 409 && failure.reason === 'outside-practice-bounds') {
      // Beyond what the practice allows: said beside the field the bound is about.
      const placed = boundProblems(failure.breaches, sent, failure.detail);
      errors.show(placed);
      summary.show(errors.summaryItems(placed), 'The invitation was not sent');
    } else {
      summary.show([{ message: failure.detail || failure.title, target: null }], 'The invitation was not sent');
    }
  }
}
