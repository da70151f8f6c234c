/**
 * The contact policy: what a therapist sets for a former client, with the product's
 * defaults filled in and every date computed. Pure data and pure functions only.
 */
import type { CrisisLocale } from './crisis.js';
import { addDays, addMonths, laterOf, type IsoDate } from './dates.js';

export const POLICY_STATES = ['invited', 'active', 'paused', 'declined', 'closed'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export const CLOSED_REASONS = ['closing-date', 'therapist', 'opted-out', 'declined', 'therapist-left'] as const;
/** `therapist-left`: the practice closed it when its therapist left (a handover to no one). */
export type ClosedReason = (typeof CLOSED_REASONS)[number];
export type CheckInFormat = 'message' | 'session';
export type Replies = 'none' | 'may-reply';

export interface Referral {
  name: string;
  contact: string;
}

export interface UpdateRules {
  limit: number;
  minDaysBetween: number;
  from: IsoDate;
  until: IsoDate;
  maxCharacters: number;
}

export interface CheckInRules {
  on: IsoDate;
  format: CheckInFormat;
  note: string | null;
  remindDaysBefore: number[];
  /** Last day the check-in message can be sent (format "message"); on + 6 days. */
  messageUntil: IsoDate;
}

export interface PolicyRules {
  endedOn: IsoDate;
  timeZone: string;
  updates: UpdateRules;
  checkIn: CheckInRules | null;
  replies: Replies;
  closesOn: IsoDate;
  referrals: Referral[];
  crisisLocale: CrisisLocale;
  /** The therapist's own words in the invitation, and on the page while the client is invited; null: none. */
  invitationNote: string | null;
  /** The therapist's own words in the goodbye: the closing email and the page once closed (not after a stop); null: none. */
  closingNote: string | null;
}

export interface Pause {
  until: IsoDate | null;
  note: string | null;
}

export type CheckInStatus = 'pending' | 'sent' | 'skipped' | 'none';

/** A handover to a colleague: when, and the name of the therapist it was handed over from. */
export interface HandoverMark {
  at: string;
  from: string;
  /** The former therapist's address: never shown, only kept out of what the client sees (privacy.ts). */
  fromEmail?: string | undefined;
}

/** What the practice told the client when it closed the arrangement because its therapist left. */
export interface PracticeClosing {
  practiceName: string;
  /** The admin's note, or the practice's usual closing note; null: none. */
  note: string | null;
  /** The practice's usual referrals, then the arrangement's own (each once). */
  referrals: Referral[];
}

export interface Policy {
  id: string;
  /** The practice it belongs to (its therapist's); `default` for arrangements made before practices. */
  practiceId: string;
  therapistId: string;
  therapist: { name: string; email: string };
  client: { name: string; email: string };
  rules: PolicyRules;
  state: PolicyState;
  closedReason: ClosedReason | null;
  updatesAccepted: number;
  lastUpdateOn: IsoDate | null;
  checkIn: CheckInStatus;
  /** Bumped by reissue-link: page links and reply addresses of an older generation stop working. */
  linkGeneration: number;
  /**
   * Which client address the links were sent to. Every link records it, so that correcting a
   * mistyped address (bumping this) can stop the links sent to the old one, stop links included,
   * which outlive a new link. Nothing changes the address yet, so it stays 1.
   */
  clientAddressGeneration: number;
  /** Set when SES reports a bounce or complaint; nothing more is sent to that address. */
  clientEmailSuppressed: boolean;
  createdAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  /** While paused: until when (resumes by itself at 09:00 that day), and the therapist's note to the client. */
  pause?: Pause | null;
  /** Messages the therapist has replied to (replyKey: "update#2", "check-in"); absent on older items. */
  repliedTo?: string[];
  /**
   * Each time the practice handed it to a colleague, oldest first: who wrote what before then
   * (a reply, a note) is named as it was. Absent on arrangements never handed over.
   */
  handovers?: HandoverMark[];
  /** Set only when closed with `therapist-left`: the practice's own goodbye. */
  closedByPractice?: PracticeClosing | null;
  /** How many days its data is kept once it has closed: the practice's setting when it was made [90]. */
  retentionDays: number;
  /** Optimistic concurrency: every write is conditional on the version it read. */
  version: number;
}

export const DEFAULTS = {
  updateLimit: 3,
  minDaysBetween: 7,
  windowDays: 42,
  maxCharacters: 1000,
  checkInAfterMonths: 3,
  checkInMessageDays: 7,
  remindDaysBefore: [7, 1],
  closeDaysAfterCheckIn: 14,
  retentionDays: 90,
  sendAt: '09:00',
} as const;

/** What a therapist may leave out; the parsed request body of POST /policies, minus client. */
export interface RulesInput {
  endedOn: IsoDate;
  timeZone: string;
  /** `windowDays`: without `until`, the window ends this many days after therapy ended [42]. */
  updates?: (Partial<UpdateRules> & { windowDays?: number | undefined }) | undefined;
  checkIn?:
    | {
        on?: IsoDate | undefined;
        afterMonths?: number | undefined;
        format?: CheckInFormat | undefined;
        note?: string | null | undefined;
        remindDaysBefore?: number[] | undefined;
      }
    | null
    | undefined;
  replies?: Replies | undefined;
  closesOn?: IsoDate | undefined;
  referrals?: Referral[] | undefined;
  crisisLocale?: CrisisLocale | undefined;
  invitationNote?: string | null | undefined;
  closingNote?: string | null | undefined;
}

/** The closing date when none is given: the later of the window's end and two weeks after the check-in. */
export function defaultClosesOn(updatesUntil: IsoDate, checkIn: Pick<CheckInRules, 'on'> | null): IsoDate {
  return checkIn ? laterOf(updatesUntil, addDays(checkIn.on, DEFAULTS.closeDaysAfterCheckIn)) : updatesUntil;
}

/** Fills in the defaults and computes every date. Consistency is checked by validateRules. */
export function resolveRules(input: RulesInput): PolicyRules {
  const { endedOn } = input;
  const from = input.updates?.from ?? endedOn;
  const updates: UpdateRules = {
    limit: input.updates?.limit ?? DEFAULTS.updateLimit,
    minDaysBetween: input.updates?.minDaysBetween ?? DEFAULTS.minDaysBetween,
    from,
    until: input.updates?.until ?? addDays(endedOn, input.updates?.windowDays ?? DEFAULTS.windowDays),
    maxCharacters: input.updates?.maxCharacters ?? DEFAULTS.maxCharacters,
  };
  const checkIn = resolveCheckIn(endedOn, input.checkIn);
  const closesOn = input.closesOn ?? defaultClosesOn(updates.until, checkIn);
  return {
    endedOn,
    timeZone: input.timeZone,
    updates,
    checkIn,
    replies: input.replies ?? 'none',
    closesOn,
    referrals: input.referrals ?? [],
    crisisLocale: input.crisisLocale ?? 'US',
    invitationNote: input.invitationNote ?? null,
    closingNote: input.closingNote ?? null,
  };
}

function resolveCheckIn(endedOn: IsoDate, input: RulesInput['checkIn']): CheckInRules | null {
  // Omitted means the default check-in; an explicit null means none at all.
  if (input === null) return null;
  const on = input?.on ?? addMonths(endedOn, input?.afterMonths ?? DEFAULTS.checkInAfterMonths);
  const remind = [...new Set(input?.remindDaysBefore ?? DEFAULTS.remindDaysBefore)].sort((a, b) => b - a);
  return {
    on,
    format: input?.format ?? 'message',
    note: input?.note ?? null,
    remindDaysBefore: remind,
    messageUntil: addDays(on, DEFAULTS.checkInMessageDays - 1),
  };
}

/** Cross-field rules a schema cannot express. Returns readable problems, empty when fine. */
export function validateRules(rules: PolicyRules): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { updates, checkIn, endedOn, closesOn } = rules;
  if (updates.from < endedOn)
    problems.push({ path: 'updates.from', message: 'The update window cannot start before therapy ended.' });
  if (updates.until < updates.from)
    problems.push({ path: 'updates.until', message: 'The update window must end on or after the day it starts.' });
  if (checkIn && checkIn.on <= endedOn)
    problems.push({ path: 'checkIn.on', message: 'The check-in must be after the day therapy ended.' });
  if (closesOn < updates.until)
    problems.push({ path: 'closesOn', message: 'The closing date cannot be before the update window ends.' });
  if (checkIn) {
    if (closesOn < checkInLastDay(checkIn))
      problems.push({ path: 'closesOn', message: 'The closing date cannot be before the check-in is over.' });
  }
  return problems;
}

/** A policy as it starts: invited, nothing sent or used yet, link generation 1. */
export function newPolicy(
  init: Pick<
    Policy,
    'id' | 'practiceId' | 'therapistId' | 'therapist' | 'client' | 'rules' | 'createdAt' | 'retentionDays'
  >,
): Policy {
  return {
    ...init,
    state: 'invited',
    closedReason: null,
    updatesAccepted: 0,
    lastUpdateOn: null,
    checkIn: init.rules.checkIn ? 'pending' : 'none',
    linkGeneration: 1,
    clientAddressGeneration: 1,
    clientEmailSuppressed: false,
    acceptedAt: null,
    closedAt: null,
    version: 1,
  };
}

/** The last day the check-in can still happen: the message window's end, or the session day. */
export function checkInLastDay(checkIn: CheckInRules): IsoDate {
  return checkIn.format === 'message' ? checkIn.messageUntil : checkIn.on;
}

/** The client may skip the check-in, or take a skip back, while it is still ahead or open. */
export function canChangeCheckIn(policy: Policy, today: IsoDate): boolean {
  const c = policy.rules.checkIn;
  if (!c) return false;
  return (policy.state === 'active' || policy.state === 'paused') && today <= checkInLastDay(c);
}

/** Who the arrangement's therapist was at `instant` (a reply's time): the name before any later handover. */
export function therapistNameAt(policy: Pick<Policy, 'therapist' | 'handovers'>, instant: string): string {
  const later = (policy.handovers ?? []).find((h) => h.at > instant);
  return later ? later.from : policy.therapist.name;
}

export function isTerminal(state: PolicyState): boolean {
  return state === 'closed' || state === 'declined';
}

/** Every address of a therapist this arrangement has had: none of them may reach the client. */
export function therapistAddresses(policy: Pick<Policy, 'therapist' | 'handovers'>): string[] {
  return [policy.therapist.email, ...(policy.handovers ?? []).map((h) => h.fromEmail ?? '')].filter(Boolean);
}
