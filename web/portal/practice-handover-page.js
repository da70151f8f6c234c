// @ts-check
/**
 * A therapist's handover (#/practice/therapists/<id>/handover): choose a colleague to take on
 * their open arrangements, or to close each kindly; an optional note every client reads; a
 * confirmation that says what will happen; then what happened to each arrangement, and a way
 * to finish if some remain. Trying again is safe: the service does nothing twice.
 */
import { api, ApiError, isHandled } from './api.js';
import { append, h } from './dom.js';
import { errorSummary } from './error-summary.js';
import { field, radioGroup } from './fields.js';
import { handoverResult } from './practice-handover-result.js';
import { practiceFrame } from './practice-frame.js';
import { arrangementLabel, handoverPlan } from './practice-text.js';
import { maxLengthAt } from './rules.js';
import { plural } from './words.js';

/** @import { ArrangementMeta, HandoverResult, PageContext, PageResult, Practice, PracticeTherapist, Problem } from './types.js' */

const OPEN = ['invited', 'active', 'paused'];

/**
 * @param {PracticeTherapist} leaver
 * @param {PracticeTherapist[]} colleagues
 * @param {number} noteMax
 */
function handoverFields(leaver, colleagues, noteMax) {
  const to = radioGroup({
    name: 'handover-to',
    legend: `Who takes on ${leaver.name}’s arrangements?`,
    help: colleagues.length ? undefined : 'There is no other active therapist in the practice to take them on.',
    options: [
      ...colleagues.map((c) => ({ value: c.id, label: c.name, hint: c.email })),
      {
        value: 'close',
        label: 'No one: close each arrangement kindly',
        hint: 'Each client is told it has ended and where to turn, with the practice’s referrals and crisis resources.',
      },
    ],
    value: '',
  });
  const note = field({
    id: 'handover-note',
    label: 'A note to each client (optional)',
    help: 'Each client reads this, word for word, in the one email the practice sends them. Every client gets the same note, so write it to all of them. Leave it empty to send the practice’s message alone.',
    control: h('textarea', { rows: 4, maxlength: noteMax }),
  });
  return { to, note };
}

/**
 * @param {ArrangementMeta[]} open
 */
function openList(open) {
  if (!open.length) return null;
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'open-title' },
    h('h2', { id: 'open-title' }, 'Their open arrangements'),
    h(
      'ul',
      { className: 'plain-list' },
      open.map((a) => h('li', {}, arrangementLabel(a.policyId, a))),
    ),
  );
}

/**
 * The therapist, their active colleagues, their open arrangements, and the practice's name.
 * @param {string} id
 */
async function load(id) {
  /** @type {[{ therapists: PracticeTherapist[] }, { arrangements: ArrangementMeta[] }, Practice]} */
  const [{ therapists }, { arrangements }, practice] = await Promise.all([
    api('GET', '/practice/therapists'),
    api('GET', '/practice/arrangements'),
    api('GET', '/practice'),
  ]);
  const leaver = therapists.find((t) => t.id === id);
  if (!leaver) throw new ApiError(404, { title: 'Not found', detail: 'No therapist with that id in your practice.' });
  const colleagues = therapists.filter((t) => t.status === 'active' && t.id !== id);
  const open = arrangements.filter((a) => a.therapistId === id && OPEN.includes(a.state));
  // A practice never saved has no name of its own: its emails say "the practice".
  const named = practice.version !== null && practice.version !== undefined;
  return { leaver, colleagues, open, arrangements, practiceName: named ? practice.name : 'the practice', named };
}

/**
 * The question before anything is done: what will happen, and the button that does it.
 * @param {import('./practice-text.js').HandoverPlan} plan
 * @param {{ danger: boolean, go: (button: HTMLButtonElement) => void, back: () => void }} handlers
 */
function confirmPanel(plan, { danger, go, back }) {
  const button = h(
    'button',
    { type: 'button', className: danger ? 'button button-danger' : 'button', 'data-action': 'confirm' },
    plan.confirm,
  );
  button.addEventListener('click', () => go(button));
  return h(
    'div',
    { className: 'confirm', role: 'group', 'aria-labelledby': 'confirm-handover-title' },
    h('h2', { id: 'confirm-handover-title', tabindex: '-1' }, plan.title),
    h(
      'ul',
      {},
      plan.lines.map((line) => h('li', {}, line)),
    ),
    h(
      'div',
      { className: 'button-row' },
      button,
      h('button', { type: 'button', className: 'button button-secondary', onclick: back }, 'Go back'),
    ),
  );
}

/**
 * Why the service did not do it, beside the field it names when it names one.
 * @param {unknown} error
 * @returns {Problem[]}
 */
function problemsOf(error) {
  const failure = error instanceof ApiError ? error : new ApiError(0, null);
  const placed = failure.errors.map((e) => ({
    field: e.path === 'to' || e.path === 'note' ? e.path : null,
    message: e.message ?? 'Please check this.',
  }));
  return placed.length ? placed : [{ field: null, message: failure.detail || failure.title }];
}

/**
 * @typedef {Awaited<ReturnType<typeof load>> & { ctx: PageContext, id: string, count: number, onDone: () => void }} Flow
 */

/**
 * The steps: the form, then the confirmation, then the result.
 * @param {Flow} flow
 */
function handoverSteps({ ctx, id, leaver, colleagues, arrangements, practiceName, count, onDone }) {
  const F = handoverFields(leaver, colleagues, maxLengthAt(ctx.rules.limits.profile, 'defaultRules.closingNote'));
  const summary = errorSummary();
  const confirmRegion = h('div', { className: 'handover-confirm' });
  const form = h(
    'form',
    { className: 'handover-form', novalidate: true, 'aria-labelledby': 'handover-title' },
    summary.el,
    F.to.wrap,
    F.note.wrap,
    h('div', { className: 'button-row' }, h('button', { type: 'submit', className: 'button' }, 'Continue')),
  );
  const steps = h('div', {}, form, confirmRegion);
  const colleague = () => colleagues.find((c) => c.id === F.to.value)?.name ?? null;
  const note = () => F.note.input.value.trim();
  const body = () => ({ to: F.to.value === 'close' ? null : F.to.value, ...(note() ? { note: note() } : {}) });

  /** @param {Problem[]} problems */
  function showProblems(problems) {
    F.to.setError(problems.find((p) => p.field === 'to')?.message ?? '');
    F.note.setError(problems.find((p) => p.field === 'note')?.message ?? '');
    /** @param {Problem} p */
    const target = (p) => (p.field === 'to' ? F.to.focusTarget : p.field === 'note' ? F.note.input : null);
    summary.show(problems.map((p) => ({ message: p.message, target: target(p) })));
  }
  function back() {
    confirmRegion.replaceChildren();
    form.hidden = false;
    F.to.focusTarget.focus();
  }
  /** @param {HTMLButtonElement} button */
  async function send(button) {
    button.disabled = true;
    button.textContent = 'Working…';
    try {
      /** @type {HandoverResult} */
      const result = await api('POST', `/practice/therapists/${encodeURIComponent(id)}/handover`, body());
      const retry = () => send(/** @type {HTMLButtonElement} */ (steps.querySelector('[data-action="retry"]')));
      steps.replaceChildren(handoverResult({ result, leaver, colleague: colleague(), arrangements, retry }));
      onDone();
      /** @type {HTMLElement | null} */ (steps.querySelector('#result-title'))?.focus();
      ctx.announce(result.remaining > 0 ? 'Some arrangements are still to do.' : 'The handover is done.');
    } catch (error) {
      if (isHandled(error)) return;
      if (error instanceof ApiError && error.status === 400) {
        // A choice to make again (a colleague who is no longer active): back to the form, the reason beside it.
        steps.replaceChildren(form, confirmRegion);
        back();
        showProblems(problemsOf(error));
        return;
      }
      // Stopped part-way, or not reached: what was done stays done, and the same request goes on with the rest.
      const row = button.closest('.button-row');
      row?.parentElement?.querySelector('.action-error')?.remove();
      const notice = h('p', { className: 'notice notice-error action-error', role: 'alert', tabindex: '-1' });
      notice.textContent = problemsOf(error)[0]?.message ?? '';
      row?.before(notice);
      button.disabled = false;
      button.textContent = 'Try again';
      notice.focus();
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!F.to.value) {
      showProblems([{ field: 'to', message: 'Choose a colleague to take them on, or to close each arrangement.' }]);
      return;
    }
    F.to.setError('');
    summary.hide();
    const plan = handoverPlan({ leaver: leaver.name, colleague: colleague(), count, note: note(), practiceName });
    form.hidden = true;
    confirmRegion.replaceChildren(confirmPanel(plan, { danger: F.to.value === 'close', go: send, back }));
    /** @type {HTMLElement | null} */ (confirmRegion.querySelector('#confirm-handover-title'))?.focus();
  });
  return steps;
}

/**
 * @param {PageContext} ctx
 * @param {string} id
 * @returns {Promise<PageResult>}
 */
export async function practiceHandoverPage(ctx, id) {
  const loaded = await load(id);
  const { leaver, open, practiceName, named } = loaded;
  const count = Math.max(leaver.openArrangements, open.length);
  const leaving =
    leaver.status === 'leaving' && count > 0
      ? h(
          'p',
          { className: 'notice notice-warning' },
          `A handover for ${leaver.name} was started and not finished. They already have no access. Finish it here: nothing already done is done again.`,
        )
      : null;
  const heading = `Hand over ${leaver.name}’s arrangements`;
  const openSection = openList(open);
  // Once it has run, the result says what happened: what stood before goes.
  const onDone = () => {
    openSection?.remove();
    const lead = document.querySelector('.practice-page > .lead');
    if (lead) lead.textContent = `What happened to ${leaver.name}’s open arrangements.`;
  };
  return {
    title: heading,
    node: append(
      practiceFrame(
        {
          current: null,
          heading,
          headingId: 'handover-title',
          practiceName: named ? practiceName : undefined,
          lead: `${leaver.name} has ${plural(count, 'open arrangement')} (invited, active or paused). Choose who takes them on, or close each kindly. Nothing happens until you confirm.`,
        },
        h('p', { className: 'back' }, h('a', { href: '#/practice' }, 'Back to the therapists')),
        leaving,
      ),
      [openSection, handoverSteps({ ...loaded, ctx, id, count, onDone })],
    ),
  };
}
