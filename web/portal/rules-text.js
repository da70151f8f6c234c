// @ts-check
/** An arrangement's rules in the therapist's words, and what comes next under them. */
import { formatDate, formatDay, today } from './dates.js';
import { crisisLabel } from './rules.js';
import { hasEnded } from './states.js';
import { clockTime, number, plural } from './words.js';

/** @import { Policy, PolicyRules, PortalRules } from './types.js' */

/**
 * The next thing that will happen, worked out from the rules (the list has no schedule):
 * the check-in if it is still ahead, otherwise the closing date.
 * @param {Policy} policy
 * @param {string} [now] today in the arrangement's zone
 * @returns {{ label: string, on: string } | null}
 */
export function nextFromRules(policy, now = today(policy.rules?.timeZone)) {
  if (hasEnded(policy.state)) return null;
  const rules = policy.rules ?? {};
  const checkIn = rules.checkIn;
  if (checkIn && policy.counters?.checkIn === 'pending' && checkIn.on >= now) {
    return { label: checkIn.format === 'session' ? 'Check-in session' : 'Check-in', on: checkIn.on };
  }
  if (rules.closesOn && rules.closesOn >= now) return { label: 'Closes', on: rules.closesOn };
  return null;
}

/**
 * The rules in plain words, for the therapist ("Sam may send…").
 * @param {PolicyRules} rules
 * @param {string} clientName
 * @param {PortalRules} service the service's rules, for the crisis line names and the sending time
 */
export function describeRulesForTherapist(rules, clientName, service) {
  const who = clientName || 'The client';
  const lines = [...updateLines(rules, who), ...checkInLines(rules, who)];
  lines.push(`The arrangement ends on ${formatDate(rules.closesOn)}.`);
  if (rules.referrals?.length) {
    lines.push(`Referrals given at the end: ${rules.referrals.map((r) => `${r.name} (${r.contact})`).join('; ')}.`);
  }
  const crisis = crisisLabel(service, rules.crisisLocale);
  if (crisis) lines.push(`Crisis resources: ${crisis}.`);
  lines.push(
    `Dates follow the ${rules.timeZone} time zone; scheduled emails go out at ${clockTime(service.defaults.sendAt)}.`,
  );
  return lines;
}

/**
 * @param {PolicyRules} rules
 * @param {string} who
 */
function updateLines(rules, who) {
  const u = rules.updates;
  if (!u || u.limit === 0) return ['No written updates.'];
  const gap = u.minDaysBetween > 0 && u.limit > 1 ? `, at least ${plural(u.minDaysBetween, 'day')} apart` : '';
  const what = u.limit === 1 ? 'one update' : `up to ${u.limit} updates`;
  return [
    `${who} may send ${what} between ${formatDate(u.from)} and ${formatDate(u.until)}${gap}, each up to ${number(u.maxCharacters)} characters.`,
    rules.replies === 'may-reply'
      ? `${who} has been told you may reply.`
      : `${who} has been told you read every update but will not reply.`,
  ];
}

/**
 * @param {PolicyRules} rules
 * @param {string} who
 */
function checkInLines(rules, who) {
  const c = rules.checkIn;
  if (!c) return ['No check-in.'];
  const when = formatDay(c.on);
  const lines = [
    c.format === 'session'
      ? `Check-in: a session on ${when}, which you arrange.${c.note ? ` Note for ${who}: ${c.note}` : ''}`
      : `Check-in: ${who} may send one message from ${when} until ${formatDate(c.messageUntil)}.`,
  ];
  if (c.remindDaysBefore?.length) {
    lines.push(`Reminders go to both of you ${c.remindDaysBefore.map((d) => plural(d, 'day')).join(' and ')} before.`);
  }
  return lines;
}
