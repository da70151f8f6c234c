/** The therapist's own settings: the name clients see, zone, crisis resources, usual rules. */
import { api } from './api.js';
import { h } from './dom.js';
import { errorSummary, field, friendlier, input, isTimeZone, numberInput, readDayList, readInt, select, timeZones } from './fields.js';
import { CRISIS_LOCALES } from './format.js';

const HINTS = {
  displayName: 'Enter your name as clients should see it (up to 120 characters).',
  timeZone: 'Choose a time zone from the list, such as America/New_York.',
  'defaultRules.updates.limit': 'Choose a number from 0 to 12.',
  'defaultRules.updates.minDaysBetween': 'Choose a number of days from 0 to 365.',
  'defaultRules.updates.maxCharacters': 'Choose a number from 1 to 5,000.',
  'defaultRules.checkIn.afterMonths': 'Choose a number of months from 1 to 24.',
  'defaultRules.checkIn.remindDaysBefore': 'Use up to 5 reminders, each 1 to 60 days before, for example 7, 1.',
};

export async function profilePage(ctx) {
  const profile = await ctx.profile({ fresh: true });
  const d = profile.defaultRules ?? {};

  const F = {};
  F.displayName = field({
    id: 'display-name',
    label: 'Your name, as clients see it',
    help: 'Shown in every email and on the client’s page. Your email address is never shown to clients.',
    control: input({ autocomplete: 'name', maxlength: 120, value: profile.displayName ?? '' }),
  });
  const zoneList = h('datalist', { id: 'profile-zone-list' }, timeZones(profile.timeZone).map((z) => h('option', { value: z })));
  F.timeZone = field({
    id: 'profile-time-zone',
    label: 'Time zone',
    help: 'New arrangements start in this zone. Type to search, for example “London” or “New_York”.',
    control: input({ list: 'profile-zone-list', autocomplete: 'off', spellcheck: 'false', value: profile.timeZone ?? '' }),
  });
  F.crisis = field({
    id: 'profile-crisis',
    label: 'Crisis resources for',
    help: 'The numbers listed in every email to your clients, unless you choose otherwise for one arrangement.',
    control: select(CRISIS_LOCALES),
  });
  F.crisis.input.value = profile.crisisLocale ?? 'US';

  const valueOf = (v) => (v === undefined || v === null ? '' : String(v));
  F.limit = field({ id: 'default-limit', label: 'How many updates', help: 'From 0 to 12. Empty: 3.', control: numberInput({ min: 0, max: 12, value: valueOf(d.updates?.limit) }) });
  F.gap = field({ id: 'default-gap', label: 'Days apart, at least', help: 'From 0 to 365. Empty: 7.', control: numberInput({ min: 0, max: 365, value: valueOf(d.updates?.minDaysBetween) }) });
  F.maxChars = field({ id: 'default-max', label: 'Longest update, in characters', help: 'From 1 to 5,000. Empty: 1,000.', control: numberInput({ min: 1, max: 5000, value: valueOf(d.updates?.maxCharacters) }) });
  F.months = field({ id: 'default-months', label: 'Check-in, months after therapy ended', help: 'From 1 to 24. Empty: 3.', control: numberInput({ min: 1, max: 24, value: valueOf(d.checkIn?.afterMonths) }) });
  F.format = field({
    id: 'default-format',
    label: 'Kind of check-in',
    control: select([
      ['', 'Afterword’s default (a message)'],
      ['message', 'A check-in message'],
      ['session', 'A check-in session'],
    ]),
  });
  F.format.input.value = d.checkIn?.format ?? '';
  F.remind = field({
    id: 'default-remind',
    label: 'Reminder emails, days before',
    help: 'Separate numbers with commas, for example 7, 1. Write “none” for no reminders. Empty: 7 and 1.',
    control: input({ autocomplete: 'off', inputmode: 'numeric', value: d.checkIn?.remindDaysBefore ? d.checkIn.remindDaysBefore.join(', ') || 'none' : '' }),
  });
  F.replies = field({
    id: 'default-replies',
    label: 'Replies to updates',
    control: select([
      ['', 'Afterword’s default (I will not reply)'],
      ['none', 'I will read every update but not reply'],
      ['may-reply', 'I may reply'],
    ]),
  });
  F.replies.input.value = d.replies ?? '';

  const targets = {
    displayName: F.displayName,
    timeZone: F.timeZone,
    crisisLocale: F.crisis,
    'defaultRules.updates.limit': F.limit,
    'defaultRules.updates.minDaysBetween': F.gap,
    'defaultRules.updates.maxCharacters': F.maxChars,
    'defaultRules.checkIn.afterMonths': F.months,
    'defaultRules.checkIn.format': F.format,
    'defaultRules.checkIn.remindDaysBefore': F.remind,
    'defaultRules.replies': F.replies,
  };
  const labels = new Map([
    [F.displayName, 'Your name'],
    [F.timeZone, 'Time zone'],
    [F.crisis, 'Crisis resources'],
    [F.limit, 'How many updates'],
    [F.gap, 'Days apart'],
    [F.maxChars, 'Longest update'],
    [F.months, 'Check-in months'],
    [F.format, 'Kind of check-in'],
    [F.remind, 'Reminder emails'],
    [F.replies, 'Replies'],
  ]);
  const targetFor = (path) => {
    let key = path;
    while (key) {
      if (targets[key]) return targets[key];
      key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    }
    return null;
  };

  function read() {
    const problems = [];
    const fail = (target, message) => problems.push({ target, message });
    const body = {};
    const name = F.displayName.input.value.trim();
    if (!name) fail(F.displayName, 'Enter your name as clients should see it.');
    else body.displayName = name;
    const zone = F.timeZone.input.value.trim();
    if (!isTimeZone(zone)) fail(F.timeZone, HINTS.timeZone);
    else body.timeZone = zone;
    body.crisisLocale = F.crisis.input.value;

    const int = (f, key, min, max) => {
      const n = readInt(f.input);
      if (n === '') return undefined;
      if (Number.isNaN(n) || n < min || n > max) {
        fail(f, HINTS[key]);
        return undefined;
      }
      return n;
    };
    const updates = {};
    const limit = int(F.limit, 'defaultRules.updates.limit', 0, 12);
    const gap = int(F.gap, 'defaultRules.updates.minDaysBetween', 0, 365);
    const max = int(F.maxChars, 'defaultRules.updates.maxCharacters', 1, 5000);
    if (limit !== undefined) updates.limit = limit;
    if (gap !== undefined) updates.minDaysBetween = gap;
    if (max !== undefined) updates.maxCharacters = max;
    const checkIn = {};
    const months = int(F.months, 'defaultRules.checkIn.afterMonths', 1, 24);
    if (months !== undefined) checkIn.afterMonths = months;
    if (F.format.input.value) checkIn.format = F.format.input.value;
    const raw = F.remind.input.value.trim();
    if (/^(none|no|0)$/i.test(raw)) checkIn.remindDaysBefore = [];
    else {
      const days = readDayList(raw);
      if (days === null || (Array.isArray(days) && (days.length > 5 || days.some((n) => n < 1 || n > 60)))) fail(F.remind, HINTS['defaultRules.checkIn.remindDaysBefore']);
      else if (days !== '') checkIn.remindDaysBefore = [...new Set(days)];
    }
    const defaultRules = {};
    if (Object.keys(updates).length) defaultRules.updates = updates;
    if (Object.keys(checkIn).length) defaultRules.checkIn = checkIn;
    if (F.replies.input.value) defaultRules.replies = F.replies.input.value;
    body.defaultRules = defaultRules;
    return { body, problems };
  }

  function showErrors(problems) {
    const byTarget = new Map();
    for (const p of problems) if (p.target && !byTarget.has(p.target)) byTarget.set(p.target, p.message);
    for (const f of labels.keys()) f.setError(byTarget.get(f) ?? '');
  }
  const items = (problems) => problems.map((p) => ({ message: p.target ? `${labels.get(p.target)}: ${p.message}` : p.message, target: p.target?.focusTarget ?? null }));

  const summary = errorSummary();
  const saved = h('p', { className: 'notice notice-success saved', role: 'status' });
  const submit = h('button', { type: 'submit', className: 'button button-large' }, 'Save profile');
  const form = h(
    'form',
    { className: 'profile-form', novalidate: true, 'aria-labelledby': 'profile-title' },
    summary.el,
    h('fieldset', { className: 'group' }, h('legend', {}, 'How clients see you'), F.displayName.wrap, h('p', { className: 'help' }, `You are signed in as ${profile.email}.`)),
    h('fieldset', { className: 'group' }, h('legend', {}, 'Where you work'), F.timeZone.wrap, zoneList, F.crisis.wrap),
    h(
      'fieldset',
      { className: 'group' },
      h('legend', {}, 'Your usual rules for new arrangements'),
      h('p', { className: 'help' }, 'These fill in “Your usual rules” when you start a new arrangement. Leave a box empty to use Afterword’s default.'),
      F.limit.wrap,
      F.gap.wrap,
      F.maxChars.wrap,
      F.format.wrap,
      F.months.wrap,
      F.remind.wrap,
      F.replies.wrap,
    ),
    h('div', { className: 'form-actions' }, submit, saved),
  );

  form.addEventListener('input', () => {
    if (saved.textContent) saved.textContent = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    saved.textContent = '';
    const { body, problems } = read();
    showErrors(problems);
    if (problems.length) {
      summary.show(items(problems));
      return;
    }
    summary.hide();
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      const updated = await api('PUT', '/profile', body);
      ctx.setProfile(updated);
      saved.textContent = 'Profile saved. New arrangements will use these settings.';
    } catch (error) {
      if (error?.handled) return;
      if (error.status === 400 && error.errors.length) {
        const problems2 = error.errors.map((e) => ({ target: targetFor(e.path ?? ''), message: friendlier(e.message, HINTS[e.path]) }));
        showErrors(problems2);
        summary.show(items(problems2));
      } else {
        summary.show([{ message: error.detail || error.title, target: null }], 'Your profile was not saved');
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
