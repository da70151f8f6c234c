/**
 * A practice admin's settings and overview: the practice's defaults and bounds (GET/PUT
 * /practice) and its arrangements as metadata only. The therapists' list, invitations and
 * removals are in practice-therapists.ts.
 */
import { nextEvent } from '../domain/arrangement-next.js';
import { todayIn } from '../domain/dates.js';
import { BusyError, ValidationError, VersionConflictError } from '../domain/errors.js';
import type { Practice } from '../domain/practice.js';
import { defaultsBeyondBounds } from '../domain/practice-bounds.js';
import type { PracticeBody } from '../domain/schemas.js';
import type { Member } from '../ports/store.js';
import { defaultBeyondBound } from '../wording/practice.js';
import { applyRetention } from './retention.js';
import type { Deps, Therapist } from './deps.js';
import { practiceFor } from './practice-settings.js';

export { inviteToPractice, listPracticeTherapists, removeFromPractice } from './practice-therapists.js';

const settingsView = (p: Practice) => ({
  id: p.id,
  name: p.name,
  defaults: p.defaults,
  bounds: p.bounds,
  retentionDays: p.retentionDays,
  version: p.version,
});

export async function getPracticeSettings(deps: Deps, admin: Therapist) {
  return settingsView(await practiceFor(deps, admin.practiceId));
}

/** The same value whatever order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The names of what differs (`defaults.closingNote`, `bounds.maxUpdates`, …): never the values, so no note's words. */
export function changedSettings(before: Practice, after: Practice): string[] {
  const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);
  const group = (prefix: string, a: Record<string, unknown>, b: Record<string, unknown>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .filter((key) => differs(a[key], b[key]))
      .map((key) => `${prefix}.${key}`);
  return [
    ...(before.name === after.name ? [] : ['name']),
    ...group('defaults', { ...before.defaults }, { ...after.defaults }),
    ...group('bounds', { ...before.bounds }, { ...after.bounds }),
    ...(before.retentionDays === after.retentionDays ? [] : ['retentionDays']),
  ];
}

/**
 * What PUT /practice leaves: each part the body names replaces the stored one (bounds and
 * defaults field by field, so `defaults: {referrals: […]}` keeps the default rules).
 */
function merged(current: Practice, body: PracticeBody): Practice {
  return {
    ...current,
    name: body.name ?? current.name,
    defaults: { ...current.defaults, ...body.defaults },
    bounds: { ...current.bounds, ...body.bounds },
    retentionDays: body.retentionDays ?? current.retentionDays,
  };
}

/**
 * PUT /practice: merge what the body names → refuse (400, naming each field) defaults that a
 * new arrangement could not keep to under the bounds → save over the version read, with
 * `settings-changed` (the names of what changed) on the practice's timeline. Arrangements
 * already made keep their rules and their retention; only new ones start from these.
 */
/**
 * How long one save spends applying a changed retention to existing arrangements, inside the
 * API's 10 s; the answer's `retention.remaining` says how many are left for the next save.
 */
const RETENTION_BUDGET_MS = 5_000;

export async function updatePracticeSettings(deps: Deps, admin: Therapist, body: PracticeBody) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await practiceFor(deps, admin.practiceId);
    const next = merged(current, body);
    const problems = defaultsBeyondBounds(next.defaults, next.bounds).map((d) => ({
      path: d.path,
      message: defaultBeyondBound(d),
    }));
    if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join(' '), problems);
    const changed = changedSettings(current, next);
    if (changed.length === 0) {
      // Saving the same retention again re-applies it: it repairs a run that stopped halfway.
      const retention =
        body.retentionDays === undefined
          ? null
          : await applyRetention(deps, admin.practiceId, current.retentionDays, RETENTION_BUDGET_MS);
      return { ...settingsView(current), ...(retention ? { retention } : {}) };
    }
    const at = deps.clock.now().toISOString();
    try {
      await deps.store.putPractice(next, [
        { at, type: 'settings-changed', by: admin.id, data: { changed: changed.join(',') } },
      ]);
    } catch (err) {
      if (err instanceof VersionConflictError) continue;
      throw err;
    }
    deps.log.info('practice.settings-changed', { count: changed.length });
    // Closed arrangements follow a changed retention (and open ones will close with it).
    const retention =
      next.retentionDays === current.retentionDays
        ? null
        : await applyRetention(deps, admin.practiceId, next.retentionDays, RETENTION_BUDGET_MS);
    return { ...settingsView({ ...next, version: (current.version ?? 0) + 1 }), ...(retention ? { retention } : {}) };
  }
  throw new BusyError('Another admin saved the practice at the same moment. Nothing was lost; please try again.');
}

/**
 * Every arrangement of the practice as the index holds it (metadata only: no client name,
 * address or words), with its therapist's name and what happens next. Names come from the
 * practice's list of therapists; a therapist removed since (only ended arrangements remain)
 * is read one by one, and they are few.
 */
export async function listPracticeArrangements(deps: Deps, admin: Therapist) {
  const [arrangements, members] = await Promise.all([
    deps.store.listArrangements(admin.practiceId),
    deps.store.listMembers(admin.practiceId),
  ]);
  const names = new Map(members.map((m) => [m.therapistId, m.name]));
  const missing = [...new Set(arrangements.map((a) => a.therapistId))].filter((id) => !names.has(id));
  const former = await Promise.all(missing.map((id) => deps.store.getMember(id)));
  for (const m of former.filter((f): f is Member => f !== null && f.practiceId === admin.practiceId))
    names.set(m.therapistId, m.name);
  // The index carries no time zone: the day is the UTC one, close enough for an overview.
  const today = todayIn('UTC', deps.clock.now());
  return arrangements.map((a) => ({
    ...a,
    therapistName: names.get(a.therapistId) ?? null,
    next: nextEvent(a, today),
  }));
}
