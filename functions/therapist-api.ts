/** Therapist routes: parse → one use case → response. Identity comes from the verified JWT. */
import {
  createPolicyBody,
  patchPolicyBody,
  pauseBody,
  policyId,
  profileBody,
  replyBody,
} from '../shared/domain/schemas.js';
import { NotFoundError } from '../shared/domain/errors.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { profileFor, updateProfile } from '../shared/use-cases/profile.js';
import { replyToMessage } from '../shared/use-cases/replies.js';
import { patchPolicy, previewChange } from '../shared/use-cases/change-rules.js';
import {
  closePolicy,
  createPolicy,
  exportPolicy,
  getPolicy,
  listPolicies,
  pausePolicy,
  previewPolicy,
  reissueLink,
  resumePolicy,
} from '../shared/use-cases/therapist-policies.js';
import { awsDeps } from './aws-deps.js';
import { httpHandler, therapistFrom, type Action } from './http/handler.js';
import { idempotencyKey, jsonBody, pathParam, type HttpEvent } from './http/request.js';
import { json, outcome } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

/** Policy ids are UUIDs; anything else is simply not found (and never reaches the database). */
const id = (e: HttpEvent) => {
  const value = pathParam(e, 'id');
  if (!policyId.safeParse(value).success) throw new NotFoundError('No policy with that id.');
  return value;
};
const onPolicy =
  (run: (deps: Deps, t: ReturnType<typeof therapistFrom>, id: string) => Promise<unknown>): Action =>
  async (e, deps) =>
    json(200, await run(deps, therapistFrom(e), id(e)));

export const therapistActions: Record<RouteKeyOf<'therapist-api'>, Action> = {
  'POST /policies': async (e, deps) =>
    json(201, await createPolicy(deps, therapistFrom(e), jsonBody(e, createPolicyBody))),
  'POST /policies/preview': async (e, deps) =>
    json(200, await previewPolicy(deps, therapistFrom(e), jsonBody(e, createPolicyBody))),
  'GET /policies': async (e, deps) => json(200, { policies: await listPolicies(deps, therapistFrom(e)) }),
  'GET /policies/{id}': onPolicy(getPolicy),
  'PATCH /policies/{id}': async (e, deps) =>
    json(200, await patchPolicy(deps, therapistFrom(e), id(e), jsonBody(e, patchPolicyBody))),
  'POST /policies/{id}/preview-change': async (e, deps) =>
    json(200, await previewChange(deps, therapistFrom(e), id(e), jsonBody(e, patchPolicyBody))),
  'POST /policies/{id}/pause': async (e, deps) =>
    json(200, await pausePolicy(deps, therapistFrom(e), id(e), jsonBody(e, pauseBody))),
  'POST /policies/{id}/resume': onPolicy(resumePolicy),
  'POST /policies/{id}/close': onPolicy(closePolicy),
  'POST /policies/{id}/reissue-link': onPolicy(reissueLink),
  'GET /policies/{id}/export': async (e, deps) =>
    json(200, await exportPolicy(deps, therapistFrom(e), id(e)), {
      'content-disposition': `attachment; filename="policy-${id(e)}.json"`,
    }),
  'POST /policies/{id}/replies': async (e, deps) => {
    const result = await replyToMessage(deps, therapistFrom(e), id(e), jsonBody(e, replyBody), idempotencyKey(e));
    return outcome(result.status, result.body);
  },
  'GET /profile': async (e, deps) => json(200, await profileFor(deps, therapistFrom(e))),
  'PUT /profile': async (e, deps) => json(200, await updateProfile(deps, therapistFrom(e), jsonBody(e, profileBody))),
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'therapist-api'>(therapistActions, getDeps);
export const handler = makeHandler(() => awsDeps('therapist-api'));
