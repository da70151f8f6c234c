// @ts-check
/**
 * Editing an arrangement's rules (#/policies/<id>/edit): the fields filled from the rules as
 * they stand, and beside them exactly what the client will be told, before anything is saved.
 * Only what changed is sent. A change that takes something back asks for a tick first.
 */
import { api, ApiError, isHandled } from './api.js';
import { h } from './dom.js';
import { editFields, editGroups, readEditValues, syncEditVisibility } from './edit-fields.js';
import { editPanel } from './edit-panel.js';
import { changePreview } from './edit-preview.js';
import { editValues, readEdit } from './edit-read-form.js';
import { editLead, NOTHING_TO_SAVE, savedMessage } from './edit-text.js';
import { errorSummary } from './error-summary.js';
import { boundProblems } from './new-bounds.js';
import { errorDisplay } from './new-field-errors.js';
import { problemsFromServer } from './new-problems.js';
import { hasEnded } from './states.js';

/** @import { ErrorSummary } from './error-summary.js' */
/** @import { EditPanel } from './edit-panel.js' */
/** @import { ChangePreviewer } from './edit-preview.js' */
/** @import { ErrorDisplay } from './new-field-errors.js' */
/** @import { PageContext, PageResult, Policy } from './types.js' */

/**
 * @param {Policy} policy
 * @param {string} backTo
 * @param {...import('./dom.js').Child} children
 */
const screen = (policy, backTo, ...children) =>
  h(
    'div',
    { className: 'page' },
    h('p', { className: 'back' }, h('a', { href: backTo }, `Back to ${policy.client.name}`)),
    h('h1', { id: 'edit-title' }, `Edit rules for ${policy.client.name}`),
    ...children,
  );

/**
 * Saving: the preview is asked once more, so what is saved is what was shown; then PATCH.
 * @param {object} options
 * @param {PageContext} options.ctx
 * @param {string} options.path
 * @param {string} options.backTo
 * @param {Policy} options.policy
 * @param {ChangePreviewer} options.preview
 * @param {EditPanel} options.panel
 * @param {ErrorDisplay} options.errors
 * @param {ErrorSummary} options.summary
 * @param {() => import('./edit-read-form.js').EditValues} options.values the form as it is now
 */
function saveHandler({ ctx, path, backTo, policy, preview, panel, errors, summary, values }) {
  const { save } = panel.el;
  let saving = false;
  /** @param {boolean} on */
  const busy = (on) => {
    saving = on;
    save.disabled = on;
    save.textContent = on ? 'Saving…' : 'Save changes';
  };
  /** @param {unknown} error */
  async function refused(error) {
    const failure = error instanceof ApiError ? error : new ApiError(0, null);
    if (failure.status === 409 && failure.reason === 'reduces-promise') {
      // Something changed meanwhile: the panel says what it now takes back, and asks.
      await preview.now();
      panel.askConfirm();
    } else if (failure.status === 400 && failure.errors.length) {
      const placed = problemsFromServer(failure.errors, values(), ctx.rules.limits.policy);
      errors.show(placed);
      summary.show(errors.summaryItems(placed));
    } else if (failure.status === 409 && failure.reason === 'outside-practice-bounds') {
      const placed = boundProblems(failure.breaches, values(), failure.detail);
      errors.show(placed);
      summary.show(errors.summaryItems(placed), 'The changes were not saved');
    } else {
      summary.show([{ message: failure.detail || failure.title, target: null }], 'The changes were not saved');
    }
  }
  return async function submit() {
    if (saving) return;
    summary.hide();
    busy(true);
    try {
      const seen = await preview.now();
      if (seen.kind === 'problems') summary.show(errors.summaryItems(seen.problems));
      else if (seen.kind === 'nothing')
        summary.show([{ message: NOTHING_TO_SAVE, target: null }], 'Nothing to save yet');
      else if (seen.kind === 'failed')
        summary.show([{ message: seen.message, target: null }], 'The changes were not saved');
      if (seen.kind !== 'preview') return;
      const { body, result } = seen;
      if (result.needsConfirm && !panel.confirmed()) return panel.askConfirm();
      await api('PATCH', path, result.needsConfirm ? { ...body, confirmReduce: true } : body);
      ctx.flash(savedMessage(policy, body, result.told.length));
      ctx.navigate(backTo);
    } catch (error) {
      if (!isHandled(error)) await refused(error);
    } finally {
      busy(false);
    }
  };
}

/**
 * @param {PageContext} ctx
 * @param {string} id
 * @returns {Promise<PageResult>}
 */
export async function editPage(ctx, id) {
  const path = `/policies/${encodeURIComponent(id)}`;
  const backTo = `#${path}`;
  const [policy, profile] = await Promise.all([/** @type {Promise<Policy>} */ (api('GET', path)), ctx.profile()]);
  const title = `Edit rules · ${policy.client.name}`;
  if (hasEnded(policy.state)) {
    const ended = h('p', { className: 'lead' }, 'This arrangement has ended, so its rules can no longer be changed.');
    return { title, node: screen(policy, backTo, ended) };
  }
  const { rules } = ctx;
  const fields = editFields({ policy, profile, rules, values: editValues(policy, rules), onChange: () => changed() });
  const errors = errorDisplay({ F: fields.F, referrals: fields.referrals });
  const summary = errorSummary();
  const panel = editPanel(policy, backTo);
  const read = () => {
    const current = readEditValues(fields);
    return { values: current, ...readEdit(current, policy, rules.limits.policy) };
  };
  const preview = changePreview({ ctx, path, policy, read, errors, panel });
  const values = () => readEditValues(fields);
  const submit = saveHandler({ ctx, path, backTo, policy, preview, panel, errors, summary, values });
  const form = h(
    'form',
    { className: 'new-layout edit-layout', novalidate: true, 'aria-labelledby': 'edit-title' },
    h('div', { className: 'edit-fields' }, summary.el, editGroups(fields, policy)),
    panel.el.panel,
  );
  function changed() {
    syncEditVisibility(fields);
    preview.schedule();
  }
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement && event.target.id === 'confirm-reduce')) changed();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  syncEditVisibility(fields);
  const lead = h('p', { className: 'lead' }, editLead(policy));
  return { title, node: screen(policy, backTo, lead, form) };
}
