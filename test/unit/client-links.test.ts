import { describe, expect, it } from 'vitest';
import { linkOpens } from '../../shared/use-cases/client-links.js';
import type { LinkRecord } from '../../shared/ports/store.js';
import { makePolicy } from '../support/policy-factory.js';

const policy = makePolicy();
const reissued = { ...policy, linkGeneration: 2 };
const corrected = { ...policy, clientAddressGeneration: 2 };
const link = (fields: Partial<LinkRecord>): LinkRecord => ({ policyId: policy.id, generation: 1, ...fields });

describe('what a client link opens', () => {
  it('opens the page and its stop with a page link of the current generation only', () => {
    const page = link({ purpose: 'page', addressGeneration: 1 });
    expect(linkOpens(page, policy, 'page')).toBe(true);
    expect(linkOpens(page, policy, 'stop')).toBe(true);
    expect(linkOpens(page, reissued, 'page')).toBe(false);
    expect(linkOpens(page, reissued, 'stop')).toBe(false);
  });

  it('opens only the stop with a stop link, after any number of new links', () => {
    const stop = link({ purpose: 'stop', addressGeneration: 1 });
    expect(linkOpens(stop, policy, 'page')).toBe(false);
    expect(linkOpens(stop, policy, 'stop')).toBe(true);
    expect(linkOpens(stop, { ...policy, linkGeneration: 5 }, 'stop')).toBe(true);
  });

  it('opens nothing with a reply address', () => {
    const reply = link({ purpose: 'reply', addressGeneration: 1 });
    expect(linkOpens(reply, policy, 'page')).toBe(false);
    expect(linkOpens(reply, policy, 'stop')).toBe(false);
  });

  it('opens nothing with a link sent to an address since corrected, a stop link included', () => {
    for (const purpose of ['page', 'stop'] as const) {
      expect(linkOpens(link({ purpose, addressGeneration: 1 }), corrected, 'stop')).toBe(false);
      expect(linkOpens(link({ purpose, addressGeneration: 2 }), corrected, 'stop')).toBe(true);
    }
  });

  it('reads a link stored before purposes and addresses were recorded as a page link to the first address', () => {
    const old = link({});
    expect(linkOpens(old, policy, 'page')).toBe(true);
    expect(linkOpens(old, policy, 'stop')).toBe(true);
    expect(linkOpens(old, reissued, 'stop')).toBe(false);
    expect(linkOpens(old, corrected, 'page')).toBe(false);
  });
});
