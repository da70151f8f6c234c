/** The printable record of an arrangement. (Being built.) */
import type { Deps, Therapist } from './deps.js';

export const printableRecord = async (_deps: Deps, _t: Therapist, _id: string): Promise<string> => {
  throw new Error('not built yet');
};
