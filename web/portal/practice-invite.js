// @ts-check
/**
 * Inviting a therapist: name, work address, and whether they are an admin too. The service's
 * problems are said beside the fields; an address already taken is said plainly.
 */
import { api, ApiError, isHandled } from './api.js';
import { h } from './dom.js';
import { errorSummary } from './error-summary.js';
import { field, input } from './fields.js';
import { invitedSentence } from './practice-text.js';
import { maxLengthAt } from './rules.js';

/** @import { PageContext, Problem } from './types.js' */

/** What an invitation is named in the summary of problems, by the path of POST /practice/therapists. */
const LABELS = /** @type {const} */ ({ name: 'Name', email: 'Email', role: 'Admin' });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The invitation as POST /practice/therapists takes it, and what is missing.
 * @param {{ name: string, email: string, admin: boolean }} values
 */
export function readInvite({ name, email, admin }) {
  /** @type {Problem[]} */
  const problems = [];
  const body = { name: name.trim(), email: email.trim(), role: admin ? 'admin' : 'therapist' };
  if (!body.name) problems.push({ field: 'name', message: 'Enter the therapist’s name.' });
  if (!body.email) problems.push({ field: 'email', message: 'Enter their work email address.' });
  else if (!EMAIL.test(body.email))
    problems.push({ field: 'email', message: 'Enter an email address like name@example.com.' });
  return { body, problems };
}

/**
 * The service's problems (400) by field, or an address already taken (409) beside the address.
 * @param {ApiError} failure
 * @returns {Problem[]}
 */
export function inviteProblems(failure) {
  if (failure.status === 409) return [{ field: 'email', message: failure.detail || failure.title }];
  if (failure.status !== 400) return [];
  return failure.errors.map((e) => {
    const top = (e.path ?? '').split('.')[0] ?? '';
    const known = Object.hasOwn(LABELS, top);
    return {
      field: known ? top : null,
      message: top === 'email' ? 'Enter an email address like name@example.com.' : (e.message ?? 'Please check this.'),
    };
  });
}

/**
 * The form's controls and layout.
 * @param {import('./types.js').Limits} limits the API's limits for a profile (a name is a name)
 */
function inviteLayout(limits) {
  const F = {
    name: field({
      id: 'invite-name',
      label: 'Name',
      help: 'As clients will see it in emails.',
      control: input({ autocomplete: 'off', maxlength: maxLengthAt(limits, 'displayName') }),
    }),
    email: field({
      id: 'invite-email',
      label: 'Work email address',
      help: 'They sign in with this address. Clients never see it.',
      control: input({ type: 'email', autocomplete: 'off', spellcheck: 'false' }),
    }),
  };
  const admin = h('input', { type: 'checkbox', id: 'invite-admin', 'aria-describedby': 'invite-admin-hint' });
  const summary = errorSummary();
  const done = h('p', { className: 'notice notice-success saved', role: 'status' });
  const submit = h('button', { type: 'submit', className: 'button' }, 'Invite');
  const form = h(
    'form',
    { className: 'invite-form', novalidate: true, 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, 'Invite a therapist'),
    summary.el,
    F.name.wrap,
    F.email.wrap,
    h(
      'div',
      { className: 'field choice' },
      admin,
      h('label', { for: 'invite-admin' }, 'Also a practice admin'),
      h(
        'p',
        { className: 'help choice-hint', id: 'invite-admin-hint' },
        'Admins invite and remove therapists, change the practice’s settings and hand arrangements over. They see arrangements’ dates and counts, never a client’s name, address or words.',
      ),
    ),
    h('div', { className: 'button-row' }, submit),
    done,
  );
  /** @param {Problem[]} problems */
  const show = (problems) => {
    for (const [name, f] of Object.entries(F)) f.setError(problems.find((p) => p.field === name)?.message ?? '');
    /** @param {Problem} p */
    const target = (p) => (p.field === 'name' ? F.name.input : p.field === 'email' ? F.email.input : null);
    /** @param {string | null} f */
    const label = (f) => (f && Object.hasOwn(LABELS, f) ? `${LABELS[/** @type {keyof typeof LABELS} */ (f)]}: ` : '');
    if (problems.length)
      summary.show(problems.map((p) => ({ message: `${label(p.field)}${p.message}`, target: target(p) })));
    else summary.hide();
  };
  return { F, admin, summary, done, submit, form, show };
}

/**
 * @param {{ ctx: PageContext, onInvited: () => Promise<void> }} options
 */
export function inviteForm({ ctx, onInvited }) {
  const { F, admin, summary, done, submit, form, show } = inviteLayout(ctx.rules.limits.profile);
  form.addEventListener('input', () => {
    if (done.textContent) done.textContent = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const { body, problems } = readInvite({
      name: F.name.input.value,
      email: F.email.input.value,
      admin: admin.checked,
    });
    show(problems);
    if (problems.length) return;
    submit.disabled = true;
    submit.textContent = 'Inviting…';
    try {
      const result = await api('POST', '/practice/therapists', body);
      form.reset();
      done.textContent = invitedSentence(result, ctx.config.mode);
      await onInvited();
      F.name.input.focus();
    } catch (error) {
      if (isHandled(error)) return;
      const failure = error instanceof ApiError ? error : new ApiError(0, null);
      const placed = inviteProblems(failure);
      if (placed.length) show(placed);
      else summary.show([{ message: failure.detail || failure.title, target: null }], 'The invitation was not sent');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Invite';
    }
  });
  return form;
}
