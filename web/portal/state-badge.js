// @ts-check
/** An arrangement's state as a badge: always written out; the colour only supports it. */
import { h } from './dom.js';
import { stateLabel } from './states.js';

/** @param {string} state */
export function stateBadge(state) {
  return h('span', { className: `badge badge-${state}` }, stateLabel(state));
}
