/** Invoked on a schedule (EventBridge): runs everything that is due, then returns a summary. */
import { dispatch } from '../shared/use-cases/dispatch.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { awsDeps } from './aws-deps.js';

export const makeHandler = (getDeps: () => Deps) => async () => dispatch(getDeps());
export const handler = makeHandler(() => awsDeps('dispatcher'));
