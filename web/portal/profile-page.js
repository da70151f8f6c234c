// @ts-check
/** The therapist's own settings: the name clients see, zone, crisis resources, how they hear of messages, usual rules. */
import { api, ApiError, isHandled } from './api.js';
import { h } from './dom.js';
import { errorSummary } from './error-summary.js';
import { profileFields, profileValues } from './profile-fields.js';
import { profileErrors, profileForm } from './profile-form.js';
import { profileProblemsFromServer, readProfileForm } from './profile-read-form.js';

/** @import { PageContext, PageResult } from './types.js' */

/**
 * @param {PageContext} ctx
 * @returns {Promise<PageResult>}
 */
export async function profilePage(ctx) {
  const profile = await ctx.profile({ fresh: true });
  const limits = ctx.rules.limits.profile;
  const { fields: F, referrals, zones } = profileFields(profile, ctx.rules);
  const errors = profileErrors(F, referrals);
  const summary = errorSummary();
  const { form, submit, saved } = profileForm({ F, referrals, zones, summary: summary.el, email: profile.email });

  form.addEventListener('input', () => {
    if (saved.textContent) saved.textContent = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    saved.textContent = '';
    const { body, problems } = readProfileForm(profileValues(F, referrals), limits);
    errors.show(problems);
    if (problems.length) {
      summary.show(errors.summaryItems(problems));
      return;
    }
    summary.hide();
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      const updated = await api('PUT', '/profile', body);
      // The practice and the role come with GET /profile; an answer without them keeps them.
      ctx.setProfile({ ...profile, ...updated });
      saved.textContent = 'Profile saved. New arrangements will use these settings.';
    } catch (error) {
      if (isHandled(error)) return;
      const failure = error instanceof ApiError ? error : new ApiError(0, null);
      if (failure.status === 400 && failure.errors.length) {
        const fromServer = profileProblemsFromServer(failure.errors, limits);
        errors.show(fromServer);
        summary.show(errors.summaryItems(fromServer));
      } else {
        summary.show([{ message: failure.detail || failure.title, target: null }], 'Your profile was not saved');
      }
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save profile';
    }
  });

  return {
    title: 'Your profile',
    node: h(
      'div',
      { className: 'page narrow' },
      h('h1', { id: 'profile-title' }, 'Your profile'),
      h('p', { className: 'lead' }, 'How you appear to clients, and the rules you usually start from.'),
      form,
    ),
  };
}
