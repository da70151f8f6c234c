import { describe, expect, it } from 'vitest';
import { RefusalError } from '../../shared/domain/errors.js';
import { asProblem, toProblem } from '../../shared/domain/problem.js';

describe('a recorded outcome read back as a problem', () => {
  it('keeps every field of the problem it was stored as, extras included', () => {
    const stored = JSON.parse(JSON.stringify(toProblem(new RefusalError('limit-reached', 'All used.', { limit: 3 }))));
    expect(asProblem(stored)).toEqual({
      type: '/problems/limit-reached',
      title: stored.title,
      status: 409,
      detail: 'All used.',
      reason: 'limit-reached',
      limit: 3,
    });
  });

  it('throws on a body that is not a problem document', () => {
    expect(() => asProblem({ seq: 1 })).toThrow();
    expect(() => asProblem({ type: '/problems/x', title: 'X', status: '409', detail: 'd' })).toThrow();
  });
});
