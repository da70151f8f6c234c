import { describe, expect, it } from 'vitest';
import { DUE_SHARDS, keys, shardOf } from '../../shared/adapters/dynamodb/table-design.js';

describe('due-work shards', () => {
  it('hashes with 32-bit FNV-1a (published test vectors)', () => {
    // FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    const full = 2 ** 32;
    expect(shardOf('', full)).toBe(0x811c9dc5);
    expect(shardOf('a', full)).toBe(0xe40c292c);
    expect(shardOf('foobar', full)).toBe(0xbf9cf968);
  });

  it('spreads ten thousand policy ids evenly: every shard within a fifth of the mean', () => {
    const counts = new Array<number>(DUE_SHARDS).fill(0);
    for (let i = 0; i < 10_000; i += 1) counts[shardOf(`pol_${i.toString(36)}_${(i * 7919).toString(16)}`)]! += 1;
    const mean = 10_000 / DUE_SHARDS;
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.8);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.2);
  });

  it('keeps every job of a policy in that policy’s shard, named with two digits', () => {
    expect(keys.duePk('pol_test_1')).toBe(keys.duePk('pol_test_1'));
    expect(keys.dueShardPk(7)).toBe('DUE#07');
    expect(keys.duePk('pol_test_1')).toMatch(/^DUE#\d{2}$/);
    expect(DUE_SHARDS).toBeGreaterThanOrEqual(16);
  });
});
