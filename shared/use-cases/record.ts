/**
 * The printable record of an arrangement, for its own therapist to keep before retention
 * deletes it: the rules as the client was last told them, every message and reply with its
 * date, the timeline in plain words, and how long the data is kept.
 *
 * Steps: read the whole partition → check it is this therapist's, in their practice (else
 * 404, as if it did not exist) → put it into the record's sentences. Reads only; every date is
 * a day in the arrangement's own time zone.
 */
import { todayIn, type IsoDate } from '../domain/dates.js';
import { NotFoundError } from '../domain/errors.js';
import type { Policy, Referral } from '../domain/policy.js';
import { deletionDay, endedOnDay } from '../domain/retention.js';
import type { PolicyDetail } from '../ports/store.js';
import { describeRules } from '../wording/client.js';
import { recordWords, timelineSentence } from '../wording/record.js';
import type { Deps, Therapist } from './deps.js';
import { conversationView, type MessagesView } from './views.js';

export interface PrintableRecord {
  /** The start of the id, as the therapist's notices name an arrangement. */
  ref: string;
  clientName: string;
  therapistName: string;
  madeOn: IsoDate;
  timeZone: string;
  state: string;
  createdOn: IsoDate;
  endedOn: IsoDate;
  acceptedOn: IsoDate | null;
  /** The closing date while open; the day it ended once it has. */
  closes: { ended: boolean; on: IsoDate };
  /** One sentence per rule, exactly as the client reads them. */
  rules: string[];
  rulesChanged: boolean;
  invitationNote: string | null;
  closingNote: string | null;
  referrals: Referral[];
  /** Oldest first, each with its reply. */
  messages: MessagesView;
  timeline: { on: IsoDate; text: string }[];
  retention: string;
}

const dayOf = (policy: Policy, instant: string) => todayIn(policy.rules.timeZone, new Date(instant));

export async function printableRecord(deps: Deps, therapist: Therapist, policyId: string): Promise<PrintableRecord> {
  const detail = await deps.store.getPolicyDetail(policyId);
  const policy = detail?.policy;
  // Another therapist's arrangement, or another practice's, is not there for this one.
  if (!detail || !policy || policy.therapistId !== therapist.id || policy.practiceId !== therapist.practiceId)
    throw new NotFoundError('No policy with that id.');
  return recordOf(detail, therapist, todayIn(policy.rules.timeZone, deps.clock.now()));
}

export function recordOf(detail: PolicyDetail, reader: Pick<Therapist, 'id'>, today: IsoDate): PrintableRecord {
  const { policy } = detail;
  const client = policy.client.name;
  const ended = endedOnDay(policy);
  const events = [...detail.events].sort((a, b) => a.at.localeCompare(b.at));
  return {
    ref: policy.id.slice(0, 8),
    clientName: client,
    therapistName: policy.therapist.name,
    madeOn: today,
    timeZone: policy.rules.timeZone,
    state: recordWords.state(policy.state, policy.closedReason),
    createdOn: dayOf(policy, policy.createdAt),
    endedOn: policy.rules.endedOn,
    acceptedOn: policy.acceptedAt ? dayOf(policy, policy.acceptedAt) : null,
    closes: ended === null ? { ended: false, on: policy.rules.closesOn } : { ended: true, on: ended },
    rules: describeRules(policy.rules, policy.therapist.name),
    rulesChanged: events.some((e) => e.type === 'rules-changed'),
    invitationNote: policy.rules.invitationNote,
    closingNote: policy.rules.closingNote,
    referrals: policy.rules.referrals,
    messages: conversationView(detail, policy.rules.timeZone),
    timeline: events.map((e) => ({ on: dayOf(policy, e.at), text: timelineSentence(e, client, reader.id) })),
    retention: recordWords.retention(policy.retentionDays, deletionDay(policy)),
  };
}
