/** Invoked on a schedule (EventBridge): runs what is due within its time limit, then returns a summary. */
import type { Context } from 'aws-lambda';
import { dispatch } from '../shared/use-cases/dispatch.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { awsDeps } from './aws-deps.js';

export const makeHandler =
  (getDeps: () => Deps) => async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) =>
    dispatch(getDeps(), context ? { remainingMs: () => context.getRemainingTimeInMillis() } : {});
export const handler = makeHandler(() => awsDeps('dispatcher'));
