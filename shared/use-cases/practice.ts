/** A practice admin's settings, therapists and arrangements. (Being built: see the practices work.) */
import type { InviteTherapistBody, PracticeBody } from '../domain/schemas.js';
import type { Deps, Therapist } from './deps.js';

const notYet = (): never => {
  throw new Error('not built yet');
};

export const getPracticeSettings = async (_deps: Deps, _admin: Therapist): Promise<unknown> => notYet();
export const updatePracticeSettings = async (_deps: Deps, _admin: Therapist, _body: PracticeBody): Promise<unknown> =>
  notYet();
export const listPracticeTherapists = async (_deps: Deps, _admin: Therapist): Promise<unknown[]> => notYet();
export const inviteToPractice = async (_deps: Deps, _admin: Therapist, _body: InviteTherapistBody): Promise<unknown> =>
  notYet();
export const removeFromPractice = async (_deps: Deps, _admin: Therapist, _id: string): Promise<unknown> => notYet();
export const listPracticeArrangements = async (_deps: Deps, _admin: Therapist): Promise<unknown[]> => notYet();
