/**
 * Which secondary indexes the table declares in this deploy. CloudFormation creates or
 * deletes at most one global secondary index of a table per stack update; a template that
 * differs from the deployed table by two ("Cannot perform more than one GSI creation or
 * deletion in a single update") is refused and rolled back. Synthesis cannot see the deployed
 * table, so the one who deploys says what it has (`currentIndexes`, as describe-table prints
 * it) and gets a template exactly one index closer to this release's: indexes are created
 * first, in this release's order (what the new functions read exists before they run, and
 * what the old ones read stays while they may), then the retired ones are deleted. Without
 * the setting the table is taken to be the previous release's (one index short of this one)
 * or this release's: both are one deploy away from this template, or none.
 */
import { TABLE, UNSHARDED_DUE_INDEX } from '../shared/adapters/dynamodb/table-design.js';

/** This release's indexes, in the order the table declares them. */
export const RELEASE_INDEXES: readonly string[] = [
  TABLE.indexes.byTherapist.name,
  TABLE.indexes.due.name,
  TABLE.indexes.byPractice.name,
];

/** What the release before this one declared: a plain deploy over its table creates one index (byPractice). */
export const PREVIOUS_RELEASE_INDEXES: readonly string[] = [TABLE.indexes.byTherapist.name, TABLE.indexes.due.name];

/** Indexes earlier releases declared that a table may still have while it upgrades. */
export const RETIRED_INDEXES: readonly string[] = [UNSHARDED_DUE_INDEX];

export interface IndexPlan {
  /** The indexes this deploy's template declares: this release's first, then any retired one kept. */
  declared: string[];
  /** What this deploy changes on a table that has what was said; null when nothing. */
  change: { create: string } | { delete: string } | null;
  /** What the table has after this deploy, to say in the next one; null once it is this release's. */
  next: string[] | null;
}

export class IndexPlanError extends Error {
  override name = 'IndexPlanError';
}

/** The names as the AWS CLI prints them (`--output text`: tabs), or as a list in cdk.json. */
export function parseIndexList(value: string | readonly string[]): string[] {
  const names = (typeof value === 'string' ? value.split(/[\s,]+/) : [...value]).map((n) => n.trim()).filter(Boolean);
  return [...new Set(names)];
}

/** The one step from the table as it is now towards this release's indexes. */
export function planIndexes(current: readonly string[] | undefined): IndexPlan {
  if (current === undefined) return { declared: [...RELEASE_INDEXES], change: null, next: null };
  const known = [...RELEASE_INDEXES, ...RETIRED_INDEXES];
  const unknown = current.filter((name) => !known.includes(name));
  if (unknown.length)
    throw new IndexPlanError(
      `currentIndexes names ${unknown.join(', ')}, which no release of Afterword declared (it knows ${known.join(', ')}). Give exactly what describe-table prints for your table.`,
    );
  const [missing] = RELEASE_INDEXES.filter((name) => !current.includes(name));
  const [retired] = RETIRED_INDEXES.filter((name) => current.includes(name));
  const inOrder = (names: readonly string[]) => known.filter((name) => names.includes(name));
  const after = (declared: string[]) =>
    declared.length === RELEASE_INDEXES.length && declared.every((n) => RELEASE_INDEXES.includes(n)) ? null : declared;
  if (missing) {
    const declared = inOrder([...current, missing]);
    return { declared, change: { create: missing }, next: after(declared) };
  }
  if (retired) {
    const declared = inOrder(current.filter((name) => name !== retired));
    return { declared, change: { delete: retired }, next: after(declared) };
  }
  return { declared: [...RELEASE_INDEXES], change: null, next: null };
}

/** What synthesis tells the one who deploys, when they said what their table has. */
export function describePlan(plan: IndexPlan): string {
  if (!plan.change)
    return 'The table has every index this release declares: this deploy changes none. Remove currentIndexes from your settings.';
  const what = 'create' in plan.change ? `creates index ${plan.change.create}` : `deletes index ${plan.change.delete}`;
  const then = plan.next
    ? `When both stacks show UPDATE_COMPLETE, deploy again with -c currentIndexes=${plan.next.join(',')}.`
    : 'When both stacks show UPDATE_COMPLETE, the upgrade is done: remove currentIndexes from your settings.';
  return `This deploy ${what} (CloudFormation changes one index of a table per deploy). ${then}`;
}
