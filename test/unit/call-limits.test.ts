/**
 * The SDK's clients are built from these limits; a background client too small for the
 * dispatcher's parallel work would quietly queue its calls (and the SDK logs a warning per
 * burst), so the dispatcher would send slower than its pacing allows.
 */
import { describe, expect, it } from 'vitest';
import { BACKGROUND_LIMITS, clientLimits, limitsFor, REQUEST_LIMITS } from '../../functions/call-limits.js';
import { DUE_PARTITIONS } from '../../shared/adapters/dynamodb/table-design.js';
import { MAX_JOBS_IN_FLIGHT } from '../../shared/use-cases/dispatch.js';

describe('AWS call limits', () => {
  it('give the dispatcher a connection for every job in flight and every due-work query', () => {
    expect(limitsFor('dispatcher')).toBe(BACKGROUND_LIMITS);
    for (const service of ['dynamodb', 'ses'] as const) {
      const { requestHandler } = clientLimits(BACKGROUND_LIMITS[service]);
      const needed = MAX_JOBS_IN_FLIGHT + DUE_PARTITIONS.length;
      expect(requestHandler.httpsAgent?.maxSockets).toBeGreaterThanOrEqual(needed);
      expect(requestHandler.httpAgent?.maxSockets).toBeGreaterThanOrEqual(needed);
    }
  });

  it('leave request functions on the SDK’s own agent (one request, a few calls in a row)', () => {
    expect(limitsFor('client-api')).toBe(REQUEST_LIMITS);
    expect(clientLimits(REQUEST_LIMITS.dynamodb).requestHandler).not.toHaveProperty('httpsAgent');
  });

  it('bound every attempt and make a timeout an error, not a warning', () => {
    const { maxAttempts, requestHandler } = clientLimits(REQUEST_LIMITS.ses);
    expect(maxAttempts).toBe(REQUEST_LIMITS.ses.attempts);
    expect(requestHandler).toMatchObject({
      requestTimeout: 2_500,
      connectionTimeout: 1_000,
      throwOnRequestTimeout: true,
    });
  });
});
