/**
 * A complete, valid Policy for tests, built the way the service builds one: rules go
 * through resolveRules, so defaults and computed dates are the real ones. Override any
 * field; `rules` takes the therapist's input (RulesInput), not the resolved rules.
 */
import { newPolicy, resolveRules, type Policy, type RulesInput } from '../../shared/domain/policy.js';

export type PolicyOverrides = Partial<Omit<Policy, 'rules'>> & { rules?: Partial<RulesInput> };

export function makePolicy(overrides: PolicyOverrides = {}): Policy {
  const { rules: rulesInput, ...rest } = overrides;
  const rules = resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York', ...rulesInput });
  const created = newPolicy({
    id: 'pol_test_1',
    practiceId: 'default',
    retentionDays: 90,
    therapistId: 'th_test_1',
    therapist: { name: 'Dana Reyes', email: 'dana.reyes@practice.example' },
    client: { name: 'Sam Lee', email: 'sam.lee@client.example' },
    rules,
    createdAt: '2026-11-20T15:00:00.000Z',
  });
  // Tests mostly need an accepted arrangement; override state for the others.
  return { ...created, state: 'active', acceptedAt: '2026-11-21T15:00:00.000Z', ...rest };
}
