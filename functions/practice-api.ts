/**
 * A practice admin's routes: parse → one use case → response. Every action checks, on this
 * request, that the caller is an active admin; ids of another practice are simply not found.
 */
import { handoverBody, inviteTherapistBody, practiceBody, therapistId } from '../shared/domain/schemas.js';
import { NotFoundError } from '../shared/domain/errors.js';
import type { Deps, Therapist } from '../shared/use-cases/deps.js';
import { requireAdmin } from '../shared/use-cases/membership.js';
import {
  getPracticeSettings,
  inviteToPractice,
  listPracticeArrangements,
  listPracticeTherapists,
  removeFromPractice,
  updatePracticeSettings,
} from '../shared/use-cases/practice.js';
import { handOver } from '../shared/use-cases/handover.js';
import { awsDeps } from './aws-deps.js';
import { cognitoDirectory } from './directory-deps.js';
import { httpHandler, therapistFrom, type Action } from './http/handler.js';
import { jsonBody, pathParam, type HttpEvent } from './http/request.js';
import { json, type Result } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

/** A therapist id from the path; anything malformed is simply not found. */
const id = (e: HttpEvent) => {
  const value = pathParam(e, 'id');
  if (!therapistId.safeParse(value).success) throw new NotFoundError('No therapist with that id in your practice.');
  return value;
};

const admin =
  (run: (e: HttpEvent, deps: Deps, a: Therapist) => Promise<Result>): Action =>
  async (e, deps) =>
    run(e, deps, requireAdmin(await therapistFrom(e, deps)));

export const practiceActions: Record<RouteKeyOf<'practice-api'>, Action> = {
  'GET /practice': admin(async (_e, deps, a) => json(200, await getPracticeSettings(deps, a))),
  'PUT /practice': admin(async (e, deps, a) =>
    json(200, await updatePracticeSettings(deps, a, jsonBody(e, practiceBody))),
  ),
  'GET /practice/therapists': admin(async (_e, deps, a) =>
    json(200, { therapists: await listPracticeTherapists(deps, a) }),
  ),
  'POST /practice/therapists': admin(async (e, deps, a) =>
    json(201, await inviteToPractice(deps, a, jsonBody(e, inviteTherapistBody))),
  ),
  'DELETE /practice/therapists/{id}': admin(async (e, deps, a) => json(200, await removeFromPractice(deps, a, id(e)))),
  'POST /practice/therapists/{id}/handover': admin(async (e, deps, a) =>
    json(200, await handOver(deps, a, id(e), jsonBody(e, handoverBody))),
  ),
  'GET /practice/arrangements': admin(async (_e, deps, a) =>
    json(200, { arrangements: await listPracticeArrangements(deps, a) }),
  ),
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'practice-api'>(practiceActions, getDeps);
// Inviting and removing therapists changes their accounts in the user pool.
export const handler = makeHandler(() => awsDeps('practice-api', { directory: cognitoDirectory }));
