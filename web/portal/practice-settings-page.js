// @ts-check
/**
 * The practice's settings (#/practice/settings), for its admins: its name, the defaults every
 * new arrangement starts from, the bounds no arrangement may pass, and how long closed
 * arrangements are kept. Saved with PUT /practice; problems are said beside their fields.
 */
import { api, ApiError, isHandled } from './api.js';
import { h } from './dom.js';
import { errorSummary } from './error-summary.js';
import { practiceFrame } from './practice-frame.js';
import { PRACTICE_LABELS, practiceProblemsFromServer, readPracticeForm } from './practice-read-form.js';
import { practiceFields, practiceValues } from './practice-settings-fields.js';

/** @import { ErrorTarget } from './fields.js' */
/** @import { ReferralList } from './new-referrals.js' */
/** @import { PracticeFields } from './practice-settings-fields.js' */
/** @import { PracticeField } from './practice-read-form.js' */
/** @import { PageContext, PageResult, Practice, Problem } from './types.js' */

/**
 * @param {string} legend
 * @param {...import('./dom.js').Child} children
 */
const group = (legend, ...children) => h('fieldset', { className: 'group' }, h('legend', {}, legend), ...children);

/**
 * @param {PracticeFields} F
 * @param {ReferralList} referrals
 * @param {HTMLElement} summary
 */
function settingsForm(F, referrals, summary) {
  const saved = h('p', { className: 'notice notice-success saved', role: 'status' });
  const submit = h('button', { type: 'submit', className: 'button button-large' }, 'Save settings');
  const form = h(
    'form',
    { className: 'profile-form', novalidate: true, 'aria-labelledby': 'practice-settings-title' },
    summary,
    group('The practice', F.name.wrap),
    group(
      'Where new arrangements start',
      h(
        'p',
        { className: 'help' },
        'Every therapist in the practice sees these alike, as “Your practice’s rules”, when they start a new arrangement. A therapist’s own usual rules, if they set some, come on top. Leave a box empty to use Afterword’s default.',
      ),
      F.limit.wrap,
      F.gap.wrap,
      F.maxChars.wrap,
      F.windowDays.wrap,
      F.format.wrap,
      F.months.wrap,
      F.remind.wrap,
      F.replies.wrap,
      F.crisis.wrap,
    ),
    group('Referrals and notes for new arrangements', referrals.group, F.invitationNote.wrap, F.closingNote.wrap),
    group(
      'Bounds: the most any arrangement may offer',
      h(
        'p',
        { className: 'help' },
        'A new arrangement, or a change to one, that goes beyond these is refused, and the therapist is told which limit it passed. Arrangements already made keep what they promised.',
      ),
      F.maxUpdates.wrap,
      F.maxCharacters.wrap,
      F.maxWindowDays.wrap,
      F.formats.wrap,
    ),
    group('Keeping records', F.retentionDays.wrap),
    h('div', { className: 'form-actions' }, submit, saved),
  );
  return { form, submit, saved };
}

/**
 * @param {PracticeFields} F
 * @param {ReferralList} referrals
 */
function settingsErrors(F, referrals) {
  const names = /** @type {PracticeField[]} */ (Object.keys(PRACTICE_LABELS));
  /** @param {string | null} name @returns {ErrorTarget | null} */
  const targetOf = (name) => {
    if (name === null) return null;
    return Object.hasOwn(F, name) ? F[/** @type {PracticeField} */ (name)] : referrals.fieldById(name);
  };
  return {
    /** @param {Problem[]} problems */
    show(problems) {
      /** @type {Map<ErrorTarget, string>} */
      const byTarget = new Map();
      for (const p of problems) {
        const target = targetOf(p.field);
        if (target && !byTarget.has(target)) byTarget.set(target, p.message);
      }
      const all = [...names.map((name) => F[name]), ...referrals.rows.flatMap((r) => [r.name, r.contact])];
      for (const target of all) target.setError(byTarget.get(target) ?? '');
    },
    /** @param {Problem[]} problems */
    summaryItems: (problems) =>
      problems.map((p) => {
        const target = targetOf(p.field);
        const label =
          p.field && Object.hasOwn(PRACTICE_LABELS, p.field)
            ? PRACTICE_LABELS[/** @type {PracticeField} */ (p.field)]
            : null;
        return {
          message: label ? `${label}: ${p.message}` : target ? `Referral: ${p.message}` : p.message,
          target: target?.focusTarget ?? null,
        };
      }),
  };
}

/**
 * @param {PageContext} ctx
 * @returns {Promise<PageResult>}
 */
export async function practiceSettingsPage(ctx) {
  /** @type {Practice} */
  const practice = await api('GET', '/practice');
  /** The defaults as last saved: what a save replaces. */
  let stored = practice.defaults;
  const { F, referrals, limits } = practiceFields(practice, ctx.rules);
  const errors = settingsErrors(F, referrals);
  const summary = errorSummary();
  const { form, submit, saved } = settingsForm(F, referrals, summary.el);
  const values = () => practiceValues(F, referrals);

  form.addEventListener('input', () => {
    if (saved.textContent) saved.textContent = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    saved.textContent = '';
    const sent = values();
    const { body, problems } = readPracticeForm(sent, { rules: ctx.rules, limits, stored });
    errors.show(problems);
    if (problems.length) {
      summary.show(errors.summaryItems(problems));
      return;
    }
    summary.hide();
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      /** @type {Practice} */
      const answer = await api('PUT', '/practice', body);
      stored = answer.defaults;
      // New arrangements start from what was just saved.
      ctx.profile({ fresh: true }).catch(() => {});
      saved.textContent = 'Settings saved. New arrangements start from these, for every therapist in the practice.';
    } catch (error) {
      if (isHandled(error)) return;
      const failure = error instanceof ApiError ? error : new ApiError(0, null);
      const placed =
        failure.status === 400
          ? practiceProblemsFromServer(failure.errors, sent, { profile: ctx.rules.limits.profile, practice: limits })
          : [];
      errors.show(placed);
      if (placed.length) summary.show(errors.summaryItems(placed));
      else summary.show([{ message: failure.detail || failure.title, target: null }], 'The settings were not saved');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Save settings';
    }
  });

  return {
    title: 'Practice settings',
    node: practiceFrame(
      {
        current: 'settings',
        heading: 'Practice settings',
        headingId: 'practice-settings-title',
        practiceName: practice.name,
        lead: 'What every new arrangement in the practice starts from, the most any may offer, and how long closed ones are kept.',
      },
      form,
    ),
  };
}
