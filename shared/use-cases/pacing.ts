/**
 * Two small pacing tools for the dispatcher, kept here because each is a few lines and a
 * dependency would cost more in cold start than it saves: a pool that caps work in flight,
 * and a token bucket that keeps sending under the account's rate. Both use real (monotonic)
 * time, never the service clock: local mode moves the service clock, not the SES meter.
 */
import { setTimeout as sleep } from 'node:timers/promises';

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
