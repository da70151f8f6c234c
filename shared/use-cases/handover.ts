/** Handing a leaving therapist's arrangements to a colleague, or closing them kindly. (Being built.) */
import type { HandoverBody } from '../domain/schemas.js';
import type { Deps, Therapist } from './deps.js';

export const handOver = async (_deps: Deps, _admin: Therapist, _id: string, _body: HandoverBody): Promise<unknown> => {
  throw new Error('not built yet');
};
