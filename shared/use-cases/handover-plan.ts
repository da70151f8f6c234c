/**
 * A handover's plan, kept on the leaving therapist's member record: whom it is for and to,
 * the practice's note, which arrangements it covers and whether it has finished. Every write is
 * conditional on the record's version, so two admins (or one posting twice) cannot undo each other.
 */
import { NotFoundError, StateConflictError, ValidationError } from '../domain/errors.js';
import type { HandoverBody } from '../domain/schemas.js';
import type { HandoverPlan } from '../domain/practice.js';
import type { Member, PracticeEvent } from '../ports/store.js';
import type { Deps, Therapist } from './deps.js';
import type { Colleague } from './handover-changes.js';

const NOT_IN_PRACTICE = 'No therapist with that id in your practice.';

/** A leaving member: their record with its plan. */
export type Leaving = Member & { handover: HandoverPlan };

/** The therapist to hand over: in the admin's practice (else not found, as an unknown id), and still there. */
export async function leaverFor(deps: Deps, admin: Therapist, id: string): Promise<Member> {
  const member = await deps.store.getMember(id);
  if (!member || member.practiceId !== admin.practiceId) throw new NotFoundError(NOT_IN_PRACTICE);
  if (member.status === 'removed')
    throw new StateConflictError(
      'This therapist has already been removed from the practice; nothing is left to hand over.',
    );
  if (member.therapistId === admin.id)
    throw new ValidationError('You cannot hand over your own arrangements. Please ask another admin of the practice.', [
      { path: 'id', message: 'That is you.' },
    ]);
  return member;
}

/**
 * The colleague named by `to`: an active member of the same practice, not the leaver. Their
 * display name and address come from their profile (as on arrangements they set up themselves),
 * or from their member record when they have not opened the portal yet.
 */
export async function colleagueFor(deps: Deps, admin: Therapist, leaverId: string, to: string | null) {
  if (to === null) return null;
  if (to === leaverId)
    throw new ValidationError('The arrangements cannot be handed over to the therapist who is leaving.', [
      { path: 'to', message: 'Choose a colleague who stays.' },
    ]);
  const member = await deps.store.getMember(to);
  if (!member || member.practiceId !== admin.practiceId) throw new NotFoundError(NOT_IN_PRACTICE);
  if (member.status !== 'active')
    throw new ValidationError('That colleague is no longer active in the practice, so nothing can be handed to them.', [
      { path: 'to', message: 'Choose an active colleague.' },
    ]);
  const profile = await deps.store.getProfile(to);
  const colleague: Colleague = {
    id: to,
    name: profile?.displayName ?? member.name,
    email: profile?.email ?? member.email,
  };
  return colleague;
}

/** Read → decide → conditional write, again on a lost race; `decide` null: nothing to write. */
async function updateMember(
  deps: Deps,
  id: string,
  decide: (member: Member) => { member: Member; events: PracticeEvent[] } | null,
): Promise<Member> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await deps.store.getMember(id);
    if (!current) throw new NotFoundError(NOT_IN_PRACTICE);
    const decided = decide(current);
    if (!decided) return current;
    const written = { ...decided.member, version: current.version + 1 };
    if (await deps.store.putMember(written, current.version, decided.events)) return written;
  }
  throw new StateConflictError('The practice changed this therapist at the same moment. Please try again.');
}

/** What the timeline says of a plan: the colleague's id, or that each arrangement is closed. */
const planData = (plan: Pick<HandoverPlan, 'to'>): Record<string, string | boolean> =>
  plan.to ? { to: plan.to } : { closing: true };

function leaving(member: Member): Leaving {
  if (member.status !== 'leaving' || !member.handover)
    throw new StateConflictError('This therapist is not leaving the practice any more.');
  return { ...member, handover: member.handover };
}

/**
 * Marks the therapist as leaving (from now on every request of theirs is refused) with the plan,
 * or resumes the plan already there. A second request that names another colleague (or none)
 * changes the plan for whatever is still theirs; what was handed over stays where it went. Its
 * note, when it has one, replaces the plan's. Either way the practice's timeline says so.
 */
export async function startHandover(deps: Deps, admin: Therapist, leaverId: string, body: HandoverBody) {
  const at = deps.clock.now().toISOString();
  const member = await updateMember(deps, leaverId, (m) => {
    if (m.status === 'removed') throw new StateConflictError('This therapist has already been removed.');
    const event = (data: Record<string, string | boolean>): PracticeEvent[] => [
      { at, type: 'handover-started', by: admin.id, therapistId: leaverId, data },
    ];
    if (m.status === 'active' || !m.handover) {
      const plan: HandoverPlan = { to: body.to, note: body.note ?? null, startedAt: at };
      return { member: { ...m, status: 'leaving', handover: plan }, events: event(planData(plan)) };
    }
    const note = body.note === undefined ? m.handover.note : body.note;
    if (m.handover.to === body.to && m.handover.note === note) return null;
    const plan: HandoverPlan = { ...m.handover, to: body.to, note };
    return { member: { ...m, handover: plan }, events: event({ ...planData(plan), replanned: true }) };
  });
  return leaving(member);
}

/** Adds arrangements found open to those the plan covers (kept once found, wherever they go). */
export async function coverArrangements(deps: Deps, leaver: Leaving, found: string[]): Promise<Leaving> {
  const covered = leaver.handover.arrangements ?? [];
  if (found.every((id) => covered.includes(id))) return leaver;
  const member = await updateMember(deps, leaver.therapistId, (m) => {
    const plan = leaving(m).handover;
    const ids = plan.arrangements ?? [];
    const added = found.filter((id) => !ids.includes(id));
    if (added.length === 0) return null;
    return { member: { ...m, handover: { ...plan, arrangements: [...ids, ...added] } }, events: [] };
  });
  return leaving(member);
}

/** Nothing open is left: the practice's timeline says how it ended, once per time something was done. */
export async function finishHandover(
  deps: Deps,
  admin: Therapist,
  leaverId: string,
  counts: { handedOver: number; closed: number },
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await updateMember(deps, leaverId, (m) => {
    const plan = leaving(m).handover;
    const event: PracticeEvent = { at, type: 'handover-finished', by: admin.id, therapistId: leaverId, data: counts };
    return { member: { ...m, handover: { ...plan, finishedAt: at } }, events: [event] };
  });
}
