import { describe, expect, it } from 'vitest';
import { CallWindow, pool, RateLimiter } from '../../shared/use-cases/pacing.js';

describe('pool', () => {
  it('never runs more than its size at once, and runs every task', async () => {
    const run = pool(3);
    let active = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          active += 1;
          most = Math.max(most, active);
          await new Promise((r) => setTimeout(r, 2));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees its place when a task fails', async () => {
    const run = pool(1);
    await expect(run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('RateLimiter', () => {
  it('hands out no more than the rate allows: 40 tokens at 100 a second take about 0.4 s', async () => {
    const limiter = new RateLimiter(100);
    const started = performance.now();
    await Promise.all(Array.from({ length: 40 }, () => limiter.take()));
    const seconds = (performance.now() - started) / 1000;
    // The first token is there at once; the other 39 come at 100 a second.
    expect(seconds).toBeGreaterThanOrEqual(0.37);
    expect(seconds).toBeLessThan(1.5);
  });

  it('halves its rate when told SES said too many, never below a 64th of the account’s', () => {
    const limiter = new RateLimiter(64);
    limiter.slowDown();
    expect(limiter.currentRate).toBe(32);
    for (let i = 0; i < 20; i += 1) limiter.slowDown();
    expect(limiter.currentRate).toBe(1);
  });
});

/** Lets the promises already resolved run their continuations. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CallWindow', () => {
  const fill = async (window: CallWindow) => {
    let admitted = 0;
    for (let i = 0; i < 1000; i += 1) void window.acquire().then(() => (admitted += 1));
    await settle();
    return () => admitted;
  };

  it('admits no more calls than its size, and one more as each answer comes back in time', async () => {
    const window = new CallWindow(64);
    const admitted = await fill(window);
    expect(admitted()).toBe(8);
    window.release(false); // one answer in time: its place, and one more (slow start)
    await settle();
    expect(window.current).toBe(9);
    expect(admitted()).toBe(10);
  });

  it('halves on a slow answer, once for the answers already on their way, then grows slowly', async () => {
    const window = new CallWindow(64, 32);
    const admitted = await fill(window);
    expect(admitted()).toBe(32);
    for (let i = 0; i < 10; i += 1) window.release(true); // ten late answers from the same crowd
    expect(window.current).toBe(16);
    await settle();
    // 22 still in flight, over the new size: nobody new until enough have answered.
    expect(admitted()).toBe(32);
    for (let i = 0; i < 7; i += 1) window.release(false);
    await settle();
    // Past the halving, each answer in time adds about 1/size: still 16 places.
    expect(window.current).toBe(16);
    expect(admitted()).toBe(33);
  });

  it('gives back a place unused (a send held before its call) without growing or shrinking', async () => {
    const window = new CallWindow(64, 2);
    const admitted = await fill(window);
    expect(admitted()).toBe(2);
    window.cancel();
    await settle();
    expect(window.current).toBe(2);
    expect(admitted()).toBe(3);
  });

  it('never shrinks below one call, nor grows past its maximum', async () => {
    const small = new CallWindow(4, 1);
    await small.acquire();
    small.release(true);
    expect(small.current).toBe(1);
    const capped = new CallWindow(4);
    for (let i = 0; i < 20; i += 1) {
      await capped.acquire();
      capped.release(false);
    }
    expect(capped.current).toBe(4);
  });
});
