/**
 * What a practice admin may know of an arrangement: whose it is, where it stands, its dates
 * and counts, and whether mail to the client is stopped. Never the client's name, address or
 * words, and nothing of the therapist's notes. The practice index stores exactly this, so an
 * admin's read cannot reach more even by mistake.
 */
import type { IsoDate } from './dates.js';
import { isTerminal, type CheckInStatus, type Policy, type PolicyState } from './policy.js';

export interface ArrangementMeta {
  policyId: string;
  therapistId: string;
  state: PolicyState;
  createdAt: string;
  endedOn: IsoDate;
  closesOn: IsoDate;
  closedAt: string | null;
  updates: { used: number; limit: number; until: IsoDate };
  checkIn: { on: IsoDate; status: CheckInStatus } | null;
  pausedUntil: IsoDate | null;
  /** A bounce or complaint stopped mail to the client's address. */
  clientEmailStopped: boolean;
}

export function arrangementMeta(policy: Policy): ArrangementMeta {
  return {
    policyId: policy.id,
    therapistId: policy.therapistId,
    state: policy.state,
    createdAt: policy.createdAt,
    endedOn: policy.rules.endedOn,
    closesOn: policy.rules.closesOn,
    closedAt: policy.closedAt,
    updates: {
      used: policy.updatesAccepted,
      limit: policy.rules.updates.limit,
      until: policy.rules.updates.until,
    },
    checkIn: policy.rules.checkIn ? { on: policy.rules.checkIn.on, status: policy.checkIn } : null,
    pausedUntil: policy.state === 'paused' ? (policy.pause?.until ?? null) : null,
    clientEmailStopped: policy.clientEmailSuppressed,
  };
}

/** Invited, active and paused arrangements are open: a leaving therapist's must each be handed over or closed. */
export const isOpen = (state: PolicyState) => !isTerminal(state);
