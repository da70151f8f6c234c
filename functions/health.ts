/** GET /health: answers without touching the database, so it measures the function, not its dependencies. */
import type { Deps } from '../shared/use-cases/deps.js';
import { awsDeps } from './aws-deps.js';
import { httpHandler, type Action } from './http/handler.js';
import { json } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

export const healthActions: Record<RouteKeyOf<'health'>, Action> = {
  'GET /health': async () => json(200, { status: 'ok' }),
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'health'>(healthActions, getDeps);
export const handler = makeHandler(awsDeps);
