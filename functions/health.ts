/**
 * GET /health: answers without touching the database, so it measures the function, not its
 * dependencies. It needs only a logger, so its bundle carries no AWS SDK.
 */
import { jsonLogger } from '../shared/adapters/system/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { httpHandler, type Action } from './http/handler.js';
import { json } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

type HealthDeps = Pick<Deps, 'log'>;

export const healthActions: Record<RouteKeyOf<'health'>, Action<HealthDeps>> = {
  'GET /health': async () => json(200, { status: 'ok' }),
};

export const makeHandler = (getDeps: () => HealthDeps) => httpHandler<'health', HealthDeps>(healthActions, getDeps);
const deps: HealthDeps = { log: jsonLogger() };
export const handler = makeHandler(() => deps);
