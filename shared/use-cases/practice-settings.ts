/** A practice's settings as every use case reads them: the saved ones, or the product's own until an admin saves some. */
import { unsetPractice, type Practice } from '../domain/practice.js';
import type { Deps } from './deps.js';

/** What a practice is called before its admin names it. */
export const UNNAMED_PRACTICE = 'Your practice';

export async function practiceFor(deps: Pick<Deps, 'store'>, practiceId: string): Promise<Practice> {
  return (await deps.store.getPractice(practiceId)) ?? unsetPractice(practiceId, UNNAMED_PRACTICE);
}
