// @ts-check
/** An arrangement's state, and why it closed, in the therapist's words. */

/** @import { PolicyState } from './types.js' */

/** @type {Record<PolicyState, { label: string, hint: string }>} */
const STATES = {
  invited: { label: 'Invited', hint: 'waiting for an answer' },
  active: { label: 'Active', hint: 'accepted' },
  paused: { label: 'Paused', hint: 'on hold' },
  declined: { label: 'Declined', hint: 'the client said no' },
  closed: { label: 'Closed', hint: 'ended' },
};

/** @param {string} state */
export function stateLabel(state) {
  return STATES[/** @type {PolicyState} */ (state)]?.label ?? state;
}

/** @type {Record<string, string>} */
const CLOSED_REASONS = {
  'closing-date': 'the closing date was reached',
  therapist: 'you closed it',
  'opted-out': 'the client asked for no more emails',
  declined: 'the client declined',
  'therapist-left': 'the practice closed it when its therapist left',
};

/** @param {string | null | undefined} reason */
export function closedReason(reason) {
  return CLOSED_REASONS[reason ?? ''] ?? 'it ended';
}

/**
 * Declined and closed arrangements are over: nothing more is sent or scheduled.
 * @param {string} state
 */
export function hasEnded(state) {
  return state === 'closed' || state === 'declined';
}
