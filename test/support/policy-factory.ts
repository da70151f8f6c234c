/**
 * A complete, valid Policy for tests, built the way the service builds one: rules go
 * through resolveRules, so defaults and computed dates are the real ones. Override any
 * field; `rules` takes the therapist's input (RulesInput), not the resolved rules.
 */
import { resolveRules, type Policy, type RulesInput } from '../../shared/domain/policy.js';

export type PolicyOverrides = Partial<Omit<Policy, 'rules'>> & { rules?: Partial<RulesInput> };

export function makePolicy(overrides: PolicyOverrides = {}): Policy {
  const { rules: rulesInput, ...rest } = overrides;
  const rules = resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York', ...rulesInput });
  return {
    id: 'pol_test_1',
    therapistId: 'th_test_1',
    therapist: { name: 'Dana Reyes', email: 'dana.reyes@practice.example' },
    client: { name: 'Sam Lee', email: 'sam.lee@client.example' },
    rules,
    state: 'active',
    closedReason: null,
    updatesAccepted: 0,
    lastUpdateOn: null,
    checkIn: rules.checkIn ? 'pending' : 'none',
    linkGeneration: 1,
    clientEmailSuppressed: false,
    createdAt: '2026-11-20T15:00:00.000Z',
    acceptedAt: '2026-11-21T15:00:00.000Z',
    closedAt: null,
    version: 1,
    ...rest,
  };
}
