/**
 * The diff between two versions of a plan, level by level: tasks (matched by key), supply norms
 * (matched by item) and shelters added, removed and changed. Pure.
 */
import { LEVELS, type Level, type PlanTask, type SupplyNorm, type VersionContent } from './content.js';

/** What of a task may change between versions. */
export const TASK_FIELDS = ['title', 'group', 'who', 'dueOffsetHours'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export interface TaskChange {
  key: string;
  before: PlanTask;
  after: PlanTask;
  /** The fields that differ. */
  fields: TaskField[];
}

export interface NormChange {
  item: string;
  before: number;
  after: number;
}

export interface LevelDiff {
  tasks: { added: PlanTask[]; removed: PlanTask[]; changed: TaskChange[] };
  norms: { added: SupplyNorm[]; removed: SupplyNorm[]; changed: NormChange[] };
  shelters: { added: string[]; removed: string[] };
}

export type VersionDiff = Record<Level, LevelDiff>;

function taskFields(a: PlanTask, b: PlanTask): TaskField[] {
  const out: TaskField[] = [];
  if (a.title !== b.title) out.push('title');
  if ((a.group ?? null) !== (b.group ?? null)) out.push('group');
  if (a.who.role !== b.who.role || a.who.placeLevel !== b.who.placeLevel) out.push('who');
  if (a.dueOffsetHours !== b.dueOffsetHours) out.push('dueOffsetHours');
  return out;
}

/**
 * `to` against `from`: added in `to`'s order, removed in `from`'s, changed in `to`'s. Diffing a
 * version against itself gives an empty diff; swapping the two swaps added and removed.
 */
export function diffVersions(from: VersionContent, to: VersionContent): VersionDiff {
  const out = {} as VersionDiff;
  for (const level of LEVELS) {
    const a = from[level];
    const b = to[level];
    const tasksA = new Map(a.tasks.map((t) => [t.key, t]));
    const tasksB = new Map(b.tasks.map((t) => [t.key, t]));
    const normsA = new Map(a.norms.map((n) => [n.item, n]));
    const normsB = new Map(b.norms.map((n) => [n.item, n]));
    const sheltersA = new Set(a.shelters);
    const sheltersB = new Set(b.shelters);
    const changed: TaskChange[] = [];
    for (const t of b.tasks) {
      const before = tasksA.get(t.key);
      if (!before) continue;
      const fields = taskFields(before, t);
      if (fields.length > 0) changed.push({ key: t.key, before, after: t, fields });
    }
    out[level] = {
      tasks: {
        added: b.tasks.filter((t) => !tasksA.has(t.key)),
        removed: a.tasks.filter((t) => !tasksB.has(t.key)),
        changed,
      },
      norms: {
        added: b.norms.filter((n) => !normsA.has(n.item)),
        removed: a.norms.filter((n) => !normsB.has(n.item)),
        changed: b.norms
          .filter((n) => normsA.has(n.item) && normsA.get(n.item)!.perResident !== n.perResident)
          .map((n) => ({ item: n.item, before: normsA.get(n.item)!.perResident, after: n.perResident })),
      },
      shelters: {
        added: b.shelters.filter((s) => !sheltersA.has(s)),
        removed: a.shelters.filter((s) => !sheltersB.has(s)),
      },
    };
  }
  return out;
}

/** How many tasks, norms and shelters were added, removed and changed over all levels. */
export function diffCounts(d: VersionDiff): { added: number; removed: number; changed: number } {
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const level of LEVELS) {
    const l = d[level];
    added += l.tasks.added.length + l.norms.added.length + l.shelters.added.length;
    removed += l.tasks.removed.length + l.norms.removed.length + l.shelters.removed.length;
    changed += l.tasks.changed.length + l.norms.changed.length;
  }
  return { added, removed, changed };
}

/** Whether the two versions hold the same content. */
export function diffIsEmpty(d: VersionDiff): boolean {
  const c = diffCounts(d);
  return c.added + c.removed + c.changed === 0;
}
