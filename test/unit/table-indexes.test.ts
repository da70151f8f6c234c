/**
 * The table's indexes, one change per deploy: from whatever a table can have (any mix of this
 * release's indexes and the retired one), each deploy's template differs from it by exactly
 * one index, creates before it deletes, and reaches this release's indexes.
 */
import { describe, expect, it } from 'vitest';
import {
  describePlan,
  parseIndexList,
  planIndexes,
  PREVIOUS_RELEASE_INDEXES,
  RELEASE_INDEXES,
  RETIRED_INDEXES,
} from '../../infra/table-indexes.js';

const KNOWN = [...RELEASE_INDEXES, ...RETIRED_INDEXES];
/** Every set of indexes a table could have. */
const STATES = Array.from({ length: 2 ** KNOWN.length }, (_, bits) => KNOWN.filter((_, i) => bits & (2 ** i)));
const difference = (a: readonly string[], b: readonly string[]) => [
  ...a.filter((n) => !b.includes(n)),
  ...b.filter((n) => !a.includes(n)),
];

describe('the index plan', () => {
  it.each(STATES.map((s) => [s.join(',') || '(none)', s] as const))(
    'takes a table with %s to this release’s indexes one change at a time, creating before deleting',
    (_, start) => {
      let table: readonly string[] = start;
      const changes: string[] = [];
      for (let step = 0; step <= KNOWN.length; step += 1) {
        const plan = planIndexes(table);
        expect(difference(table, plan.declared)).toHaveLength(plan.change ? 1 : 0);
        if (!plan.change) break;
        changes.push('create' in plan.change ? `+${plan.change.create}` : `-${plan.change.delete}`);
        table = plan.declared;
        if (!plan.next) break;
        expect(plan.next).toEqual(plan.declared);
      }
      expect([...table].sort()).toEqual([...RELEASE_INDEXES].sort());
      // Every creation comes before every deletion.
      const deletions = changes.filter((c) => c.startsWith('-'));
      expect(changes.slice(changes.length - deletions.length)).toEqual(deletions);
    },
  );

  it('declares this release’s indexes in their order, any retired one after them', () => {
    expect(planIndexes(undefined).declared).toEqual(RELEASE_INDEXES);
    expect(planIndexes(['due', 'byPractice', 'dueByShard', 'byTherapist']).declared).toEqual([
      'byTherapist',
      'dueByShard',
      'byPractice',
    ]);
    expect(planIndexes(['due', 'byTherapist']).declared).toEqual(['byTherapist', 'dueByShard', 'due']);
  });

  it('is one deploy from the previous release, which therefore needs no setting', () => {
    expect(difference(PREVIOUS_RELEASE_INDEXES, planIndexes(undefined).declared)).toEqual(['byPractice']);
    expect(planIndexes(PREVIOUS_RELEASE_INDEXES).next).toBeNull();
  });

  it('refuses a name no release declared, naming it', () => {
    expect(() => planIndexes(['byTherapist', 'byClient'])).toThrow(/byClient, which no release of Afterword declared/);
  });

  it('reads the list as the AWS CLI prints it, or as written by hand', () => {
    expect(parseIndexList('byTherapist\tdue\n')).toEqual(['byTherapist', 'due']);
    expect(parseIndexList('byTherapist, due,due')).toEqual(['byTherapist', 'due']);
    expect(parseIndexList(['byTherapist', ' dueByShard '])).toEqual(['byTherapist', 'dueByShard']);
  });

  it('says what the deploy changes and what to set next, and when to stop', () => {
    expect(describePlan(planIndexes(['byTherapist', 'dueByShard', 'byPractice', 'due']))).toBe(
      'This deploy deletes index due (CloudFormation changes one index of a table per deploy). When both stacks show UPDATE_COMPLETE, the upgrade is done: remove currentIndexes from your settings.',
    );
    expect(describePlan(planIndexes(RELEASE_INDEXES))).toMatch(/changes none\. Remove currentIndexes/);
  });
});
