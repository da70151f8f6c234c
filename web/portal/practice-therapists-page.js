// @ts-check
/**
 * The practice's therapists (#/practice), for its admins: who is in it, in which role and
 * standing, with how many open arrangements; inviting someone; removing someone who has no
 * open arrangements (asked first); and, for anyone leaving or with open arrangements, the way
 * to their handover.
 */
import { api, ApiError, isHandled } from './api.js';
import { dateIn, formatDate } from './dates.js';
import { append, h } from './dom.js';
import { practiceFrame } from './practice-frame.js';
import { inviteForm } from './practice-invite.js';
import { canHandOver, canRemove, removeCopy, roleLabel, statusLabel } from './practice-text.js';

/** @import { PageContext, PageResult, PracticeTherapist, Profile } from './types.js' */

/**
 * @typedef {object} TherapistsState
 * @property {PracticeTherapist[]} therapists
 * @property {string} confirming the id of the therapist whose removal is being asked, if any
 * @property {boolean} busy
 * @property {string} error why the last removal did not work
 */

/**
 * @param {PracticeTherapist} t
 * @param {TherapistsState} state
 * @param {{ self: string | undefined, ask: (id: string) => void }} options
 */
function actionsCell(t, state, { self, ask }) {
  if (t.id === self) return h('span', { className: 'muted' }, 'You');
  const handover = canHandOver(t)
    ? h(
        'a',
        { href: `#/practice/therapists/${encodeURIComponent(t.id)}/handover`, className: 'button button-secondary' },
        'Hand over',
        h('span', { className: 'visually-hidden' }, ` ${t.name}’s arrangements`),
      )
    : null;
  const remove = canRemove(t)
    ? h(
        'button',
        {
          type: 'button',
          className: 'button button-quiet',
          'data-remove': t.id,
          disabled: state.busy,
          onclick: () => ask(t.id),
        },
        'Remove',
        h('span', { className: 'visually-hidden' }, ` ${t.name}`),
      )
    : null;
  return h('div', { className: 'row-actions' }, handover, remove);
}

/**
 * @param {PracticeTherapist} t
 * @param {TherapistsState} state
 * @param {{ self: string | undefined, zone: string, ask: (id: string) => void }} options
 */
function row(t, state, options) {
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row', 'data-label': 'Name' },
      h('span', { className: 'therapist-name' }, t.name),
      h('span', { className: 'muted small block' }, `Since ${formatDate(dateIn(t.since, options.zone))}`),
    ),
    h('td', { 'data-label': 'Email' }, h('span', { className: 'break' }, t.email)),
    h('td', { 'data-label': 'Role' }, roleLabel(t.role)),
    h('td', { 'data-label': 'Status' }, statusLabel(t)),
    h('td', { 'data-label': 'Open' }, t.openArrangements ? String(t.openArrangements) : 'None'),
    h('td', { 'data-label': 'Actions' }, actionsCell(t, state, options)),
  );
}

/**
 * @param {TherapistsState} state
 * @param {{ self: string | undefined, zone: string, ask: (id: string) => void }} options
 */
function table(state, options) {
  return h(
    'table',
    { className: 'policy-table therapist-table' },
    h('caption', {}, 'Everyone in the practice, with their open arrangements (invited, active or paused)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Name', 'Email', 'Role', 'Status', 'Open arrangements', 'Actions'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      state.therapists.map((t) => row(t, state, options)),
    ),
  );
}

/**
 * The question before removing someone, under the table.
 * @param {PracticeTherapist} t
 * @param {TherapistsState} state
 * @param {{ retentionDays: number, remove: (id: string) => void, cancel: () => void }} handlers
 */
function confirmRemove(t, state, { retentionDays, remove, cancel }) {
  const copy = removeCopy(t, retentionDays);
  return h(
    'div',
    { className: 'confirm', role: 'group', 'aria-labelledby': 'confirm-remove-title' },
    h('h2', { id: 'confirm-remove-title', tabindex: '-1' }, copy.title),
    h('p', {}, copy.text),
    h(
      'div',
      { className: 'button-row' },
      h(
        'button',
        { type: 'button', className: 'button button-danger', disabled: state.busy, onclick: () => remove(t.id) },
        state.busy ? 'Removing…' : copy.confirm,
      ),
      h(
        'button',
        { type: 'button', className: 'button button-secondary', disabled: state.busy, onclick: cancel },
        copy.cancel,
      ),
    ),
  );
}

/**
 * @param {PageContext} ctx
 * @returns {Promise<PageResult>}
 */
export async function practiceTherapistsPage(ctx) {
  /** @type {[{ therapists: PracticeTherapist[] }, Profile]} */
  const [{ therapists }, profile] = await Promise.all([api('GET', '/practice/therapists'), ctx.profile()]);
  /** @type {TherapistsState} */
  const state = { therapists, confirming: '', busy: false, error: '' };
  const region = h('div', { className: 'therapists' });
  const retentionDays = profile.practice?.retentionDays ?? ctx.rules.defaults.retentionDays;

  /** @param {string} [focus] a selector to move focus to once drawn */
  function draw(focus) {
    const options = { self: profile.therapistId, zone: profile.timeZone, ask };
    const asked = state.therapists.find((t) => t.id === state.confirming);
    region.replaceChildren();
    append(region, [
      state.error ? h('p', { className: 'notice notice-error', role: 'alert', tabindex: '-1' }, state.error) : null,
      table(state, options),
      asked ? confirmRemove(asked, state, { retentionDays, remove, cancel }) : null,
    ]);
    if (focus) /** @type {HTMLElement | null} */ (region.querySelector(focus))?.focus();
  }
  async function reload() {
    state.therapists = (await api('GET', '/practice/therapists')).therapists;
    draw();
  }
  /** @param {string} id */
  function ask(id) {
    state.confirming = id;
    state.error = '';
    draw('#confirm-remove-title');
  }
  function cancel() {
    const id = state.confirming;
    state.confirming = '';
    draw(`[data-remove="${CSS.escape(id)}"]`);
  }
  /** @param {string} id */
  async function remove(id) {
    const who = state.therapists.find((t) => t.id === id);
    state.busy = true;
    draw('#confirm-remove-title');
    try {
      await api('DELETE', `/practice/therapists/${encodeURIComponent(id)}`);
      state.busy = false;
      state.confirming = '';
      await reload();
      if (who) ctx.announce(removeCopy(who, retentionDays).done);
      /** @type {HTMLElement | null} */ (document.getElementById('therapists-title'))?.focus();
    } catch (error) {
      state.busy = false;
      if (isHandled(error)) return;
      state.error =
        error instanceof ApiError ? error.detail || error.title : 'That did not work. Please try again in a moment.';
      draw('.notice-error');
    }
  }

  draw();
  return {
    title: 'Practice: therapists',
    node: practiceFrame(
      {
        current: 'therapists',
        heading: 'Therapists',
        headingId: 'therapists-title',
        practiceName: profile.practice?.name,
        lead: 'Everyone in the practice. Before someone leaves, hand their open arrangements to a colleague or close them kindly, so no client is left without word.',
      },
      region,
      h(
        'section',
        { className: 'card invite', 'aria-labelledby': 'invite-title' },
        inviteForm({ ctx, onInvited: reload }),
      ),
    ),
  };
}
