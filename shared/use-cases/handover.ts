/**
 * Handing a leaving therapist's arrangements to a colleague, or closing them kindly.
 *
 * Steps: check the leaver (in the admin's practice) and the colleague (active, same practice) →
 * mark the leaver as leaving with the plan (their access ends at this moment) → find their open
 * arrangements and keep the list with the plan → each arrangement in its own transaction: handed
 * to the colleague or closed in the practice's name, its emails sent after its commit → once
 * nothing open is left, the practice's timeline says how it ended.
 *
 * Posting again resumes: an arrangement already dealt with is re-read, found no longer open or
 * no longer the leaver's, and left alone ('already-done'), so nothing is done or sent twice. A
 * request that fails part-way answers 503, having kept everything it did; one that runs out of
 * time answers with how many are `remaining`, to be posted again.
 */
import { BusyError, NotFoundError, StateConflictError } from '../domain/errors.js';
import type { Policy } from '../domain/policy.js';
import { isOpen } from '../domain/arrangement-meta.js';
import type { Practice } from '../domain/practice.js';
import type { HandoverBody } from '../domain/schemas.js';
import { errorFields } from '../ports/logger.js';
import type { Deps, Therapist } from './deps.js';
import { closeByPracticeChange, handOverChange, type Colleague, type PracticeVoice } from './handover-changes.js';
import {
  colleagueFor,
  coverArrangements,
  finishHandover,
  leaverFor,
  startHandover,
  type Leaving,
} from './handover-plan.js';
import { mutatePolicy, type Decided } from './mutate.js';
import { practiceFor } from './practice-settings.js';

export type HandoverOutcome = 'handed-over' | 'closed' | 'already-done';

export interface HandoverResult {
  therapist: { id: string; status: string };
  to: string | null;
  arrangements: { policyId: string; outcome: HandoverOutcome }[];
  /** Open arrangements still the leaver's: 0 once the handover is complete. */
  remaining: number;
}

/** What became of one arrangement, with what an earlier request had done to one already done. */
interface Handled {
  policyId: string;
  outcome: HandoverOutcome;
  /** How it left the leaver: handed over, closed by the practice, or neither (it ended some other way). */
  ended: 'handed-over' | 'closed' | 'otherwise';
}

/**
 * One request stops taking arrangements after this long. The API's functions stop at 10 s
 * (functions/needs.ts); the rest is for the arrangement under way (a transaction and two
 * emails) and the answer. What is left is said as `remaining`, and posting again goes on.
 */
const TIME_BUDGET_MS = 5_000;

export async function handOver(deps: Deps, admin: Therapist, id: string, body: HandoverBody): Promise<HandoverResult> {
  const began = performance.now();
  // Everything is checked before anything changes.
  await leaverFor(deps, admin, id);
  const colleague = await colleagueFor(deps, admin, id, body.to);
  const practice = await practiceFor(deps, admin.practiceId);
  const started = await startHandover(deps, admin, id, body);
  // Listed only once they are leaving, so no new one of theirs can start after it (a second request finds any the list missed).
  const leaver = await coverArrangements(deps, started, await openOf(deps, id));
  const covered = leaver.handover.arrangements ?? [];
  const { handled, failure } = await handleEach(deps, leaver, covered, began, async (policyId) => {
    await stillAsPlanned(deps, id, leaver.handover.to);
    return handleOne(deps, leaver, policyId, colleague, practice);
  });
  // Another admin's plan or a colleague leaving: said as it is (409), what was done stays done.
  if (failure instanceof StateConflictError) throw failure;
  if (failure !== null) {
    deps.log.error('handover.interrupted', { therapistId: id, count: handled.length, ...errorFields(failure) });
    throw new BusyError(
      `The handover stopped part-way: ${handled.length} of ${covered.length} arrangements are done, and each of those is complete. Nothing was lost or sent twice. Please post the handover again to go on with the rest.`,
    );
  }
  const remaining = covered.length - handled.length;
  const didSomething = handled.some((h) => h.outcome !== 'already-done');
  if (remaining === 0 && (didSomething || !leaver.handover.finishedAt)) {
    await finishHandover(deps, admin, id, {
      handedOver: handled.filter((h) => h.ended === 'handed-over').length,
      closed: handled.filter((h) => h.ended === 'closed').length,
    });
  }
  deps.log.info('handover.ran', { therapistId: id, count: handled.length });
  return {
    therapist: { id, status: 'leaving' },
    to: leaver.handover.to,
    arrangements: handled.map(({ policyId, outcome }) => ({ policyId, outcome })),
    remaining,
  };
}

/** The leaver's open arrangements, as their list shows them (each is read again before it is changed). */
async function openOf(deps: Deps, therapistId: string): Promise<string[]> {
  const policies = await deps.store.listPolicies(therapistId);
  return policies.filter((p) => isOpen(p.state)).map((p) => p.id);
}

/**
 * Before each arrangement: the plan is still this request's (another admin may have posted a
 * new one) and the colleague is still active (they may have been asked to leave meanwhile).
 * Otherwise it stops, and what was done stays done.
 */
async function stillAsPlanned(deps: Deps, leaverId: string, to: string | null): Promise<void> {
  const [leaver, colleague] = await Promise.all([
    deps.store.getMember(leaverId),
    to === null ? Promise.resolve(null) : deps.store.getMember(to),
  ]);
  if (leaver?.status !== 'leaving' || (leaver.handover?.to ?? null) !== to)
    throw new StateConflictError(
      'The plan for this handover changed while it ran. Please look at it again and post it once more.',
    );
  if (to !== null && colleague?.status !== 'active')
    throw new StateConflictError(
      'The colleague is no longer active in the practice. Choose another and post the handover again.',
    );
}

/** One after another, within the time budget (counted from the request's start); the first failure stops it. */
async function handleEach(
  deps: Deps,
  leaver: Leaving,
  ids: string[],
  started: number,
  handle: (policyId: string) => Promise<Handled>,
): Promise<{ handled: Handled[]; failure: unknown }> {
  const handled: Handled[] = [];
  for (const policyId of ids) {
    if (performance.now() - started > TIME_BUDGET_MS) {
      deps.log.warn('handover.out-of-time', { therapistId: leaver.therapistId, count: ids.length - handled.length });
      break;
    }
    try {
      handled.push(await handle(policyId));
    } catch (err) {
      return { handled, failure: err };
    }
  }
  return { handled, failure: null };
}

/** How the practice speaks: its own name (none while unnamed) and the note, the practice's usual closing note when closing. */
function voiceFor(practice: Practice, leaver: Leaving, closing: boolean): PracticeVoice {
  const note = leaver.handover.note ?? (closing ? (practice.defaults.closingNote ?? null) : null);
  return { practiceName: practice.version === null ? '' : practice.name, note };
}

/** One arrangement in its own transaction: read again, and changed only if it is still the leaver's and open. */
async function handleOne(
  deps: Deps,
  leaver: Leaving,
  policyId: string,
  colleague: Colleague | null,
  practice: Practice,
): Promise<Handled> {
  try {
    return await mutatePolicy<Handled>(deps, policyId, (current) =>
      decideOne(deps, leaver, current, colleague, practice),
    );
  } catch (err) {
    // Gone (only closed arrangements are ever deleted): nothing to do.
    if (err instanceof NotFoundError) return { policyId, outcome: 'already-done', ended: 'otherwise' };
    throw err;
  }
}

/** Pure: what one request does to one arrangement as it is now. */
function decideOne(
  deps: Deps,
  leaver: Leaving,
  current: Policy,
  colleague: Colleague | null,
  practice: Practice,
): Decided<Handled> {
  const policyId = current.id;
  const at = deps.clock.now().toISOString();
  if (current.therapistId !== leaver.therapistId)
    return { change: null, result: { policyId, outcome: 'already-done', ended: 'handed-over' } };
  if (!isOpen(current.state)) {
    const ended = current.closedReason === 'therapist-left' ? 'closed' : 'otherwise';
    return { change: null, result: { policyId, outcome: 'already-done', ended } };
  }
  if (colleague) {
    const change = handOverChange(current, colleague, voiceFor(practice, leaver, false), at, practice.defaults);
    return { change, result: { policyId, outcome: 'handed-over', ended: 'handed-over' } };
  }
  const referrals = practice.defaults.referrals ?? [];
  const change = closeByPracticeChange(current, voiceFor(practice, leaver, true), referrals, at);
  return { change, result: { policyId, outcome: 'closed', ended: 'closed' } };
}
