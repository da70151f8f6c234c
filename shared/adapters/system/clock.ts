/** The Clock port on the machine's own time (local mode and tests use a movable one, local/clock.ts). */
import type { Clock } from '../../ports/clock.js';

export const systemClock: Clock = { now: () => new Date() };
