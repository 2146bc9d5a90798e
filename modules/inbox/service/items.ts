/**
 * A community working its items: the item as it asks (fields merged from its demands, each with
 * its pre-fill: an earlier answer for an overlapping window, or the platform's own data), the
 * answer given once for every department behind it, and state changes. Each change is one
 * transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import {
  answerKey,
  checkValue,
  type FieldValue,
  type ItemField,
  type ItemShape,
  type ItemState,
  itemShape,
  itemTransitionAllowed,
} from '../rules/items.js';
import { finishItem, itemById, type WorkItem } from '../store/items.js';
import { derivedValues, earlierValues, insertValues, itemValues, type Prefill } from '../store/values.js';
import { type Demand, demandsOf, setDemandAnswers } from '../store/work.js';
import type { InboxActor } from './intake.js';

export interface ItemFieldView extends ItemField {
  /** The name its answer goes under: the key, or `key:type` where two departments typed it differently. */
  answerKey: string;
  prefill: Prefill | null;
  answer: { value: FieldValue; prefilled: boolean; at: Date } | null;
}

export interface WorkItemView extends WorkItem {
  demandList: Pick<
    Demand,
    'id' | 'requestId' | 'department' | 'title' | 'due' | 'priority' | 'window' | 'state'
  >[];
  fields: ItemFieldView[];
  conflictList: ItemShape['conflicts'];
}

async function view(
  db: Db,
  item: WorkItem,
): Promise<{ view: WorkItemView; demands: Demand[]; shape: ItemShape }> {
  const all = await demandsOf(db, [item.id]);
  const demands = item.state === 'done' ? all : all.filter((d) => d.state === 'open');
  // An item another area raised has no demands: a task that asks no fields.
  const shape: ItemShape =
    all.length === 0
      ? {
          fields: [],
          conflicts: [],
          due: item.due.getTime() / 1000,
          priority: item.priority,
          departments: [],
        }
      : itemShape(demands.length > 0 ? demands : all);
  const keys = shape.fields.map((f) => f.key);
  // The platform's data at the window's end (an empty window is the day its demand arrived).
  const on = item.window.to;
  // One after another: inside a transaction `db` is one connection.
  const earlier = await earlierValues(db, item.placeId, keys, item.window);
  const derived = await derivedValues(db, item.placeId, keys, on);
  const given = await itemValues(db, item.id);
  const fields = shape.fields.map((f) => {
    const key = answerKey(f, shape);
    const prefill = earlier.get(f.key) ?? derived.get(f.key) ?? null;
    const fits = prefill !== null && 'value' in checkValue(f.type, prefill.value);
    return { ...f, answerKey: key, prefill: fits ? prefill : null, answer: given.get(key) ?? null };
  });
  return {
    view: {
      ...item,
      demandList: all.map((d) => ({
        id: d.id,
        requestId: d.requestId,
        department: d.department,
        title: d.title,
        due: d.due,
        priority: d.priority,
        window: d.window,
        state: d.state,
      })),
      fields,
      conflictList: shape.conflicts,
    },
    demands,
    shape,
  };
}

export async function getWorkItem(db: Db, id: string, actor: InboxActor): Promise<WorkItemView> {
  const item = await itemById(db, id, { scope: actor.scope, now: actor.now });
  if (!item) throw new RenxingError('RX_NOT_FOUND');
  return (await view(db, item)).view;
}

/**
 * Answers an item's fields (`values` by answer key; a pre-filled value sent back unchanged counts
 * as confirmed). Each department's demand receives its own fields' answers; when every field has
 * one, the item and its demands are done.
 */
export async function answerWorkItem(
  db: Db,
  id: string,
  values: Record<string, unknown>,
  actor: InboxActor,
): Promise<WorkItemView> {
  return db.transaction(async (tx) => {
    const item = await itemById(tx, id, { scope: actor.scope, now: actor.now, lock: true });
    if (!item) throw new RenxingError('RX_NOT_FOUND');
    if (item.state === 'done')
      throw new RenxingError('RX_ITEM_TRANSITION', { from: 'done', to: 'done' }, 'body');
    const { view: before, demands } = await view(tx, item);
    const byKey = new Map(before.fields.map((f) => [f.answerKey, f]));
    const given: { field: ItemFieldView; value: FieldValue; prefilled: boolean }[] = [];
    for (const [key, raw] of Object.entries(values)) {
      const field = byKey.get(key);
      if (!field)
        throw invalid(`body.values.${key}`, { en: 'not a field of this item', 'zh-CN': '不是此事项的字段' });
      const checked = checkValue(field.type, raw);
      if ('error' in checked) throw invalid(`body.values.${key}`, checked.error);
      const prefilled = field.prefill !== null && field.prefill.value === checked.value;
      given.push({ field, value: checked.value, prefilled });
    }
    if (given.length === 0) throw invalid('body.values', { en: 'no values', 'zh-CN': '没有填写任何值' });
    await insertValues(
      tx,
      given.map((g) => ({
        placeId: item.placeId,
        itemId: item.id,
        key: g.field.answerKey,
        type: g.field.type,
        window: item.window,
        value: g.value,
        prefilled: g.prefilled,
        source: g.prefilled ? g.field.prefill!.source : null,
        enteredBy: actor.userId,
        enteredAt: actor.now,
      })),
    );
    const answered = new Map(
      before.fields.filter((f) => f.answer).map((f) => [f.answerKey, f.answer!.value]),
    );
    for (const g of given) answered.set(g.field.answerKey, g.value);
    // Each demand gets the answers to its own fields, under the keys it asked with.
    const perDemand = new Map<string, Record<string, unknown>>();
    for (const d of demands) {
      const own: Record<string, unknown> = {};
      for (const f of d.fields) {
        const field = before.fields.find((x) => x.key === f.key && x.type === f.type)!;
        if (answered.has(field.answerKey)) own[f.key] = answered.get(field.answerKey);
      }
      perDemand.set(d.id, own);
    }
    await setDemandAnswers(tx, perDemand);
    const complete = before.fields.every((f) => answered.has(f.answerKey));
    const state: ItemState = complete ? 'done' : 'in_progress';
    if (state !== item.state) await finishItem(tx, item.id, state, actor.userId, actor.now);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'inbox.item.answer',
      subjectType: 'work_item',
      subjectId: item.id,
      detail: {
        entered: given.filter((g) => !g.prefilled).length,
        prefilled: given.filter((g) => g.prefilled).length,
        keys: given.map((g) => g.field.answerKey),
        state,
        departments: item.departments,
      },
    });
    const after = await itemById(tx, id, { scope: actor.scope, now: actor.now });
    return (await view(tx, after!)).view;
  });
}

/** Moves an item along open → in_progress → done (a task is finished this way). */
export async function updateWorkItem(
  db: Db,
  id: string,
  patch: { state: ItemState; note?: string },
  actor: InboxActor,
): Promise<WorkItemView> {
  return db.transaction(async (tx) => {
    const item = await itemById(tx, id, { scope: actor.scope, now: actor.now, lock: true });
    if (!item) throw new RenxingError('RX_NOT_FOUND');
    if (!itemTransitionAllowed(item.state, patch.state)) {
      throw new RenxingError('RX_ITEM_TRANSITION', { from: item.state, to: patch.state }, 'body.state');
    }
    await finishItem(tx, item.id, patch.state, actor.userId, actor.now);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'inbox.item.update',
      subjectType: 'work_item',
      subjectId: item.id,
      reason: patch.note ?? null,
      detail: {
        from: item.state,
        to: patch.state,
        departments: item.departments,
        ...(item.origin === null ? {} : { origin: item.origin, ref: item.originRef }),
      },
    });
    const after = await itemById(tx, id, { scope: actor.scope, now: actor.now });
    return (await view(tx, after!)).view;
  });
}
