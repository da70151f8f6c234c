/**
 * The dispatcher's pacing, kept here because each tool is a few lines and a dependency would
 * cost more in cold start than it saves: a pool that caps work in flight, a token bucket that
 * keeps sending under the account's rate, a window on SES calls awaiting an answer, and the
 * mailer that puts every send through the last two. All use real (monotonic)
 * time, never the service clock: local mode moves the service clock, not the SES meter.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { MailSendError, type Mailer } from '../ports/mailer.js';
import { MailHeldError } from '../ports/sending.js';

/** Runs at most `size` tasks at once; the rest wait their turn in order. */
export function pool(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * A token bucket: `take()` resolves when one more email fits under `ratePerSecond`. The bucket
 * holds at most one second of tokens, so a quiet spell never turns into a burst over the rate.
 * `slowDown()` halves the rate (SES said "too many"); it recovers by 10% every second that
 * passes without another one, up to the account's rate.
 */
export class RateLimiter {
  private tokens: number;
  private last = performance.now();
  private rate: number;
  private lastSlowDown = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly maxRate: number) {
    this.rate = maxRate;
    this.tokens = Math.min(1, maxRate);
  }

  get currentRate(): number {
    return this.rate;
  }

  take(): Promise<void> {
    // One waiter at a time, so tokens are handed out in arrival order.
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => {});
    return turn;
  }

  slowDown(): void {
    this.lastSlowDown = performance.now();
    this.rate = Math.max(this.maxRate / 64, this.rate / 2);
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = performance.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    if (this.rate < this.maxRate && now - this.lastSlowDown > 1000) {
      this.rate = Math.min(this.maxRate, this.rate * 1.1 ** seconds);
    }
    this.tokens = Math.min(Math.max(1, this.rate), this.tokens + seconds * this.rate);
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }
}

/**
 * How many calls to SES may be waiting for an answer at once, found as TCP finds its window:
 * one more for every answer that came back in time (doubling per round trip at first, then
 * growing by about one per round trip), halved by a slow answer or one that never came. The
 * rate limiter keeps to the account's rate; this keeps calls from queueing behind each other
 * (on a busy process, answers wait in line) until they reach their timeout, where the
 * outcome becomes unknown and the email may go out twice.
 */
export class CallWindow {
  private active = 0;
  private size: number;
  private growing = true;
  private lastHalved = -Infinity;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly max: number,
    start = Math.min(max, 8),
  ) {
    this.size = start;
  }

  get current(): number {
    return Math.floor(this.size);
  }

  /** A place, now or when one is handed over (in arrival order). */
  acquire(): Promise<void> {
    if (this.active < this.current) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** `late`: the answer was slow, or did not come; answers already on their way halve it once. */
  release(late: boolean): void {
    const now = performance.now();
    if (late) {
      this.growing = false;
      if (now - this.lastHalved > 1_000) {
        this.size = Math.max(1, this.size / 2);
        this.lastHalved = now;
      }
    } else {
      this.size = Math.min(this.max, this.size + (this.growing ? 1 : 1 / this.size));
    }
    this.giveBack();
  }

  /** A place given back without a call made: says nothing about how SES is answering. */
  cancel(): void {
    this.giveBack();
  }

  private giveBack(): void {
    this.active -= 1;
    // Places go straight to the waiters, counted before they run, so none is taken twice.
    while (this.waiting.length && this.active < this.current) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * A send this slow is congestion, not SES's normal tens of milliseconds: on a busy process
 * (a small Lambda, many calls in flight) answers wait in line, and a call left waiting until
 * its timeout has an unknown outcome, which is the one way an email can go out twice.
 * Slowing down at the first slow answers keeps calls well inside their timeouts.
 */
export const SLOW_SEND_MS = 1_000;

export interface Pace {
  limiter: RateLimiter;
  window: CallWindow;
  sendingEnabled: boolean;
  remainingMs: () => number;
}

/**
 * No send starts with less than this left. It covers an SES call whose failed attempts were
 * answered and repeated, or one that hangs to its 5 s timeout (unknown outcomes are not
 * repeated), and the write that records it (up to 3 × 3 s). Three hanging attempts in a
 * row could still outlast it; the write then reports the lost lease (`mail.sent-lease-lost`).
 */
const SEND_RESERVE_MS = 20_000;

/**
 * Every email this run sends waits for a free place in the call window, then its turn under
 * the rate. SES's "too many" halves the rate; an answer slower than SLOW_SEND_MS, or none
 * (outcome unknown), halves the window.
 */
export function pacedMailer(mailer: Mailer, pace: Pace): Mailer {
  const { limiter, window } = pace;
  return {
    // No send-now deadline here (a scheduled job's emails pass through deliverNow too): they
    // wait their turn under the rate, and the run has its own time limit and per-call timeouts.
    async send(email) {
      if (!pace.sendingEnabled) throw new MailHeldError('paused');
      await window.acquire();
      let answered: boolean | undefined; // late or not, once SES was called
      try {
        // The token last, so calls that waited for the window do not all go at once.
        await limiter.take();
        // Waiting can take long: a send the run cannot also record before its time limit
        // would be sent again by a later run, so it is held for that one.
        if (pace.remainingMs() < SEND_RESERVE_MS) throw new MailHeldError('out-of-time');
        return await timedCall(mailer, email, limiter, (late) => (answered = late));
      } finally {
        if (answered === undefined) window.cancel();
        else window.release(answered);
      }
    },
  };
}

/** One call to SES; `done` hears whether it was late (slower than SLOW_SEND_MS, or its outcome unknown). */
async function timedCall(
  mailer: Mailer,
  email: Parameters<Mailer['send']>[0],
  limiter: RateLimiter,
  done: (late: boolean) => void,
) {
  const started = performance.now();
  let unknown = false;
  try {
    return await mailer.send(email);
  } catch (err) {
    if (err instanceof MailHeldError && err.reason === 'throttled') limiter.slowDown();
    unknown = err instanceof MailSendError && err.outcome === 'unknown';
    throw err;
  } finally {
    done(unknown || performance.now() - started > SLOW_SEND_MS);
  }
}
