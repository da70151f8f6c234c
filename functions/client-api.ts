/** Client JSON routes. The link token in the path is the only credential. */
import { messageBody } from '../shared/domain/schemas.js';
import * as client from '../shared/use-cases/client-actions.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { awsDeps } from './aws-deps.js';
import { httpHandler, type Action } from './http/handler.js';
import { idempotencyKey, jsonBody, pathParam, type HttpEvent } from './http/request.js';
import { json, outcome } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

const token = (e: HttpEvent) => pathParam(e, 'token');

export const clientActions: Record<RouteKeyOf<'client-api'>, Action> = {
  'GET /client/{token}': async (e, deps) => json(200, await client.clientStatus(deps, token(e))),
  'POST /client/{token}/accept': async (e, deps) => json(200, await client.acceptPolicy(deps, token(e))),
  'POST /client/{token}/decline': async (e, deps) => json(200, await client.declinePolicy(deps, token(e))),
  'POST /client/{token}/opt-out': async (e, deps) => json(200, await client.optOut(deps, token(e))),
  'POST /client/{token}/skip-check-in': async (e, deps) => json(200, await client.skipCheckIn(deps, token(e))),
  'POST /client/{token}/undo-skip-check-in': async (e, deps) => json(200, await client.undoSkipCheckIn(deps, token(e))),
  'POST /client/{token}/updates': async (e, deps) => {
    const { text } = jsonBody(e, messageBody);
    const result = await client.submitUpdate(deps, token(e), text, idempotencyKey(e));
    return outcome(result.status, result.body);
  },
  'POST /client/{token}/check-in': async (e, deps) => {
    const result = await client.submitCheckIn(deps, token(e), jsonBody(e, messageBody).text);
    return outcome(result.status, result.body);
  },
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'client-api'>(clientActions, getDeps);
export const handler = makeHandler(() => awsDeps('client-api'));
