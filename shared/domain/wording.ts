/**
 * The rules and what is left, in plain words. The sentences live with everything else a
 * client reads (shared/wording/client.ts); use cases and tests have always found them here.
 */
export {
  describeAllowance,
  describeCheckIn,
  describeClosing,
  describeReplies,
  describeRules,
  describeUpdates,
} from '../wording/client.js';
