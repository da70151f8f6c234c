/**
 * Who may do what: every therapist request is checked against the member record, read fresh
 * (consistently) each time, so a therapist who is leaving loses access the moment an admin
 * starts their handover, whatever their token still says.
 */
import { ForbiddenError } from '../domain/errors.js';
import { DEFAULT_PRACTICE_ID } from '../domain/practice.js';
import type { Member } from '../ports/store.js';
import type { Deps, SignedIn, Therapist } from './deps.js';

const ACCESS_ENDED =
  'Your access to Afterword through this practice has ended. If you think this is a mistake, please ask your practice admin.';

export const asTherapist = (member: Member, who: Pick<SignedIn, 'email'>): Therapist => ({
  id: member.therapistId,
  // The address always follows the identity provider.
  email: who.email,
  name: member.name,
  practiceId: member.practiceId,
  role: member.role,
});

/**
 * The therapist behind a verified token, as their practice knows them. The first time the
 * service sees someone (invited before practices existed, or signing in locally), they join the
 * practice the token names (or the default one) with the role it says, and the practice's
 * timeline records it.
 */
export async function memberFor(deps: Deps, who: SignedIn): Promise<Therapist> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stored = await deps.store.getMember(who.id);
    if (stored) {
      if (stored.status !== 'active') throw new ForbiddenError(ACCESS_ENDED);
      return asTherapist(stored, who);
    }
    const at = deps.clock.now().toISOString();
    const member: Member = {
      therapistId: who.id,
      practiceId: who.practiceHint ?? DEFAULT_PRACTICE_ID,
      email: who.email,
      name: who.name,
      role: who.adminHint ? 'admin' : 'therapist',
      status: 'active',
      since: at,
      version: 1,
    };
    const event = { at, type: 'therapist-joined', by: who.id, therapistId: who.id, data: { role: member.role } };
    // Two first requests at once: one writes, the other reads what it wrote.
    if (await deps.store.putMember(member, null, [event])) return asTherapist(member, who);
  }
  throw new ForbiddenError(ACCESS_ENDED);
}

/** The practice's own pages and actions are for its admins. */
export function requireAdmin(therapist: Therapist): Therapist {
  if (therapist.role !== 'admin') throw new ForbiddenError('Only a practice admin can see and change this.');
  return therapist;
}

/**
 * Local sign-in stands in for the identity provider, group membership included: signing in
 * with a role sets it. Someone whose access has ended cannot sign back in, and an address
 * already in one practice cannot sign in to another.
 */
export async function applyLocalSignIn(deps: Deps, who: SignedIn): Promise<Therapist> {
  const stored = await deps.store.getMember(who.id);
  if (!stored) return memberFor(deps, who);
  if (stored.status !== 'active') throw new ForbiddenError(ACCESS_ENDED);
  const practiceId = who.practiceHint ?? DEFAULT_PRACTICE_ID;
  if (stored.practiceId !== practiceId)
    throw new ForbiddenError(`This address already belongs to the practice "${stored.practiceId}".`);
  const role = who.adminHint ? 'admin' : 'therapist';
  if (stored.role === role) return asTherapist(stored, who);
  const at = deps.clock.now().toISOString();
  const changed: Member = { ...stored, role, version: stored.version + 1 };
  const event = { at, type: 'role-changed', by: who.id, therapistId: who.id, data: { role } };
  if (!(await deps.store.putMember(changed, stored.version, [event]))) return applyLocalSignIn(deps, who);
  return asTherapist(changed, who);
}
