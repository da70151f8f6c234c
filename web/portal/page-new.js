/**
 * A new arrangement: presets fill the rules, every field is optional beyond who and when,
 * and a live preview shows exactly what the client will be told (POST /policies/preview).
 */
import { api } from './api.js';
import { h } from './dom.js';
import { errorSummary, field, friendlier, input, isTimeZone, numberInput, radioGroup, readDayList, readInt, select, timeZones } from './fields.js';
import { addDays, CRISIS_LOCALES, formatDate, formatDay, plural, today } from './format.js';

const SYSTEM = { limit: 3, gap: 7, weeks: 6, maxChars: 1000, format: 'message', months: 3, remind: [7, 1], replies: 'none' };
const MAX_REFERRALS = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Kept while the therapist moves between screens, so a half-written form is not lost. */
let draft = null;

function describePreset(r) {
  const updates = r.limit === 0 ? 'No written updates' : `Up to ${plural(r.limit, 'update')} over ${r.weeks} weeks, at least ${plural(r.gap, 'day')} apart`;
  const checkIn = r.format === 'none' ? 'no check-in' : `a check-in ${r.format === 'session' ? 'session' : 'message'} after ${plural(r.months, 'month')}`;
  return `${updates}, and ${checkIn}.`;
}

function presetsFor(profile) {
  const d = profile.defaultRules;
  const list = [];
  const hasDefaults = d && (d.updates || d.checkIn || d.replies);
  if (hasDefaults) {
    const usual = {
      limit: d.updates?.limit ?? SYSTEM.limit,
      gap: d.updates?.minDaysBetween ?? SYSTEM.gap,
      weeks: SYSTEM.weeks,
      maxChars: d.updates?.maxCharacters ?? SYSTEM.maxChars,
      format: d.checkIn?.format ?? SYSTEM.format,
      months: d.checkIn?.afterMonths ?? SYSTEM.months,
      remind: d.checkIn?.remindDaysBefore ?? SYSTEM.remind,
      replies: d.replies ?? SYSTEM.replies,
    };
    list.push({ value: 'usual', label: 'Your usual rules', hint: `${describePreset(usual)} (Set in your profile.)`, rules: usual });
  }
  list.push(
    { value: 'gentle', label: hasDefaults ? 'Gentle' : 'Gentle (the usual choice)', hint: describePreset(SYSTEM), rules: SYSTEM },
    {
      value: 'check-in-only',
      label: 'Check-in only',
      hint: 'No written updates, and one check-in session after 3 months.',
      rules: { limit: 0, gap: '', weeks: '', maxChars: '', format: 'session', months: 3, remind: [7, 1], replies: 'none' },
    },
    {
      value: 'more',
      label: 'More contact',
      hint: describePreset({ limit: 6, gap: 5, weeks: 12, format: 'message', months: 3 }),
      rules: { limit: 6, gap: 5, weeks: 12, maxChars: 1000, format: 'message', months: 3, remind: [7, 1], replies: 'none' },
    },
  );
  return list;
}

/** Plain-language versions of range errors, by API path. */
const HINTS = {
  'client.name': 'Enter the client’s name (up to 120 characters).',
  'client.email': 'Enter an email address like name@example.com.',
  endedOn: 'Enter the date therapy ended.',
  timeZone: 'Choose a time zone from the list, such as America/New_York.',
  'updates.limit': 'Choose a number from 0 to 12.',
  'updates.minDaysBetween': 'Choose a number of days from 0 to 365.',
  'updates.maxCharacters': 'Choose a number from 1 to 5,000.',
  'updates.from': 'Enter a complete date.',
  'updates.until': 'Enter a complete date.',
  'checkIn.afterMonths': 'Choose a number of months from 1 to 24.',
  'checkIn.on': 'Enter a complete date.',
  'checkIn.note': 'Keep the note to 1,000 characters or fewer.',
  'checkIn.remindDaysBefore': 'Use up to 5 reminders, each 1 to 60 days before, for example 7, 1.',
  closesOn: 'Enter a complete date.',
};

export async function newPage(ctx) {
  const profile = await ctx.profile();
  const presets = presetsFor(profile);
  const zone = profile.timeZone;
  let submitted = false;

  // --- Fields ---------------------------------------------------------------------------
  const F = {};
  F.preset = radioGroup({
    name: 'preset',
    legend: 'Start from',
    help: 'Choosing one fills in the rules below (not the client’s details). You can change anything afterwards.',
    options: presets,
    value: presets[0].value,
    className: 'presets',
  });
  F.clientName = field({ id: 'client-name', label: 'Client name', help: 'As you would greet them. It appears in the emails they receive.', control: input({ autocomplete: 'off', maxlength: 120 }) });
  F.clientEmail = field({
    id: 'client-email',
    label: 'Client email',
    help: 'The invitation goes to this address. It is used only for this arrangement’s emails.',
    control: input({ type: 'email', autocomplete: 'off', spellcheck: 'false', maxlength: 254 }),
  });
  F.endedOn = field({ id: 'ended-on', label: 'Therapy ended on', help: 'Usually the day of your last session. The dates below count from this day.', control: input({ type: 'date', value: today(zone) }) });
  const zoneList = h('datalist', { id: 'time-zone-list' }, timeZones(zone).map((z) => h('option', { value: z })));
  F.timeZone = field({
    id: 'time-zone',
    label: 'Time zone',
    help: 'Days, and the emails sent at 9:00, follow this zone. Usually the client’s.',
    control: input({ list: 'time-zone-list', value: zone, autocomplete: 'off', spellcheck: 'false' }),
  });

  F.limit = field({ id: 'updates-limit', label: 'How many updates', help: 'From 0 to 12. Choose 0 for no written updates.', control: numberInput({ min: 0, max: 12 }) });
  F.gap = field({ id: 'updates-gap', label: 'Days apart, at least', help: 'The fewest days between two updates.', control: numberInput({ min: 0, max: 365 }) });
  F.weeks = field({ id: 'updates-weeks', label: 'Open for how many weeks', help: 'Counted from the day therapy ended.', control: numberInput({ min: 1, max: 104 }) });
  F.maxChars = field({
    id: 'updates-max',
    label: 'Longest update, in characters',
    help: 'From 1 to 5,000. 1,000 characters is a few short paragraphs. An emoji counts as one.',
    control: numberInput({ min: 1, max: 5000 }),
  });
  F.from = field({ id: 'updates-from', label: 'Updates open on', help: 'Optional.', control: input({ type: 'date' }) });
  F.until = field({ id: 'updates-until', label: 'Updates close on', help: 'Optional. A date here is used instead of the weeks above.', control: input({ type: 'date' }) });
  const exactDates = h(
    'details',
    { className: 'more' },
    h('summary', {}, 'Choose exact dates for updates instead'),
    h('div', { className: 'more-body' }, F.from.wrap, F.until.wrap),
  );
  const updatesDetail = h('div', { className: 'subfields' }, F.gap.wrap, F.weeks.wrap, F.maxChars.wrap, exactDates);

  F.format = radioGroup({
    name: 'checkin-format',
    legend: 'Kind of check-in',
    options: [
      { value: 'message', label: 'A check-in message', hint: 'The client may write once, from the check-in day for 7 days. It does not count as an update.' },
      { value: 'session', label: 'A check-in session', hint: 'A meeting you arrange. Your note tells the client how.' },
      { value: 'none', label: 'No check-in' },
    ],
    value: 'message',
  });
  F.months = field({ id: 'checkin-months', label: 'Months after therapy ended', help: 'From 1 to 24.', control: numberInput({ min: 1, max: 24 }) });
  F.checkinOn = field({ id: 'checkin-on', label: 'Or on this date', help: 'Optional. A date here is used instead of the months.', control: input({ type: 'date' }) });
  F.note = field({
    id: 'checkin-note',
    label: 'Note about the session',
    help: 'Optional. The client reads this, for example: “I will email you the week before to find a time.”',
    control: h('textarea', { rows: 3, maxlength: 1000 }),
  });
  F.remind = field({
    id: 'checkin-remind',
    label: 'Reminder emails, days before',
    help: 'You both get each reminder. Separate numbers with commas, for example 7, 1. Write “none” for no reminders.',
    control: input({ autocomplete: 'off', inputmode: 'numeric' }),
  });
  const checkinDetail = h('div', { className: 'subfields' }, F.months.wrap, F.checkinOn.wrap, F.note.wrap, F.remind.wrap);

  F.replies = radioGroup({
    name: 'replies',
    legend: 'Will you reply to updates?',
    help: 'This changes only what the client is told, so they know what to expect.',
    options: [
      { value: 'none', label: 'I will read every update but not reply' },
      { value: 'may-reply', label: 'I may reply' },
    ],
    value: 'none',
  });

  F.closesOn = field({ id: 'closes-on', label: 'Closing date', help: 'Optional.', control: input({ type: 'date' }) });
  F.crisis = field({
    id: 'crisis-locale',
    label: 'Crisis resources for',
    help: 'Every email to the client lists these numbers and says Afterword is not for emergencies.',
    control: select(CRISIS_LOCALES),
  });
  F.crisis.input.value = profile.crisisLocale ?? 'US';

  // --- Referrals (repeatable rows) --------------------------------------------------------
  let referralKey = 0;
  const referrals = [];
  const referralList = h('div', { className: 'referrals' });
  const addReferralButton = h('button', { type: 'button', className: 'button button-secondary' }, 'Add a referral');
  const referralHelp = h(
    'p',
    { className: 'help', id: 'referrals-help' },
    'Optional. People or services the client can turn to, given in the closing email and whenever an update cannot be accepted.',
  );

  function renumberReferrals() {
    referrals.forEach((row, i) => {
      row.legend.textContent = `Referral ${i + 1}`;
      row.removeLabel.textContent = ` referral ${i + 1}`;
    });
    addReferralButton.hidden = referrals.length >= MAX_REFERRALS;
  }

  function addReferral(values = {}, { focus = false } = {}) {
    referralKey += 1;
    const k = referralKey;
    const name = field({ id: `referral-${k}-name`, label: 'Name', control: input({ maxlength: 120, autocomplete: 'off', value: values.name ?? '' }) });
    const contact = field({ id: `referral-${k}-contact`, label: 'Phone, email or website', control: input({ maxlength: 200, autocomplete: 'off', value: values.contact ?? '' }) });
    const legend = h('legend', {}, '');
    const removeLabel = h('span', { className: 'visually-hidden' }, '');
    const row = { key: k, name, contact, legend, removeLabel };
    const remove = h('button', { type: 'button', className: 'button button-quiet' }, 'Remove', removeLabel);
    row.el = h('fieldset', { className: 'referral' }, legend, h('div', { className: 'referral-fields' }, name.wrap, contact.wrap), remove);
    remove.addEventListener('click', () => {
      const index = referrals.indexOf(row);
      referrals.splice(index, 1);
      row.el.remove();
      renumberReferrals();
      (referrals[index]?.name.input ?? referrals[index - 1]?.name.input ?? addReferralButton).focus();
      changed();
    });
    referrals.push(row);
    referralList.append(row.el);
    renumberReferrals();
    if (focus) name.input.focus();
  }
  addReferralButton.addEventListener('click', () => {
    addReferral({}, { focus: true });
    changed();
  });

  // --- Presets and visibility -------------------------------------------------------------
  function applyPreset(value) {
    const preset = presets.find((p) => p.value === value) ?? presets[0];
    const r = preset.rules;
    F.limit.input.value = String(r.limit);
    F.gap.input.value = r.gap === '' ? '' : String(r.gap);
    F.weeks.input.value = r.weeks === '' ? '' : String(r.weeks);
    F.maxChars.input.value = r.maxChars === '' ? '' : String(r.maxChars);
    F.from.input.value = '';
    F.until.input.value = '';
    F.format.value = r.format;
    F.months.input.value = String(r.months);
    F.checkinOn.input.value = '';
    F.remind.input.value = r.remind.length ? r.remind.join(', ') : 'none';
    F.replies.value = r.replies;
    F.closesOn.input.value = '';
    exactDates.open = false;
  }

  function syncVisibility() {
    const limit = readInt(F.limit.input);
    const noUpdates = limit === 0;
    updatesDetail.hidden = noUpdates;
    F.replies.wrap.hidden = noUpdates;
    const format = F.format.value;
    checkinDetail.hidden = format === 'none';
    F.note.wrap.hidden = format !== 'session';
  }

  // --- Reading the form -----------------------------------------------------------------
  /** The request body, leaving out what the therapist left empty; and any problems found here. */
  function readForm({ forPreview }) {
    const problems = [];
    const fail = (key, target, message) => problems.push({ key, target, message });
    const body = {};

    const name = F.clientName.input.value.trim();
    const email = F.clientEmail.input.value.trim();
    if (forPreview) {
      // The preview needs someone to address: until the real details are in, a stand-in.
      body.client = { name: name || '(client’s name)', email: EMAIL.test(email) ? email : 'client@example.com' };
    } else {
      if (!name) fail('client.name', F.clientName, 'Enter the client’s name.');
      if (!email) fail('client.email', F.clientEmail, 'Enter the client’s email address.');
      else if (!EMAIL.test(email)) fail('client.email', F.clientEmail, 'Enter an email address like name@example.com.');
      body.client = { name, email };
    }
    if (submitted && forPreview) {
      // After a first attempt, keep the client fields' messages current while typing.
      if (!name) fail('client.name', F.clientName, 'Enter the client’s name.');
      if (!email) fail('client.email', F.clientEmail, 'Enter the client’s email address.');
      else if (!EMAIL.test(email)) fail('client.email', F.clientEmail, 'Enter an email address like name@example.com.');
    }

    const endedOn = F.endedOn.input.value;
    if (!endedOn) fail('endedOn', F.endedOn, F.endedOn.input.validity.badInput ? 'Enter a complete date.' : 'Enter the date therapy ended.');
    body.endedOn = endedOn;

    const zoneValue = F.timeZone.input.value.trim();
    if (zoneValue && !isTimeZone(zoneValue)) fail('timeZone', F.timeZone, HINTS.timeZone);
    if (zoneValue) body.timeZone = zoneValue;

    const int = (f, key, min, max) => {
      const n = readInt(f.input);
      if (n === '') return undefined;
      if (Number.isNaN(n) || n < min || n > max) {
        fail(key, f, HINTS[key] ?? `Choose a whole number from ${min} to ${max}.`);
        return undefined;
      }
      return n;
    };
    const date = (f, key) => {
      if (f.input.validity.badInput) {
        fail(key, f, 'Enter a complete date, or clear the field.');
        return undefined;
      }
      return f.input.value || undefined;
    };

    const updates = {};
    const limit = int(F.limit, 'updates.limit', 0, 12);
    if (limit !== undefined) updates.limit = limit;
    if (limit !== 0) {
      const gap = int(F.gap, 'updates.minDaysBetween', 0, 365);
      if (gap !== undefined) updates.minDaysBetween = gap;
      const max = int(F.maxChars, 'updates.maxCharacters', 1, 5000);
      if (max !== undefined) updates.maxCharacters = max;
      const weeks = int(F.weeks, 'updates.weeks', 1, 104);
      const from = date(F.from, 'updates.from');
      const until = date(F.until, 'updates.until');
      if (from) updates.from = from;
      if (until) updates.until = until;
      else if (weeks !== undefined && endedOn) updates.until = addDays(endedOn, weeks * 7);
    }
    if (Object.keys(updates).length) body.updates = updates;

    const format = F.format.value;
    if (format === 'none') {
      body.checkIn = null;
    } else {
      const checkIn = { format };
      const on = date(F.checkinOn, 'checkIn.on');
      const months = int(F.months, 'checkIn.afterMonths', 1, 24);
      if (on) checkIn.on = on;
      else if (months !== undefined) checkIn.afterMonths = months;
      const note = F.note.input.value.trim();
      if (format === 'session' && note) checkIn.note = note;
      const raw = F.remind.input.value.trim();
      if (/^(none|no|0)$/i.test(raw)) {
        checkIn.remindDaysBefore = [];
      } else {
        const days = readDayList(raw);
        if (days === null || (Array.isArray(days) && (days.length > 5 || days.some((d) => d < 1 || d > 60)))) {
          fail('checkIn.remindDaysBefore', F.remind, HINTS['checkIn.remindDaysBefore']);
        } else if (days !== '') {
          checkIn.remindDaysBefore = [...new Set(days)];
        }
      }
      body.checkIn = checkIn;
    }

    if (limit !== 0) body.replies = F.replies.value || 'none';
    const closesOn = date(F.closesOn, 'closesOn');
    if (closesOn) body.closesOn = closesOn;

    const list = [];
    referralIndex = [];
    for (const row of referrals) {
      const rn = row.name.input.value.trim();
      const rc = row.contact.input.value.trim();
      if (!rn && !rc) continue;
      if (!rn) fail(`referral-${row.key}-name`, row.name, 'Add a name for this referral, or remove it.');
      if (!rc) fail(`referral-${row.key}-contact`, row.contact, 'Add a phone number, email or website, or remove this referral.');
      referralIndex.push(row);
      list.push({ name: rn, contact: rc });
    }
    if (list.length) body.referrals = list;
    body.crisisLocale = F.crisis.input.value;
    return { body, problems };
  }

  let referralIndex = [];

  /** Where a server error path belongs in the form. */
  function targetFor(path) {
    const exact = {
      'client.name': F.clientName,
      'client.email': F.clientEmail,
      endedOn: F.endedOn,
      timeZone: F.timeZone,
      'updates.limit': F.limit,
      'updates.minDaysBetween': F.gap,
      'updates.maxCharacters': F.maxChars,
      'updates.from': F.from,
      'updates.until': F.until.input.value ? F.until : F.weeks,
      'checkIn.on': F.checkinOn.input.value ? F.checkinOn : F.months,
      'checkIn.afterMonths': F.months,
      'checkIn.format': F.format,
      'checkIn.note': F.note,
      'checkIn.remindDaysBefore': F.remind,
      checkIn: F.checkinOn,
      replies: F.replies,
      closesOn: F.closesOn,
      crisisLocale: F.crisis,
    };
    const referral = /^referrals\.(\d+)\.(name|contact)/.exec(path);
    if (referral) return referralIndex[Number(referral[1])]?.[referral[2]] ?? null;
    let key = path;
    while (key) {
      if (exact[key]) return exact[key];
      key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    }
    return null;
  }

  const LABELS = new Map([
    [F.clientName, 'Client name'],
    [F.clientEmail, 'Client email'],
    [F.endedOn, 'Therapy ended on'],
    [F.timeZone, 'Time zone'],
    [F.limit, 'How many updates'],
    [F.gap, 'Days apart'],
    [F.weeks, 'Weeks open'],
    [F.maxChars, 'Longest update'],
    [F.from, 'Updates open on'],
    [F.until, 'Updates close on'],
    [F.format, 'Kind of check-in'],
    [F.months, 'Check-in months'],
    [F.checkinOn, 'Check-in date'],
    [F.note, 'Session note'],
    [F.remind, 'Reminder emails'],
    [F.replies, 'Replies'],
    [F.closesOn, 'Closing date'],
    [F.crisis, 'Crisis resources'],
  ]);
  const labelOf = (target) => LABELS.get(target) ?? (referrals.find((r) => r.name === target) ? 'Referral name' : 'Referral contact');

  const allTargets = () => [...LABELS.keys(), ...referrals.flatMap((r) => [r.name, r.contact])];

  /** Shows these problems beside their fields and clears every other field's message. */
  function showErrors(problems) {
    const byTarget = new Map();
    for (const p of problems) if (p.target && !byTarget.has(p.target)) byTarget.set(p.target, p.message);
    for (const target of allTargets()) target.setError(byTarget.get(target) ?? '');
    if ([F.from, F.until].some((t) => byTarget.has(t))) exactDates.open = true;
  }

  function fromServer(errors) {
    return errors.map((e) => {
      const target = targetFor(e.path ?? '');
      return { target, message: friendlier(e.message ?? 'Please check this.', HINTS[e.path] ?? HINTS[(e.path ?? '').replace(/\.\d+$/, '')]) };
    });
  }

  function summaryItems(problems) {
    return problems.map((p) => ({ message: p.target ? `${labelOf(p.target)}: ${p.message}` : p.message, target: p.target?.focusTarget ?? null }));
  }

  // --- Preview ------------------------------------------------------------------------------
  const previewStatus = h('p', { className: 'preview-status', role: 'status', 'aria-live': 'polite' }, '');
  const previewBusy = h('p', { className: 'preview-busy', 'aria-hidden': 'true', hidden: true }, 'Updating…');
  const previewProblems = h('div', { className: 'preview-problems', hidden: true });
  const summaryList = h('ul', { className: 'summary-lines' });
  const subjectEl = h('span', {});
  const emailText = h('pre', { className: 'email-text' });
  const previewBody = h(
    'div',
    { className: 'preview-body' },
    h('h3', {}, 'The rules, as the client will read them'),
    summaryList,
    h('h3', {}, 'The invitation email'),
    h('p', { className: 'email-subject' }, h('span', { className: 'muted' }, 'Subject: '), subjectEl),
    emailText,
  );
  const previewPanel = h(
    'aside',
    { className: 'preview', 'aria-labelledby': 'preview-title', tabindex: '0' },
    h('h2', { id: 'preview-title' }, 'What your client will be told'),
    h('p', { className: 'help' }, 'Updated as you type: exactly the words of the invitation, with a placeholder for the private link.'),
    previewStatus,
    previewBusy,
    previewProblems,
    previewBody,
  );

  let previewTimer = 0;
  let previewAbort = null;
  let previewSeq = 0;
  let hasPreview = false;

  function setStatus(text) {
    if (previewStatus.textContent !== text) previewStatus.textContent = text;
  }

  function showPreviewProblems(problems) {
    previewProblems.replaceChildren(
      h('p', {}, 'The preview will come back once these are fixed:'),
      h('ul', {}, problems.map((p) => h('li', {}, p.target ? `${labelOf(p.target)}: ${p.message}` : p.message))),
    );
    previewProblems.hidden = false;
    previewBody.classList.toggle('is-stale', hasPreview);
    setStatus(problems.length === 1 ? 'One detail needs another look before the preview can update.' : `${problems.length} details need another look before the preview can update.`);
  }

  function updateHelp(rules) {
    const u = rules.updates;
    if (u.limit > 0) F.weeks.setHelp(`Counted from the day therapy ended. Now: from ${formatDate(u.from)} to ${formatDate(u.until)}.`);
    F.from.setHelp(F.from.input.value ? 'Optional.' : `Optional. If left empty: ${formatDate(u.from)}, the day therapy ended.`);
    F.until.setHelp(F.until.input.value ? 'Used instead of the weeks above.' : `Optional. If left empty: ${formatDate(u.until)}. A date here is used instead of the weeks above.`);
    if (rules.checkIn) {
      F.months.setHelp(`From 1 to 24. The check-in is on ${formatDay(rules.checkIn.on)}.`);
    }
    F.closesOn.setHelp(
      F.closesOn.input.value
        ? 'After this day nothing more is sent, except a short goodbye to the client and a summary to you.'
        : `Optional. If left empty: ${formatDate(rules.closesOn)}, ${rules.checkIn ? 'the later of the end of updates and two weeks after the check-in' : 'the day updates end'}. After this day nothing more is sent except a short goodbye.`,
    );
  }

  function schedulePreview(delay = 300) {
    clearTimeout(previewTimer);
    previewBusy.hidden = false;
    previewTimer = setTimeout(runPreview, delay);
  }

  async function runPreview() {
    if (!ctx.isCurrent()) return;
    const { body, problems } = readForm({ forPreview: true });
    previewAbort?.abort();
    const seq = ++previewSeq;
    if (problems.length) {
      showErrors(problems);
      showPreviewProblems(problems);
      previewBusy.hidden = true;
      return;
    }
    previewAbort = new AbortController();
    try {
      const result = await api('POST', '/policies/preview', body, { signal: previewAbort.signal });
      if (seq !== previewSeq || !ctx.isCurrent()) return;
      if (!result.ok) {
        // The service checked the dates: show its reasons beside the fields they concern.
        const serverProblems = fromServer(result.errors);
        showErrors(serverProblems);
        showPreviewProblems(serverProblems);
        return;
      }
      showErrors([]);
      summaryList.replaceChildren(...result.summary.map((line) => h('li', {}, line)));
      subjectEl.textContent = result.invitation.subject;
      emailText.textContent = result.invitation.text;
      previewProblems.hidden = true;
      previewBody.classList.remove('is-stale');
      hasPreview = true;
      updateHelp(result.rules);
      setStatus('The preview shows the rules as they stand.');
    } catch (error) {
      if (error?.name === 'AbortError' || seq !== previewSeq || error?.handled) return;
      if (error.status === 400 && error.errors.length) {
        const serverProblems = fromServer(error.errors);
        showErrors(serverProblems);
        showPreviewProblems(serverProblems);
      } else {
        setStatus('The preview is not available just now. You can still send the invitation.');
      }
    } finally {
      if (seq === previewSeq) previewBusy.hidden = true;
    }
  }

  // --- Draft keeping ----------------------------------------------------------------------
  function saveDraft() {
    const values = {};
    for (const el of form.querySelectorAll('input, select, textarea')) {
      if (el.type === 'radio') {
        if (el.checked) values[`radio:${el.name}`] = el.value;
      } else if (el.id && !el.id.startsWith('referral-')) {
        values[el.id] = el.value;
      }
    }
    values.referrals = referrals.map((r) => ({ name: r.name.input.value, contact: r.contact.input.value }));
    values.exactDatesOpen = exactDates.open;
    draft = values;
  }

  function restoreDraft(values) {
    for (const el of form.querySelectorAll('input, select, textarea')) {
      if (el.type === 'radio') el.checked = values[`radio:${el.name}`] === el.value;
      else if (el.id in values) el.value = values[el.id];
    }
    for (const r of values.referrals ?? []) addReferral(r);
    exactDates.open = Boolean(values.exactDatesOpen);
  }

  // --- The form --------------------------------------------------------------------------
  const summary = errorSummary();
  const submit = h('button', { type: 'submit', className: 'button button-large' }, 'Send invitation');
  const form = h(
    'form',
    { className: 'policy-form', novalidate: true, 'aria-labelledby': 'new-title' },
    summary.el,
    F.preset.wrap,
    h('fieldset', { className: 'group' }, h('legend', {}, 'The client'), F.clientName.wrap, F.clientEmail.wrap),
    h('fieldset', { className: 'group' }, h('legend', {}, 'The ending'), F.endedOn.wrap, F.timeZone.wrap, zoneList),
    h('fieldset', { className: 'group' }, h('legend', {}, 'Updates the client may send'), F.limit.wrap, updatesDetail, F.replies.wrap),
    h('fieldset', { className: 'group' }, h('legend', {}, 'Check-in'), F.format.wrap, checkinDetail),
    h(
      'fieldset',
      { className: 'group' },
      h('legend', {}, 'Closing'),
      F.closesOn.wrap,
      h('fieldset', { className: 'field referrals-group', 'aria-describedby': 'referrals-help' }, h('legend', {}, 'Referrals'), referralHelp, referralList, addReferralButton),
      F.crisis.wrap,
    ),
    h(
      'div',
      { className: 'form-actions' },
      h(
        'p',
        { className: 'help' },
        'The client gets one email now, with these rules in plain words and a private link to accept or decline. Nothing else is sent to them unless they accept.',
      ),
      h(
        'div',
        { className: 'button-row' },
        submit,
        h(
          'button',
          {
            type: 'button',
            className: 'button button-quiet',
            onclick: () => {
              draft = null;
              ctx.navigate('#/new');
            },
          },
          'Clear the form',
        ),
      ),
    ),
  );

  function changed() {
    syncVisibility();
    saveDraft();
    schedulePreview();
  }

  form.addEventListener('input', (event) => {
    if (event.target.name === 'preset') return;
    changed();
  });
  form.addEventListener('change', (event) => {
    if (event.target.name === 'preset') {
      applyPreset(event.target.value);
      syncVisibility();
      saveDraft();
      schedulePreview(0);
      return;
    }
    if (event.target.type === 'radio') changed();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submitted = true;
    clearTimeout(previewTimer);
    const { body, problems } = readForm({ forPreview: false });
    if (problems.length) {
      showErrors(problems);
      summary.show(summaryItems(problems));
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Sending…';
    try {
      const policy = await api('POST', '/policies', body);
      draft = null;
      ctx.flash(`Invitation sent to ${policy.client.name}. Nothing else is sent to them unless they accept.`);
      ctx.navigate(`#/policies/${encodeURIComponent(policy.id)}`);
    } catch (error) {
      if (error?.handled) return;
      submit.disabled = false;
      submit.textContent = 'Send invitation';
      if (error.status === 400 && error.errors.length) {
        const serverProblems = fromServer(error.errors);
        showErrors(serverProblems);
        summary.show(summaryItems(serverProblems));
      } else {
        summary.show([{ message: error.detail || error.title, target: null }], 'The invitation was not sent');
      }
      return;
    }
  });

  applyPreset(presets[0].value);
  if (draft) restoreDraft(draft);
  syncVisibility();

  const node = h(
    'div',
    { className: 'page' },
    h('h1', { id: 'new-title' }, 'New arrangement'),
    h(
      'p',
      { className: 'lead' },
      'Set what contact you are offering. Start from a preset, then change whatever you like; the preview shows exactly what the client will read.',
    ),
    h('div', { className: 'new-layout' }, form, previewPanel),
  );
  return { title: 'New arrangement', node, mounted: () => schedulePreview(0) };
}
