/**
 * A practice's therapists, as its admins manage them: the list (with how many open
 * arrangements each has), an invitation, a removal. The portal's routes and the operations
 * command (`npm run ops -- add-therapist`) invite through the same `inviteMember`.
 */
import { isOpen } from '../domain/arrangement-meta.js';
import { BusyError, NotFoundError, StateConflictError } from '../domain/errors.js';
import type { Role } from '../domain/practice.js';
import type { InviteTherapistBody } from '../domain/schemas.js';
import type { Member, PracticeEvent } from '../ports/store.js';
import { practiceRefusals } from '../wording/practice.js';
import type { Deps, Therapist } from './deps.js';
import { practiceFor } from './practice-settings.js';

/** A member record written over the version read: another write in between means reading again. */
const ATTEMPTS = 3;
const busy = () => new BusyError('Many changes arrived at once. Nothing was lost; please try again in a moment.');

/** A therapist as the practice's admins see them (their own work address included). */
export const memberView = (m: Member) => ({
  id: m.therapistId,
  name: m.name,
  email: m.email,
  role: m.role,
  status: m.status,
  since: m.since,
});

/**
 * The member record of a therapist of the admin's own practice (removed ones included); an id
 * of another practice, or of no one, is not found, so ids do not reveal other practices.
 */
export async function memberOfPractice(deps: Pick<Deps, 'store'>, admin: Therapist, id: string): Promise<Member> {
  const member = await deps.store.getMember(id);
  if (!member || member.practiceId !== admin.practiceId) throw new NotFoundError(practiceRefusals.notFound);
  return member;
}

/** Every therapist of the practice, with their open arrangements counted from one read of the practice's index. */
export async function listPracticeTherapists(deps: Deps, admin: Therapist) {
  const [members, arrangements] = await Promise.all([
    deps.store.listMembers(admin.practiceId),
    deps.store.listArrangements(admin.practiceId),
  ]);
  const open = new Map<string, number>();
  for (const a of arrangements) if (isOpen(a.state)) open.set(a.therapistId, (open.get(a.therapistId) ?? 0) + 1);
  return members
    .map((m) => ({ ...memberView(m), openArrangements: open.get(m.therapistId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function otherActiveAdmins(deps: Pick<Deps, 'store'>, practiceId: string, therapistId: string) {
  const members = await deps.store.listMembers(practiceId);
  return members.filter((m) => m.role === 'admin' && m.status === 'active' && m.therapistId !== therapistId).length;
}

export interface Invitation {
  practiceId: string;
  email: string;
  name: string;
  /** Left out: a new member is a therapist, and an existing one keeps their role. */
  role?: Role | undefined;
  /** The admin who invites, or `ops` for the operations command. */
  by: string;
}

/** The record an invitation leaves: new, or back after a removal (with a fresh `since`). */
function invitedMember(input: Invitation, therapistId: string, at: string, before: Member | null): Member {
  return {
    therapistId,
    practiceId: input.practiceId,
    email: input.email,
    name: input.name,
    role: input.role ?? 'therapist',
    status: 'active',
    since: at,
    handover: null,
    version: before ? before.version + 1 : 1,
  };
}

/**
 * Invite: the directory creates the sign-in account and sends the practice's invitation (AWS:
 * Cognito; locally they can sign in at once) → the member record, with `therapist-invited` on
 * the practice's timeline. A therapist removed earlier becomes active again; one already
 * active stays as they are (their role changes when the invitation names another); an address
 * of another practice, or of a therapist being handed over, is refused (409).
 */
export async function inviteMember(deps: Pick<Deps, 'store' | 'clock' | 'directory' | 'log'>, input: Invitation) {
  const practice = await practiceFor(deps, input.practiceId);
  const { outcome, therapistId } = await deps.directory.invite({
    email: input.email,
    name: input.name,
    admin: input.role === 'admin',
    practiceId: practice.id,
    practiceName: practice.name,
  });
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const before = await deps.store.getMember(therapistId);
    if (before && before.practiceId !== input.practiceId)
      throw new StateConflictError(practiceRefusals.inAnotherPractice);
    if (before?.status === 'leaving') throw new StateConflictError(practiceRefusals.leaving);
    const at = deps.clock.now().toISOString();
    let member: Member;
    let event: PracticeEvent;
    if (before?.status === 'active') {
      if (!input.role || input.role === before.role) return { member: before, invitation: outcome };
      if (input.role === 'therapist' && (await otherActiveAdmins(deps, input.practiceId, therapistId)) === 0)
        throw new StateConflictError(practiceRefusals.lastAdmin);
      member = { ...before, role: input.role, version: before.version + 1 };
      event = { at, type: 'role-changed', by: input.by, therapistId, data: { role: input.role } };
    } else {
      member = invitedMember(input, therapistId, at, before);
      event = { at, type: 'therapist-invited', by: input.by, therapistId, data: { role: member.role } };
    }
    if (await deps.store.putMember(member, before?.version ?? null, [event])) {
      deps.log.info(`practice.${event.type}`, { therapistId });
      return { member, invitation: outcome };
    }
  }
  throw busy();
}

/** POST /practice/therapists: 201 with the member and what the directory did. */
export async function inviteToPractice(deps: Deps, admin: Therapist, body: InviteTherapistBody) {
  const { member, invitation } = await inviteMember(deps, {
    practiceId: admin.practiceId,
    email: body.email,
    name: body.name,
    role: body.role,
    by: admin.id,
  });
  return { ...memberView(member), invitation };
}

/**
 * Remove: only a therapist with no open arrangement (hand them over first), and never the
 * practice's last admin by their own hand → status `removed` with `therapist-removed` on the
 * timeline (from this moment every request of theirs answers 403) → the directory ends their
 * sign-in. Removing again answers the same, and ends the sign-in again should that have failed.
 */
export async function removeFromPractice(deps: Deps, admin: Therapist, id: string) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const member = await memberOfPractice(deps, admin, id);
    if (member.status !== 'removed') {
      const open = (await deps.store.listPolicies(id)).filter((p) => isOpen(p.state)).length;
      if (open > 0) throw new StateConflictError(practiceRefusals.openArrangements(open));
      if (id === admin.id && (await otherActiveAdmins(deps, admin.practiceId, id)) === 0)
        throw new StateConflictError(practiceRefusals.lastAdmin);
      const at = deps.clock.now().toISOString();
      const removed: Member = { ...member, status: 'removed', version: member.version + 1 };
      const event = { at, type: 'therapist-removed', by: admin.id, therapistId: id };
      if (!(await deps.store.putMember(removed, member.version, [event]))) continue;
      deps.log.info('practice.therapist-removed', { therapistId: id });
    }
    await deps.directory.remove({ email: member.email });
    return { id, status: 'removed' as const };
  }
  throw busy();
}
