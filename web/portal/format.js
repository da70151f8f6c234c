/** Dates, states and timeline entries in plain words, for the therapist. */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDate(iso) {
  const m = ISO_DATE.exec(iso ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** "21 November 2026" (the same form the client's emails use). */
export function formatDate(iso) {
  const d = utcDate(iso);
  return d ? DAY.format(d) : '';
}

/** "Sunday 21 February 2027" */
export function formatDay(iso) {
  const d = utcDate(iso);
  return d ? WEEKDAY.format(d).replace(',', '') : '';
}

/** A moment ("2026-11-21T14:05:00Z") as "21 November 2026, 09:05" in the given zone. */
export function formatMoment(instant, timeZone) {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  }
}

/** The calendar date of a moment in a zone, as YYYY-MM-DD. */
export function dateIn(instant, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(instant));
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  }
}

export function today(timeZone) {
  return dateIn(Date.now(), timeZone);
}

export function addDays(iso, days) {
  const d = utcDate(iso);
  if (!d) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}


export function daysBetween(fromIso, toIso) {
  const a = utcDate(fromIso);
  const b = utcDate(toIso);
  return a && b ? Math.round((b - a) / 86_400_000) : 0;
}

export function isIsoDate(value) {
  const d = utcDate(value);
  return Boolean(d) && d.toISOString().slice(0, 10) === value;
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const STATES = {
  invited: { label: 'Invited', hint: 'waiting for an answer' },
  active: { label: 'Active', hint: 'accepted' },
  paused: { label: 'Paused', hint: 'on hold' },
  declined: { label: 'Declined', hint: 'the client said no' },
  closed: { label: 'Closed', hint: 'ended' },
};

export function stateLabel(state) {
  return STATES[state]?.label ?? state;
}

const CLOSED_REASONS = {
  'closing-date': 'the closing date was reached',
  therapist: 'you closed it',
  'opted-out': 'the client asked for no more emails',
  declined: 'the client declined',
};

export function closedReason(reason) {
  return CLOSED_REASONS[reason] ?? 'it ended';
}

export const CRISIS_LOCALES = [
  ['US', 'United States (988, 911)'],
  ['CA', 'Canada (988, 911)'],
  ['GB', 'United Kingdom (Samaritans 116 123, 999)'],
  ['IE', 'Ireland (Samaritans 116 123, 112)'],
  ['AU', 'Australia (Lifeline 13 11 14, 000)'],
  ['NZ', 'New Zealand (1737, 111)'],
];

const REFUSALS = {
  'not-active': 'the arrangement was not active',
  'outside-window': 'it was outside the time for updates',
  'too-long': 'it was longer than allowed',
  'limit-reached': 'no updates were left',
  'too-soon': 'it came too soon after the last one',
};

const JOBS = {
  invitation: 'the invitation',
  'new-link': 'the new link',
  acceptance: 'the acceptance confirmation',
  'update-receipt': 'an update receipt',
  'update-refused': 'a refusal note',
  'check-in-reminder': 'a check-in reminder',
  'check-in-day': 'the check-in day email',
  closing: 'the closing email',
  'opted-out': 'the opt-out confirmation',
  'policy-created': 'your confirmation of a new arrangement',
  'client-accepted': 'your notice that the client accepted',
  'client-declined': 'your notice that the client declined',
  'client-opted-out': 'your notice that the client opted out',
  'update-received': 'an update forwarded to you',
  'therapist-check-in-reminder': 'your check-in reminder',
  'therapist-check-in-day': 'your check-in day email',
  'check-in-message': 'the check-in message forwarded to you',
  'check-in-skipped': 'your notice that the check-in was skipped',
  'closing-summary': 'your closing summary',
};

/** One short sentence for a timeline entry. The client's first name keeps it human. */
export function timelineSentence(event, clientName) {
  const who = clientName || 'The client';
  const data = event.data ?? {};
  switch (event.type) {
    case 'invited':
      return `Invitation sent to ${who}`;
    case 'accepted':
      return `${who} accepted`;
    case 'declined':
      return `${who} declined`;
    case 'paused':
      return 'You paused the arrangement';
    case 'resumed':
      return 'You resumed the arrangement';
    case 'rules-changed':
      return 'The rules were changed';
    case 'link-reissued':
      return 'A new link was sent; older links stopped working';
    case 'closed':
      return `Closed: ${closedReason(data.reason)}`;
    case 'update-accepted':
      return data.seq ? `Update ${data.seq} received` : 'Update received';
    case 'update-refused':
      return `An update was not accepted because ${REFUSALS[data.reason] ?? 'it did not fit the rules'} (${who} was told what is possible next)`;
    case 'check-in-reminder':
      return data.daysBefore ? `Check-in reminder (${plural(data.daysBefore, 'day')} before) sent` : 'Check-in reminder sent';
    case 'check-in-day':
      return 'Check-in day: emails sent to both of you';
    case 'check-in-message':
      return 'Check-in message received';
    case 'check-in-skipped':
      return `${who} chose to skip the check-in`;
    case 'delivery-failed':
      return `An email (${JOBS[data.job] ?? 'one of the emails'}) could not be delivered${data.attempts ? ` after ${plural(data.attempts, 'try', 'tries')}` : ''}`;
    case 'client-email-suppressed':
      return data.kind === 'complaint'
        ? 'Emails to the client stopped after they marked one as unwanted'
        : 'Emails to the client stopped after a bounce';
    case 'delivery-resent':
      return 'The practice sent an email that had failed again';
    case 'client-email-unsuppressed':
      return 'Emails to the client resumed (the practice fixed the address problem)';
    case 'therapist-email-failed':
      return 'An email to you could not be delivered';
    default:
      return String(event.type ?? 'Something happened').replace(/-/g, ' ');
  }
}

/** What an upcoming scheduled job is, in words. */
export function upcomingSentence(item, rules) {
  switch (item.kind) {
    case 'check-in-reminder': {
      const before = rules?.checkIn?.on ? daysBetween(item.on, rules.checkIn.on) : 0;
      return before > 0 ? `Check-in reminder (${plural(before, 'day')} before)` : 'Check-in reminder';
    }
    case 'check-in-day':
      return rules?.checkIn?.format === 'session' ? 'Check-in session day' : 'Check-in day';
    case 'closing':
      return 'The arrangement closes';
    default:
      return String(item.kind).replace(/-/g, ' ');
  }
}

/**
 * The next thing that will happen, worked out from the rules (the list has no schedule):
 * the check-in if it is still ahead, otherwise the closing date.
 */
export function nextFromRules(policy) {
  if (policy.state === 'closed' || policy.state === 'declined') return null;
  const rules = policy.rules ?? {};
  const now = today(rules.timeZone);
  const checkIn = rules.checkIn;
  if (checkIn && policy.counters?.checkIn === 'pending' && checkIn.on >= now) {
    return { label: checkIn.format === 'session' ? 'Check-in session' : 'Check-in', on: checkIn.on };
  }
  if (rules.closesOn && rules.closesOn >= now) return { label: 'Closes', on: rules.closesOn };
  return null;
}

/** The rules in plain words, for the therapist ("Sam may send…"). */
export function describeRulesForTherapist(rules, clientName) {
  const who = clientName || 'The client';
  const lines = [];
  const u = rules.updates;
  if (!u || u.limit === 0) {
    lines.push('No written updates.');
  } else {
    const gap = u.minDaysBetween > 0 && u.limit > 1 ? `, at least ${plural(u.minDaysBetween, 'day')} apart` : '';
    const what = u.limit === 1 ? 'one update' : `up to ${u.limit} updates`;
    lines.push(`${who} may send ${what} between ${formatDate(u.from)} and ${formatDate(u.until)}${gap}, each up to ${u.maxCharacters.toLocaleString('en-US')} characters.`);
    lines.push(rules.replies === 'may-reply' ? `${who} has been told you may reply.` : `${who} has been told you read every update but will not reply.`);
  }
  const c = rules.checkIn;
  if (!c) {
    lines.push('No check-in.');
  } else {
    const when = formatDay(c.on);
    lines.push(
      c.format === 'session'
        ? `Check-in: a session on ${when}, which you arrange.${c.note ? ` Note for ${who}: ${c.note}` : ''}`
        : `Check-in: ${who} may send one message from ${when} until ${formatDate(c.messageUntil)}.`,
    );
    if (c.remindDaysBefore?.length) {
      lines.push(`Reminders go to both of you ${c.remindDaysBefore.map((d) => plural(d, 'day')).join(' and ')} before.`);
    }
  }
  lines.push(`The arrangement ends on ${formatDate(rules.closesOn)}.`);
  if (rules.referrals?.length) {
    lines.push(`Referrals given at the end: ${rules.referrals.map((r) => `${r.name} (${r.contact})`).join('; ')}.`);
  }
  const crisis = CRISIS_LOCALES.find(([code]) => code === rules.crisisLocale);
  if (crisis) lines.push(`Crisis resources: ${crisis[1]}.`);
  lines.push(`Dates follow the ${rules.timeZone} time zone; scheduled emails go out at 9:00.`);
  return lines;
}
