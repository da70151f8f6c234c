/**
 * What each side is shown. Two separate shapes on purpose: the client view has no
 * therapist address; the therapist view has no client link (links are never stored).
 */
import { crisisResources } from '../domain/crisis.js';
import { keepAddressPrivate, mapStrings } from '../domain/privacy.js';
import { todayIn, type IsoDate } from '../domain/dates.js';
import { allowance, notActiveDetail } from '../domain/enforcement.js';
import { canChangeCheckIn, therapistAddresses, therapistNameAt, type Policy } from '../domain/policy.js';
import { describeAllowance, describeRules, practiceMail, referrals as referralWords } from '../wording/client.js';
import type { ScheduledJob } from '../domain/schedule.js';
import { replyKey } from '../domain/replies.js';
import { deletionDay } from '../domain/retention.js';
import type { Conversation, Job, PolicyDetail, ReplyRecord } from '../ports/store.js';

function checkInView(policy: Policy, today: IsoDate) {
  const c = policy.rules.checkIn;
  if (!c) return null;
  const canSendToday =
    policy.state === 'active' &&
    c.format === 'message' &&
    policy.checkIn !== 'sent' &&
    today >= c.on &&
    today <= c.messageUntil;
  return {
    on: c.on,
    format: c.format,
    note: c.note,
    messageUntil: c.format === 'message' ? c.messageUntil : null,
    status: policy.checkIn,
    canSendToday,
    /** Skipping can be undone until the check-in has passed. */
    canUndoSkip: policy.checkIn === 'skipped' && canChangeCheckIn(policy, today),
    canSkip: policy.checkIn === 'pending' && canChangeCheckIn(policy, today),
  };
}

/**
 * The therapist's personal note for where things stand: the invitation's while the client is
 * invited, the goodbye's once closed, as the closing email has it (not after a stop, and not for
 * a client who never accepted, who gets no goodbye). Closed by the practice when the therapist
 * left: the practice's note, as its email had it.
 */
function noteFor(policy: Policy): string | null {
  if (policy.state === 'invited') return policy.rules.invitationNote;
  if (policy.closedReason === 'therapist-left') return policy.closedByPractice?.note ?? null;
  const goodbye = policy.state === 'closed' && policy.closedReason !== 'opted-out' && policy.acceptedAt !== null;
  return goodbye ? policy.rules.closingNote : null;
}

/**
 * Who speaks in the page's note, referrals and footer: the therapist, or the practice once it
 * closed the arrangement because the therapist left. `by` is a name ('the practice' when it has none).
 */
function voiceOf(policy: Policy) {
  const closing = policy.closedReason === 'therapist-left' ? policy.closedByPractice : null;
  if (!closing) {
    const name = policy.therapist.name;
    return { by: name, referrals: policy.rules.referrals, referralsIntro: referralWords.intro(name) };
  }
  return {
    by: practiceMail.signedBy(closing.practiceName),
    referrals: closing.referrals,
    referralsIntro: practiceMail.suggests(closing.practiceName),
  };
}

function lastHandover(policy: Policy): { from: string; on: IsoDate } | null {
  const last = policy.handovers?.at(-1);
  return last ? { from: last.from, on: todayIn(policy.rules.timeZone, new Date(last.at)) } : null;
}

export type ClientView = ReturnType<typeof clientView>;

export function clientView(policy: Policy, today: IsoDate) {
  // Whatever the therapist typed (name, note, referrals), their own address stays private.
  return mapStrings(buildClientView(policy, today), keepAddressPrivate(therapistAddresses(policy)));
}

function buildClientView(policy: Policy, today: IsoDate) {
  const a = allowance(policy, today);
  const { rules } = policy;
  const voice = voiceOf(policy);
  return {
    therapistName: policy.therapist.name,
    /** Whose note, referrals and footer the page shows: the therapist's, or the practice's. */
    voice: voice.by,
    /** The latest handover to a colleague: from whom, and on which day; null when there was none. */
    handedOver: lastHandover(policy),
    state: policy.state,
    closedReason: policy.closedReason,
    stateDetail: policy.state === 'active' ? null : notActiveDetail(policy),
    /** While paused: until when (null: not known) and the therapist's note. */
    pause: policy.state === 'paused' ? { until: policy.pause?.until ?? null, note: policy.pause?.note ?? null } : null,
    note: noteFor(policy),
    today,
    rules: {
      updates: { ...rules.updates },
      checkIn: rules.checkIn
        ? {
            on: rules.checkIn.on,
            format: rules.checkIn.format,
            note: rules.checkIn.note,
            messageUntil: rules.checkIn.messageUntil,
          }
        : null,
      replies: rules.replies,
      closesOn: rules.closesOn,
    },
    updates: {
      limit: a.limit,
      used: a.used,
      left: a.left,
      nextAllowedOn: a.nextAllowedOn,
      canSendToday: a.canSendToday,
    },
    nextAllowedOn: a.nextAllowedOn,
    checkIn: checkInView(policy, today),
    summary: { rules: describeRules(rules, policy.therapist.name), left: describeAllowance(a, today) },
    referrals: voice.referrals,
    referralsIntro: voice.referralsIntro,
    crisis: crisisResources(rules.crisisLocale).lines,
  };
}

/**
 * The client's own record: every message they sent, oldest first, each with its reply if there
 * is one. `nameAt`: who the therapist was at a moment, so a reply written before a handover
 * keeps its writer's name (`by`; null without it).
 */
export function conversationView(conversation: Conversation, timeZone: string, nameAt?: (instant: string) => string) {
  const replies = new Map(conversation.replies.map((r) => [replyKey(r.inReplyTo), r]));
  const replyOf = (key: string) => {
    const r: ReplyRecord | undefined = replies.get(key);
    if (!r) return null;
    return {
      text: r.text,
      sentAt: r.sentAt,
      sentOn: todayIn(timeZone, new Date(r.sentAt)),
      by: nameAt?.(r.sentAt) ?? null,
    };
  };
  const updates = [...conversation.updates]
    .sort((a, b) => a.seq - b.seq)
    .map((u) => ({
      kind: 'update' as const,
      seq: u.seq,
      sentOn: u.sentOn,
      text: u.text,
      reply: replyOf(replyKey({ update: u.seq })),
    }));
  const c = conversation.checkInMessage;
  const checkIn = c
    ? [
        {
          kind: 'check-in' as const,
          seq: null,
          sentOn: c.sentOn,
          text: c.text,
          reply: replyOf(replyKey({ checkIn: true })),
        },
      ]
    : [];
  return [...updates, ...checkIn].sort((a, b) => a.sentOn.localeCompare(b.sentOn));
}

export type MessagesView = ReturnType<typeof conversationView>;

/** The client's status with their own record, as GET /client/{token} and the page show it. */
export function clientRecordView(policy: Policy, today: IsoDate, conversation: Conversation) {
  const messages = mapStrings(
    conversationView(conversation, policy.rules.timeZone, (at) => therapistNameAt(policy, at)),
    keepAddressPrivate(therapistAddresses(policy)),
  );
  return { ...clientView(policy, today), messages };
}

export type ClientRecordView = ReturnType<typeof clientRecordView>;

function nextEvent(scheduled: ScheduledJob[]) {
  const first = [...scheduled].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return first ? { kind: first.kind, on: first.on } : null;
}

const scheduledOf = (jobs: Job[]) => jobs.flatMap((j) => (j.scheduled ? [j.scheduled] : []));

export type PolicyView = ReturnType<typeof policyView>;

/** `scheduled`: what is planned, when known (a list view leaves it out to stay one query). */
export function policyView(policy: Policy, today: IsoDate, scheduled?: ScheduledJob[]) {
  const a = allowance(policy, today);
  return {
    id: policy.id,
    state: policy.state,
    closedReason: policy.closedReason,
    client: policy.client,
    rules: policy.rules,
    counters: {
      updatesAccepted: policy.updatesAccepted,
      updatesLeft: a.left,
      lastUpdateOn: policy.lastUpdateOn,
      nextAllowedOn: a.nextAllowedOn,
      checkIn: policy.checkIn,
    },
    clientEmailSuppressed: policy.clientEmailSuppressed,
    createdAt: policy.createdAt,
    acceptedAt: policy.acceptedAt,
    closedAt: policy.closedAt,
    /** How many days its data is kept once it has ended (its practice's setting), and, once ended, the day it goes. */
    retentionDays: policy.retentionDays,
    deletesOn: deletionDay(policy),
    /** While paused: until when (null: until the therapist resumes) and the note the client was sent. */
    pause: policy.state === 'paused' ? { until: policy.pause?.until ?? null, note: policy.pause?.note ?? null } : null,
    ...(scheduled ? { nextEvent: nextEvent(scheduled) } : {}),
  };
}

export function policyDetailView(detail: PolicyDetail, today: IsoDate) {
  return {
    ...policyView(detail.policy, today, scheduledOf(detail.jobs)),
    updates: detail.updates.map((u) => ({
      seq: u.seq,
      text: u.text,
      characters: u.characters,
      sentOn: u.sentOn,
      receivedAt: u.receivedAt,
    })),
    checkInMessage: detail.checkInMessage,
    replies: detail.replies,
    history: [...detail.events].sort((a, b) => a.at.localeCompare(b.at)),
    upcoming: detail.jobs
      .filter((j) => j.scheduled)
      .map((j) => ({ kind: j.scheduled!.kind, on: j.scheduled!.on, dueAt: j.dueAt }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    // Still on the way (waiting for a first send or a retry), and given up on until re-sent.
    undelivered: detail.jobs.filter((j) => j.mail && !j.sent && !j.deadLettered).length,
    undeliverable: detail.jobs.filter((j) => j.mail && j.deadLettered).length,
  };
}
