/**
 * Changing an arrangement's rules. The change is re-validated as a whole and re-planned; once
 * the client has accepted, they get one email saying exactly what changed, and a change that
 * takes back something promised needs the therapist's confirmReduce. Before acceptance, a
 * mistyped client address can be corrected: the invitation goes to the new address and links
 * sent to the old one stop working. The preview says all of this before anything is saved.
 */
import { todayIn } from '../domain/dates.js';
import { RefusalError, StateConflictError, ValidationError } from '../domain/errors.js';
import { defaultClosesOn, type Policy, type PolicyRules } from '../domain/policy.js';
import { reducesPromise, ruleChanges, type RuleChange } from '../domain/rule-changes.js';
import type { PatchPolicyBody } from '../domain/schemas.js';
import { changeRefusals, reductionDetail } from '../wording/therapist-answers.js';
import { describeChange } from '../wording/client.js';
import type { MailJob, PolicyChange } from '../ports/store.js';
import type { PracticeBounds } from '../domain/practice.js';
import { breachesAdded } from '../domain/practice-bounds.js';
import { OutsideBoundsError, previewRefusal, refuseBeyondBounds } from './bounds-refusal.js';
import { practiceFor } from './practice-settings.js';
import type { Deps, Therapist } from './deps.js';
import { replan } from './lifecycle.js';
import { mail } from './mail.js';
import { next } from './mutate.js';
import { act, checkedRules, owned, refuseState } from './therapist-policies.js';

/** The rules as PATCH leaves them: what it names replaced, the rest kept, every date re-checked. */
function patchedRules(policy: Policy, body: PatchPolicyBody, at: string): PolicyRules {
  const r = policy.rules;
  const current = r.checkIn && {
    on: r.checkIn.on,
    format: r.checkIn.format,
    note: r.checkIn.note,
    remindDaysBefore: r.checkIn.remindDaysBefore,
  };
  const given = body.checkIn;
  const movesWithRules = r.closesOn === defaultClosesOn(r.updates.until, r.checkIn);
  const checkIn =
    given === null
      ? null
      : given === undefined
        ? current
        : {
            // afterMonths counts from the end of therapy again, replacing the old date.
            on: given.afterMonths === undefined ? (given.on ?? current?.on) : undefined,
            afterMonths: given.afterMonths,
            format: given.format ?? current?.format,
            note: given.note !== undefined ? given.note : current?.note,
            remindDaysBefore: given.remindDaysBefore ?? current?.remindDaysBefore,
          };
  const rules = checkedRules(
    {
      endedOn: r.endedOn,
      timeZone: r.timeZone,
      updates: { ...r.updates, ...body.updates },
      checkIn,
      replies: body.replies ?? r.replies,
      // A changed window or check-in moves a default closing date with it; a date the therapist chose stays.
      closesOn:
        body.closesOn ??
        (movesWithRules && (body.updates?.until || body.checkIn !== undefined) ? undefined : r.closesOn),
      referrals: body.referrals ?? r.referrals,
      crisisLocale: body.crisisLocale ?? r.crisisLocale,
      // Left out keeps a note; null (or a blank one) takes it away.
      invitationNote: body.invitationNote === undefined ? r.invitationNote : body.invitationNote,
      closingNote: body.closingNote === undefined ? r.closingNote : body.closingNote,
    },
    todayIn(r.timeZone, new Date(at)),
  );
  if (rules.updates.limit < policy.updatesAccepted) {
    throw new ValidationError(
      `The client has already sent ${policy.updatesAccepted} updates; the limit cannot be lower than that.`,
      [{ path: 'updates.limit', message: 'Lower than the updates already received.' }],
    );
  }
  return rules;
}

export interface DecidedPatch {
  change: PolicyChange;
  /** What the client will be told (empty before they accepted: they read the rules when they do). */
  told: string[];
  reductions: RuleChange[];
}

/** A corrected address: a fresh invitation there, and every link sent to the old one stops. */
function correctedAddress(policy: Policy, email: string | undefined): Partial<Policy> | null {
  if (email === undefined || email === policy.client.email) return null;
  if (policy.state !== 'invited') throw new StateConflictError(changeRefusals.emailOnlyWhileInvited);
  return {
    linkGeneration: policy.linkGeneration + 1,
    clientAddressGeneration: policy.clientAddressGeneration + 1,
    // The old address may have bounced; the new one has not.
    clientEmailSuppressed: false,
  };
}

/**
 * Pure but for validation errors and refusals: what a PATCH would write, tell and take back.
 * A change may not go further beyond a bound of the practice than the arrangement already was.
 */
export function decidePatch(policy: Policy, body: PatchPolicyBody, at: string, bounds: PracticeBounds): DecidedPatch {
  if (policy.state === 'closed' || policy.state === 'declined') refuseState(policy, 'changed');
  const rules = patchedRules(policy, body, at);
  refuseBeyondBounds(breachesAdded(policy.rules, rules, bounds));
  const address = correctedAddress(policy, body.client?.email);
  const updated = next(policy, {
    rules,
    client: { name: body.client?.name ?? policy.client.name, email: body.client?.email ?? policy.client.email },
    checkIn: rules.checkIn ? (policy.checkIn === 'none' ? 'pending' : policy.checkIn) : 'none',
    ...address,
  });
  const changes = ruleChanges(policy.rules, rules);
  const accepted = policy.state === 'active' || policy.state === 'paused';
  const told = accepted ? changes.flatMap((c) => describeChange(c, policy.therapist.name)) : [];
  const mails: MailJob[] = [];
  if (told.length > 0) mails.push(mail('rules-changed', { changes: told.join('\n') }));
  if (address) mails.push(mail('invitation', {}));
  const events = [
    { at, type: 'rules-changed', data: { changed: changes.map((c) => c.what).join(',') || 'none' } },
    ...(address ? [{ at, type: 'client-address-corrected' }] : []),
  ];
  const change: PolicyChange = {
    at,
    policy: updated,
    expectedVersion: policy.version,
    events,
    ...(mails.length > 0 ? { mails } : {}),
    ...replan(policy, updated, at),
  };
  return { change, told, reductions: accepted ? changes.filter(reducesPromise) : [] };
}

function reducesPromiseRefusal(reductions: RuleChange[]): RefusalError {
  const items = reductions.map((c) => ({ what: c.what, detail: reductionDetail(c) }));
  return new RefusalError('reduces-promise', changeRefusals.reducesPromise(items.map((i) => i.detail)), {
    reductions: items,
  });
}

/**
 * PATCH /policies/{id}: refused (409 reduces-promise) when it takes something back without
 * confirmReduce, and (409 outside-practice-bounds) when it goes beyond a bound of the practice.
 */
export async function patchPolicy(deps: Deps, therapist: Therapist, policyId: string, body: PatchPolicyBody) {
  const { bounds } = await practiceFor(deps, therapist.practiceId);
  return act(deps, therapist, policyId, (policy, at) => {
    const decided = decidePatch(policy, body, at, bounds);
    if (decided.reductions.length > 0 && body.confirmReduce !== true) throw reducesPromiseRefusal(decided.reductions);
    return decided.change;
  });
}

/**
 * What a PATCH would do, before it is saved: the sentences the client would be sent, what it
 * takes back (needing confirmation), and the email itself rendered by the real template.
 */
export async function previewChange(deps: Deps, therapist: Therapist, policyId: string, body: PatchPolicyBody) {
  const [{ policy }, { bounds }] = await Promise.all([
    owned(deps, therapist, policyId),
    practiceFor(deps, therapist.practiceId),
  ]);
  let decided: DecidedPatch;
  try {
    decided = decidePatch(policy, body, deps.clock.now().toISOString(), bounds);
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false as const, errors: err.issues };
    if (err instanceof OutsideBoundsError) return previewRefusal(err);
    throw err;
  }
  const { renderEmail } = await import('../emails/render.js');
  const updated = decided.change.policy;
  const sent = decided.change.mails?.[0];
  const base = deps.config.publicBaseUrl;
  const email = sent
    ? renderEmail(sent.template, {
        policy: updated,
        data: sent.data,
        today: todayIn(updated.rules.timeZone, deps.clock.now()),
        links: { page: `${base}/c/(private link)`, stop: `${base}/c/(private link)/stop` },
        portalUrl: `${base}/portal`,
      })
    : null;
  return {
    ok: true as const,
    told: decided.told,
    reductions: decided.reductions.map((c) => ({ what: c.what, detail: reductionDetail(c) })),
    needsConfirm: decided.reductions.length > 0,
    email: email ? { subject: email.subject, text: email.text } : null,
  };
}
