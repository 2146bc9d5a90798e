/**
 * Demands gathered into a community's items (shared/contracts/inbox.md, "Requests and items"):
 * which open item a new demand joins, and what an item asks — its fields (the union of its
 * demands' by key, a key given two types asked once per type and shown as a conflict), its due
 * date (the earliest) and its priority (the highest). Pure; dates are `YYYY-MM-DD`.
 */

export const WORK_KINDS = ['task', 'form'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const FIELD_TYPES = ['integer', 'number', 'text', 'boolean', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const ITEM_STATES = ['open', 'in_progress', 'done'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/**
 * What raised an item another area gave a community, `area.what` ('screening.retest'); the
 * migration's CHECK on work_items.origin says the same.
 */
export const ORIGIN_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z0-9_-]+)*$';
export const ORIGIN_MAX = 64;

export function isOrigin(s: string): boolean {
  return s.length <= ORIGIN_MAX && new RegExp(ORIGIN_PATTERN).test(s);
}

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
}

/** The period a task or its data is about (closed, dates); null: "now". */
export type DateWindow = { from: string; to: string } | null;

export interface DemandFacts {
  department: string;
  duty: string;
  kind: WorkKind;
  window: DateWindow;
  /** The local date the demand arrived: what "now" means for an empty window. */
  arrivedOn: string;
  /** Epoch seconds. */
  due: number;
  priority: Priority;
  fields: readonly FieldSpec[];
}

/**
 * Whether two demands' windows overlap: closed intervals of dates; two empty windows overlap; an
 * empty window is the day its demand arrived.
 */
export function windowsOverlap(a: DateWindow, aArrived: string, b: DateWindow, bArrived: string): boolean {
  if (a === null && b === null) return true;
  const [af, at] = a === null ? [aArrived, aArrived] : [a.from, a.to];
  const [bf, bt] = b === null ? [bArrived, bArrived] : [b.from, b.to];
  return af <= bt && bf <= at;
}

/** Two demands on one community that belong to one item: same duty, same kind, overlapping windows. */
export function sameItem(a: DemandFacts, b: DemandFacts): boolean {
  return (
    a.duty === b.duty && a.kind === b.kind && windowsOverlap(a.window, a.arrivedOn, b.window, b.arrivedOn)
  );
}

/**
 * The open items (each with its open demands) a new demand joins: every item holding a demand it
 * belongs with. None: a new item. More than one: the demand joins them into one (the first).
 */
export function itemsToJoin<I extends { demands: readonly DemandFacts[] }>(
  openItems: readonly I[],
  demand: DemandFacts,
): I[] {
  return openItems.filter((item) => item.demands.some((d) => sameItem(d, demand)));
}

export interface ItemField extends FieldSpec {
  /** The departments asking for this key with this type. */
  departments: string[];
}

export interface FieldConflict {
  key: string;
  types: { type: FieldType; departments: string[] }[];
}

export interface ItemShape {
  fields: ItemField[];
  conflicts: FieldConflict[];
  due: number;
  priority: Priority;
  departments: string[];
}

/** What an item asks, from its demands (at least one). */
export function itemShape(demands: readonly DemandFacts[]): ItemShape {
  const byKey = new Map<string, Map<FieldType, ItemField>>();
  for (const d of demands) {
    for (const f of d.fields) {
      const types = byKey.get(f.key) ?? new Map<FieldType, ItemField>();
      byKey.set(f.key, types);
      const field = types.get(f.type) ?? { ...f, departments: [] };
      types.set(f.type, field);
      if (!field.departments.includes(d.department)) field.departments.push(d.department);
    }
  }
  const fields: ItemField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [key, types] of byKey) {
    fields.push(...types.values());
    if (types.size > 1) {
      conflicts.push({
        key,
        types: [...types.values()].map((f) => ({ type: f.type, departments: f.departments })),
      });
    }
  }
  return {
    fields,
    conflicts,
    due: Math.min(...demands.map((d) => d.due)),
    priority: demands.some((d) => d.priority === 'urgent') ? 'urgent' : 'normal',
    departments: [...new Set(demands.map((d) => d.department))],
  };
}

/** The field an answer's key names: `key`, or `key:type` for a key asked with two types. */
export function answerKey(field: FieldSpec, shape: ItemShape): string {
  return shape.conflicts.some((c) => c.key === field.key) ? `${field.key}:${field.type}` : field.key;
}

export type FieldValue = number | string | boolean;

/** A value checked against its field's type, or the reason it does not fit. */
export function checkValue(type: FieldType, value: unknown): { value: FieldValue } | { error: string } {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? { value }
        : { error: 'not a whole number' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: 'not a number' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'not true or false' };
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? { value }
        : { error: 'not a date (YYYY-MM-DD)' };
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? { value }
        : { error: 'not text (at most 2000 characters)' };
  }
}

/** Item states: open → in_progress → done, open → done; done is final (a later demand starts a new item). */
export function itemTransitionAllowed(from: ItemState, to: ItemState): boolean {
  return from !== 'done' && from !== to && !(from === 'in_progress' && to === 'open');
}
