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
import type { Deps, Therapist } from '../shared/use-cases/deps.js';
import { profileAnswer, profileFor, updateProfile } from '../shared/use-cases/profile.js';
import { replyToMessage } from '../shared/use-cases/replies.js';
import { printableRecord } from '../shared/use-cases/record.js';
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
import { html, json, outcome, type Result } from './http/respond.js';
import { RECORD_CSP, renderRecordPage } from './pages/record-page.js';
import type { RouteKeyOf } from './http/routes.js';

/** Policy ids are UUIDs; anything else is simply not found (and never reaches the database). */
const id = (e: HttpEvent) => {
  const value = pathParam(e, 'id');
  if (!policyId.safeParse(value).success) throw new NotFoundError('No policy with that id.');
  return value;
};
/** An action of a signed-in therapist whose membership this request checked (membership.ts). */
const signed =
  (run: (e: HttpEvent, deps: Deps, t: Therapist) => Promise<Result>): Action =>
  async (e, deps) =>
    run(e, deps, await therapistFrom(e, deps));
const onPolicy = (run: (deps: Deps, t: Therapist, id: string) => Promise<unknown>): Action =>
  signed(async (e, deps, t) => json(200, await run(deps, t, id(e))));

export const therapistActions: Record<RouteKeyOf<'therapist-api'>, Action> = {
  'POST /policies': signed(async (e, deps, t) => json(201, await createPolicy(deps, t, jsonBody(e, createPolicyBody)))),
  'POST /policies/preview': signed(async (e, deps, t) =>
    json(200, await previewPolicy(deps, t, jsonBody(e, createPolicyBody))),
  ),
  'GET /policies': signed(async (_e, deps, t) => json(200, { policies: await listPolicies(deps, t) })),
  'GET /policies/{id}': onPolicy(getPolicy),
  'PATCH /policies/{id}': signed(async (e, deps, t) =>
    json(200, await patchPolicy(deps, t, id(e), jsonBody(e, patchPolicyBody))),
  ),
  'POST /policies/{id}/preview-change': signed(async (e, deps, t) =>
    json(200, await previewChange(deps, t, id(e), jsonBody(e, patchPolicyBody))),
  ),
  'POST /policies/{id}/pause': signed(async (e, deps, t) =>
    json(200, await pausePolicy(deps, t, id(e), jsonBody(e, pauseBody))),
  ),
  'POST /policies/{id}/resume': onPolicy(resumePolicy),
  'POST /policies/{id}/close': onPolicy(closePolicy),
  'POST /policies/{id}/reissue-link': onPolicy(reissueLink),
  'GET /policies/{id}/export': signed(async (e, deps, t) =>
    json(200, await exportPolicy(deps, t, id(e)), {
      'content-disposition': `attachment; filename="policy-${id(e)}.json"`,
    }),
  ),
  'POST /policies/{id}/replies': signed(async (e, deps, t) => {
    const result = await replyToMessage(deps, t, id(e), jsonBody(e, replyBody), idempotencyKey(e));
    return outcome(result.status, result.body);
  }),
  'GET /policies/{id}/record': signed(async (e, deps, t) =>
    html(200, renderRecordPage(await printableRecord(deps, t, id(e))), { 'content-security-policy': RECORD_CSP }),
  ),
  'GET /profile': signed(async (_e, deps, t) => json(200, await profileAnswer(deps, t, await profileFor(deps, t)))),
  'PUT /profile': signed(async (e, deps, t) =>
    json(200, await profileAnswer(deps, t, await updateProfile(deps, t, jsonBody(e, profileBody)))),
  ),
};

export const makeHandler = (getDeps: () => Deps) => httpHandler<'therapist-api'>(therapistActions, getDeps);
export const handler = makeHandler(() => awsDeps('therapist-api'));
