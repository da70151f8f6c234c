// @ts-check
/**
 * Replies in words and rules: which messages can have one, what the form and the hint say,
 * and characters counted as the service counts them (as a person would: an emoji is one).
 */
import { number } from './words.js';

/** @import { PolicyDetail, Reply, ReplyTarget } from './types.js' */

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Characters in a message as the service counts them: line endings made one, the ends trimmed.
 * @param {string} text
 */
export function countCharacters(text) {
  return Array.from(GRAPHEMES.segment(text.replace(/\r\n?/g, '\n').trim())).length;
}

/**
 * "12 of 1,000 characters", or how far over the limit.
 * @param {number} n
 * @param {number} max
 */
export function countLine(n, max) {
  const base = `${number(n)} of ${number(max)} characters`;
  return n > max ? `${base}: ${number(n - max)} over the limit` : base;
}

/**
 * One name per message, the service's own ("update#2", "check-in"): ids, actions, the timeline.
 * @param {ReplyTarget} target
 */
export const replyKey = (target) => ('update' in target ? `update#${target.update}` : 'check-in');

/**
 * The same name, safe in an element id.
 * @param {ReplyTarget} target
 */
export const replySlug = (target) => replyKey(target).replace('#', '-');

/**
 * The reply to a message, if it has one.
 * @param {PolicyDetail} detail
 * @param {ReplyTarget} target
 * @returns {Reply | null}
 */
export function replyTo(detail, target) {
  const key = replyKey(target);
  return (detail.replies ?? []).find((r) => replyKey(r.inReplyTo) === key) ?? null;
}

/**
 * Whether the therapist can answer this message now: the client was told they may, the
 * arrangement is active, and it has no reply yet.
 * @param {PolicyDetail} detail
 * @param {ReplyTarget} target
 */
export function canReply(detail, target) {
  return detail.rules.replies === 'may-reply' && detail.state === 'active' && !replyTo(detail, target);
}

/**
 * The message each form answers, in the label and the announcements.
 * @param {ReplyTarget} target
 */
export const messageName = (target) => ('update' in target ? `update ${target.update}` : 'the check-in message');

/**
 * What the reply form says under its label.
 * @param {PolicyDetail} detail
 */
export function replyHelp(detail) {
  const max = detail.rules.updates.maxCharacters;
  const who = detail.client.name;
  const limit = `One reply per message, up to ${number(max)} ${max === 1 ? 'character' : 'characters'}.`;
  return detail.clientEmailSuppressed
    ? `${limit} ${who} sees it on their page under their words (Afterword can no longer email them).`
    : `${limit} ${who} gets it by email from Afterword, never from your own address, and sees it on their page under their words.`;
}

/**
 * Every message the client sent, as reply targets.
 * @param {PolicyDetail} detail
 * @returns {ReplyTarget[]}
 */
function messages(detail) {
  /** @type {ReplyTarget[]} */
  const out = (detail.updates ?? []).map((u) => ({ update: u.seq }));
  if (detail.checkInMessage) out.push({ checkIn: true });
  return out;
}

/**
 * One line on why there is no Reply button, when there are messages it would answer; else null.
 * @param {PolicyDetail} detail
 */
export function replyHint(detail) {
  const sent = messages(detail);
  if (sent.length === 0) return null;
  const who = detail.client.name;
  if (detail.rules.replies !== 'may-reply')
    return `Replies are off for this arrangement: ${who} was told you will not reply.`;
  if (sent.every((target) => replyTo(detail, target))) return null;
  if (detail.state === 'paused') return 'You can reply once you resume the arrangement.';
  if (detail.state === 'closed' || detail.state === 'declined')
    return 'The arrangement has ended, so no more replies can be sent.';
  return null;
}
