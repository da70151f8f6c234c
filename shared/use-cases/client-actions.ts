/**
 * What a former client does through their private link. The link is the only credential:
 * it is hashed, looked up, and must be a page link of the policy's current link generation;
 * stopping all emails also takes any stop link ever sent (client-links.ts).
 */
import { decideCheckIn, decideUpdate } from '../domain/enforcement.js';
import { todayIn, type IsoDate } from '../domain/dates.js';
import { RefusalError } from '../domain/errors.js';
import { canChangeCheckIn, type Policy } from '../domain/policy.js';
import type { StoredOutcome } from '../ports/store.js';
import { openLink } from './client-links.js';
import { idempotent, recordRefusal } from './idempotent.js';
import { ARRANGEMENT_ENDED, CHECK_IN_HAS_PASSED } from '../wording/client.js';
import { mail } from './mail.js';
import type { Deps } from './deps.js';
import { closeChange, replan, transition } from './lifecycle.js';
import { mutatePolicy, next, today, type Decided } from './mutate.js';
import { acceptedUpdate, refusalOutcome, refusedByEmail } from './update-changes.js';
import { choiceReader, toldOfCheckIn } from './tell-therapist.js';
import { clientRecordView, clientView } from './views.js';

/** Token → policy, for the page and everything on it, or a 404 that says nothing about whether a policy exists. */
export async function resolveLink(deps: Deps, token: string): Promise<Policy> {
  return (await openLink(deps, token, 'page')).policy;
}

/** Where things stand, with the client's own record: what they sent and any replies. */
export async function clientStatus(deps: Deps, token: string) {
  const policy = await resolveLink(deps, token);
  return clientRecordView(policy, today(deps, policy), await deps.store.getConversation(policy.id));
}

/** The stop page, for a page link or any stop link: where things stand, and whether it may lead to the page. */
export async function stopStatus(deps: Deps, token: string) {
  const { policy, opensPage } = await openLink(deps, token, 'stop');
  return { view: clientView(policy, today(deps, policy)), opensPage };
}

type Decide = (policy: Policy, at: string) => Decided<unknown>['change'];

/** Shared shape of the simple client actions: resolve link → decide → commit → fresh view. */
async function clientAct(deps: Deps, token: string, decide: Decide) {
  const { id } = await resolveLink(deps, token);
  return actOn(deps, id, decide);
}

function actOn(deps: Deps, id: string, decide: Decide) {
  return mutatePolicy(deps, id, (policy, todayDate) => {
    const change = decide(policy, deps.clock.now().toISOString());
    return { change, result: clientView(change?.policy ?? policy, todayDate) };
  });
}

const refuseNow = (detail: string) => new RefusalError('not-allowed-now', detail);

/** Accept: consent given, so the check-in and its reminders are planned from here. */
export function acceptPolicy(deps: Deps, token: string) {
  return clientAct(deps, token, (policy, at) => {
    if (policy.state === 'active' || policy.state === 'paused') return null; // accepting twice is fine
    if (policy.state !== 'invited') throw refuseNow('This arrangement is no longer open to accept.');
    return transition(policy, { state: 'active', acceptedAt: at }, at, { type: 'accepted' }, [
      mail('acceptance', {}),
      mail('client-accepted', {}),
    ]);
  });
}

export function declinePolicy(deps: Deps, token: string) {
  return clientAct(deps, token, (policy, at) => {
    if (policy.state === 'declined') return null;
    if (policy.state !== 'invited') {
      throw refuseNow(
        'You have already accepted this arrangement. If you would rather hear nothing more, you can stop all emails instead.',
      );
    }
    return transition(policy, { state: 'declined', closedReason: 'declined', closedAt: at }, at, { type: 'declined' }, [
      mail('client-declined', {}),
    ]);
  });
}

/** Stop all emails: closes the arrangement; one confirmation goes out, then nothing. */
const stopAll: Decide = (policy, at) => {
  if (policy.state === 'closed' || policy.state === 'declined') return null; // nothing more is sent anyway
  return closeChange(policy, 'opted-out', at);
};

/** Stopping by page link only (the JSON route: its callers hold the page link). */
export function optOut(deps: Deps, token: string) {
  return clientAct(deps, token, stopAll);
}

/** Stopping from the stop page or a mail program's one-click: a page link or any stop link ever sent. */
export async function optOutByStopLink(deps: Deps, token: string) {
  const { policy, opensPage } = await openLink(deps, token, 'stop');
  return { view: await actOn(deps, policy.id, stopAll), opensPage };
}

/** Skipping is the client's to choose, paused or not, while the check-in is still ahead; it can be undone. */
export function skipCheckIn(deps: Deps, token: string) {
  return clientAct(deps, token, (policy, at) => {
    if (policy.checkIn === 'skipped') return null;
    const todayDate = todayIn(policy.rules.timeZone, new Date(at));
    if (policy.checkIn !== 'pending' || !canChangeCheckIn(policy, todayDate)) {
      throw refuseNow(
        policy.checkIn === 'sent'
          ? 'Your check-in message has already been sent.'
          : 'There is no upcoming check-in to skip.',
      );
    }
    return transition(policy, { checkIn: 'skipped' }, at, { type: 'check-in-skipped' }, [mail('check-in-skipped', {})]);
  });
}

/** Taking a skip back: the check-in and its reminders are on again, until the check-in has passed. */
export function undoSkipCheckIn(deps: Deps, token: string) {
  return clientAct(deps, token, (policy, at) => {
    if (policy.checkIn === 'pending') return null; // undoing twice is fine
    if (policy.state === 'closed' || policy.state === 'declined') throw refuseNow(ARRANGEMENT_ENDED);
    const todayDate = todayIn(policy.rules.timeZone, new Date(at));
    if (policy.checkIn !== 'skipped' || !canChangeCheckIn(policy, todayDate)) {
      throw new RefusalError('not-check-in-time', CHECK_IN_HAS_PASSED);
    }
    return transition(policy, { checkIn: 'pending' }, at, { type: 'check-in-restored' }, [
      mail('check-in-restored', {}),
    ]);
  });
}

export type Channel = 'web' | 'email';

/**
 * Submit an update: replay a known Idempotency-Key → decide in the documented order →
 * accepted: one transaction stores the update, consumes the quota (conditional on the
 * version read), queues the therapist's copy and the client's receipt, and records the key →
 * refused: the outcome is recorded under the key and returned (409), words kept by the caller.
 */
export async function submitUpdate(
  deps: Deps,
  token: string,
  text: string,
  idempotencyKey: string | null,
): Promise<StoredOutcome> {
  const { id } = await resolveLink(deps, token);
  return submitUpdateTo(deps, id, text, idempotencyKey, 'web');
}

/** The same decision for a policy already identified (by page link, or by reply address). */
export async function submitUpdateTo(
  deps: Deps,
  id: string,
  text: string,
  idempotencyKey: string | null,
  channel: Channel,
): Promise<StoredOutcome> {
  const choice = choiceReader(deps);
  return idempotent(deps, id, idempotencyKey, (keyHash) =>
    mutatePolicy(deps, id, (policy, todayDate) =>
      decideSubmission(deps, { policy, todayDate, text, keyHash, channel, choice }),
    ),
  );
}

interface Submission {
  policy: Policy;
  todayDate: IsoDate;
  text: string;
  keyHash: string | null;
  channel: Channel;
  choice: ReturnType<typeof choiceReader>;
}

/** One attempt at deciding an update against the policy as just read. */
async function decideSubmission(
  deps: Deps,
  { policy, todayDate, text, keyHash, channel, choice }: Submission,
): Promise<Decided<StoredOutcome>> {
  const decision = decideUpdate(policy, todayDate, text);
  const at = deps.clock.now().toISOString();
  if (decision.outcome === 'accepted')
    return acceptedUpdate(policy, todayDate, decision, at, keyHash, await choice(policy.therapistId));
  deps.log.info('update.refused', { policyId: policy.id, reason: decision.refusal.reason });
  if (channel === 'email') return refusedByEmail(policy, decision.refusal, text, at, keyHash);
  return { result: await recordRefusal(deps, policy.id, keyHash, refusalOutcome(decision.refusal)), change: null };
}

/** The one check-in message: same shape as an update, its own rules, no quota used. */
export async function submitCheckIn(deps: Deps, token: string, text: string): Promise<StoredOutcome> {
  const { id } = await resolveLink(deps, token);
  const choice = choiceReader(deps);
  return mutatePolicy(deps, id, async (policy, todayDate) => {
    const decision = decideCheckIn(policy, todayDate, text);
    if (decision.outcome === 'refused') return { result: refusalOutcome(decision.refusal), change: null };
    const at = deps.clock.now().toISOString();
    const updated = next(policy, { checkIn: 'sent' });
    const message = { text: decision.text, sentOn: todayDate };
    const told = toldOfCheckIn(await choice(policy.therapistId), policy, at, message);
    return {
      result: { status: 201, body: { sentOn: todayDate, characters: decision.characters } },
      change: {
        at,
        policy: updated,
        expectedVersion: policy.version,
        addCheckInMessage: { text: decision.text, characters: decision.characters, sentOn: todayDate, receivedAt: at },
        events: [{ at, type: 'check-in-message' }],
        ...told,
        ...replan(policy, updated, at),
      },
    };
  });
}
