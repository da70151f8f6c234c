/**
 * What a signed-in therapist does with their policies. Every function takes the verified
 * therapist and answers 404 for a policy that is not theirs (existence is not revealed).
 */
import { NotFoundError, StateConflictError, ValidationError } from '../domain/errors.js';
import {
  newPolicy,
  resolveRules,
  validateRules,
  type Policy,
  type PolicyRules,
  type RulesInput,
} from '../domain/policy.js';
import type { CreatePolicyBody, PauseBody } from '../domain/schemas.js';
import { mail } from './mail.js';
import type { Deps, Therapist } from './deps.js';
import { closeChange, pauseChange, replan, resumeChange, transition } from './lifecycle.js';
import { afterCommit, mutatePolicy, today } from './mutate.js';
import { profileFor } from './profile.js';
import { practiceFor } from './practice-settings.js';
import { boundBreaches, type Practice } from '../domain/practice.js';
import { OutsideBoundsError, previewRefusal, refuseBeyondBounds } from './bounds-refusal.js';
import { startingRules } from './starting-rules.js';
import { clientView, policyDetailView, policyView } from './views.js';
import type { TherapistProfile } from '../ports/store.js';
import { addDays, formatDate, todayIn, type IsoDate } from '../domain/dates.js';

export function checkedRules(input: RulesInput, today: IsoDate): PolicyRules {
  const rules = resolveRules(input);
  const problems = validateRules(rules);
  // An arrangement must still have a future: one whose closing date has passed would invite
  // the client to something already over.
  if (rules.closesOn < today) {
    problems.push({
      path: 'closesOn',
      message: `With these dates the arrangement would already have ended on ${formatDate(rules.closesOn)}. Choose a later end of therapy or a closing date from today on.`,
    });
  }
  if (rules.endedOn > addDays(today, 366))
    problems.push({ path: 'endedOn', message: 'The end of therapy can be at most a year ahead.' });
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join(' '), problems);
  return rules;
}

/**
 * A policy as it would be created: the request over the therapist's usual rules over the
 * practice's defaults (starting-rules.ts), every date resolved, and within the practice's bounds
 * (409 outside-practice-bounds otherwise).
 */
function draftPolicy(
  deps: Deps,
  therapist: Therapist,
  profile: TherapistProfile,
  practice: Practice,
  body: CreatePolicyBody,
  at: string,
): Policy {
  const zone = body.timeZone ?? profile.timeZone;
  const rules = checkedRules(startingRules(body, profile, practice, zone), todayIn(zone, new Date(at)));
  refuseBeyondBounds(boundBreaches(rules, practice.bounds));
  return newPolicy({
    id: deps.ids.policyId(),
    practiceId: therapist.practiceId,
    retentionDays: practice.retentionDays,
    therapistId: therapist.id,
    therapist: { name: profile.displayName, email: profile.email },
    client: body.client,
    rules,
    createdAt: at,
  });
}

/**
 * Create: resolve defaults → validate dates → keep to the practice's bounds → write policy, closing job and the two
 * first emails (client invitation, therapist confirmation) in one transaction → send.
 */
export async function createPolicy(deps: Deps, therapist: Therapist, body: CreatePolicyBody) {
  const [profile, practice] = await Promise.all([profileFor(deps, therapist), practiceFor(deps, therapist.practiceId)]);
  const at = deps.clock.now().toISOString();
  const policy = draftPolicy(deps, therapist, profile, practice, body, at);
  const change = {
    at,
    policy,
    expectedVersion: null,
    events: [{ at, type: 'invited' }],
    mails: [mail('invitation', {}), mail('policy-created', {})],
    ...replan(policy, policy, at),
  };
  await afterCommit(deps, change, await deps.store.commit(change));
  deps.log.info('policy.created', { policyId: policy.id, therapistId: therapist.id });
  return policyView(policy, todayIn(policy.rules.timeZone, deps.clock.now()), change.schedule);
}

/**
 * Preview: exactly what the client would be told, before anything is saved: the resolved
 * rules in plain words and the invitation email rendered by the real template.
 */
export async function previewPolicy(deps: Deps, therapist: Therapist, body: CreatePolicyBody) {
  const [profile, practice] = await Promise.all([profileFor(deps, therapist), practiceFor(deps, therapist.practiceId)]);
  let policy: Policy;
  try {
    policy = draftPolicy(deps, therapist, profile, practice, body, deps.clock.now().toISOString());
  } catch (err) {
    // Dates that do not fit together are an answer of the preview ("this would be refused,
    // because…"), not a failed request: the form shows them beside the fields, and the rules
    // are checked in one place only, here on the server.
    if (err instanceof ValidationError) return { ok: false as const, errors: err.issues };
    // Beyond a bound of the practice: the same facts as the 409 a create would answer.
    if (err instanceof OutsideBoundsError) return previewRefusal(err);
    throw err;
  }
  const todayDate = todayIn(policy.rules.timeZone, deps.clock.now());
  const { renderEmail } = await import('../emails/render.js');
  const invitation = renderEmail('invitation', {
    policy,
    data: {},
    today: todayDate,
    // Real links are minted only when the email is sent; the preview shows where they go.
    links: {
      page: `${deps.config.publicBaseUrl}/c/(private link)`,
      stop: `${deps.config.publicBaseUrl}/c/(private link)/stop`,
    },
    portalUrl: `${deps.config.publicBaseUrl}/portal`,
  });
  return {
    ok: true as const,
    rules: policy.rules,
    summary: clientView(policy, todayDate).summary.rules,
    invitation: { subject: invitation.subject, text: invitation.text },
  };
}

export async function listPolicies(deps: Deps, therapist: Therapist) {
  const policies = await deps.store.listPolicies(therapist.id);
  return policies.map((p) => policyView(p, today(deps, p)));
}

export async function owned(deps: Deps, therapist: Therapist, policyId: string) {
  const detail = await deps.store.getPolicyDetail(policyId);
  if (!detail || detail.policy.therapistId !== therapist.id) throw new NotFoundError('No policy with that id.');
  return detail;
}

export async function getPolicy(deps: Deps, therapist: Therapist, policyId: string) {
  const detail = await owned(deps, therapist, policyId);
  return policyDetailView(detail, today(deps, detail.policy));
}

/** Read → check ownership → change → view: the shape of every therapist action. */
export async function act(
  deps: Deps,
  therapist: Therapist,
  policyId: string,
  decide: (policy: Policy, at: string) => ReturnType<typeof closeChange> | null,
) {
  await mutatePolicy(deps, policyId, (policy) => {
    if (policy.therapistId !== therapist.id) throw new NotFoundError('No policy with that id.');
    return { change: decide(policy, deps.clock.now().toISOString()), result: undefined };
  });
  return getPolicy(deps, therapist, policyId);
}

export function refuseState(policy: Policy, action: string): never {
  throw new StateConflictError(`This policy is ${policy.state}, so it cannot be ${action}.`);
}

/** Pausing holds everything (nothing is dropped); the client is told, and a pause with `until` ends by itself. */
export function pausePolicy(deps: Deps, therapist: Therapist, policyId: string, body: PauseBody = {}) {
  return act(deps, therapist, policyId, (policy, at) => {
    if (policy.state === 'paused') return null;
    if (policy.state !== 'active') refuseState(policy, 'paused');
    const until = body.until ?? null;
    const todayDate = todayIn(policy.rules.timeZone, new Date(at));
    // Ending on the closing day would open it only to close it the same morning.
    if (until !== null && (until <= todayDate || until >= policy.rules.closesOn)) {
      throw new ValidationError(
        `A pause can end from tomorrow until the day before the arrangement closes on ${formatDate(policy.rules.closesOn)}.`,
        [{ path: 'until', message: 'Choose a day after today and before the closing date.' }],
      );
    }
    return pauseChange(policy, { until, note: body.note ? body.note : null }, at);
  });
}

export function resumePolicy(deps: Deps, therapist: Therapist, policyId: string) {
  return act(deps, therapist, policyId, (policy, at) => {
    if (policy.state === 'active') return null;
    if (policy.state !== 'paused') refuseState(policy, 'resumed');
    return resumeChange(policy, at, 'therapist');
  });
}

export function closePolicy(deps: Deps, therapist: Therapist, policyId: string) {
  return act(deps, therapist, policyId, (policy, at) => {
    if (policy.state === 'closed' || policy.state === 'declined') return null;
    return closeChange(policy, 'therapist', at);
  });
}

/** Revokes every link sent so far and sends the client a fresh one (the therapist never sees it). */
export function reissueLink(deps: Deps, therapist: Therapist, policyId: string) {
  return act(deps, therapist, policyId, (policy, at) => {
    if (policy.state === 'closed' || policy.state === 'declined') refuseState(policy, 'given a new link');
    const template = policy.state === 'invited' ? 'invitation' : 'new-link';
    return transition(
      policy,
      { linkGeneration: policy.linkGeneration + 1 },
      at,
      { type: 'link-reissued' },
      [mail(template, {})],
      { replan: false },
    );
  });
}

/** Everything stored about one policy, for the therapist to keep before retention deletes it. */
export async function exportPolicy(deps: Deps, therapist: Therapist, policyId: string) {
  const detail = await owned(deps, therapist, policyId);
  return { exportedAt: deps.clock.now().toISOString(), ...policyDetailView(detail, today(deps, detail.policy)) };
}
