import { describe, expect, it } from 'vitest';
import { pool, RateLimiter } from '../../shared/use-cases/pacing.js';

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
