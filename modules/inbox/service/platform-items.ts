/**
 * Work other areas of the platform give a community (screening first: a single-tube re-test for
 * each member of a positive pooled tube, a re-sample for each member of an invalid one): one item
 * per person and cause in the community's inbox, beside departments' items, closed by the area
 * when what it waits for arrives. Both run in the caller's transaction; the caller writes the
 * audit row, as it knows why.
 */
import { invalid } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isOrigin, type Priority } from '../rules/items.js';
import {
  finishPlatformItems,
  finishPlatformItemsByRef,
  insertPlatformItems,
  unknownPlaceIds,
} from '../store/platform-items.js';
import { localDate } from './intake.js';

export interface PlatformItem {
  /** What raised it, `area.what`: 'screening.retest', 'screening.resample'. */
  origin: string;
  /** What it is about in that area (a tube's barcode, say). */
  ref: string;
  /** The person it is for; null for an item about no one person. */
  personId: string | null;
  /** The place whose inbox gets it: a community's, or (someone homed above community level, a street's store) the place's own. */
  placeId: string;
  /** Its duty code, as the list shows it: 'screening.retest'. */
  duty: string;
  title: string;
  due: Date;
  priority: Priority;
  /** Shown on the item's page (the tube's barcode, the round, …). */
  detail?: Record<string, unknown>;
}

function check(items: readonly PlatformItem[]): void {
  for (const [k, i] of items.entries()) {
    if (!isOrigin(i.origin)) {
      throw invalid(`items[${k}].origin`, { en: 'not area.what', 'zh-CN': '应为“领域.事项”格式' });
    }
    if (i.ref.trim() === '') throw invalid(`items[${k}].ref`, { en: 'empty', 'zh-CN': '为空' });
    if (i.title.trim() === '') throw invalid(`items[${k}].title`, { en: 'empty', 'zh-CN': '为空' });
    if (i.duty.trim() === '') throw invalid(`items[${k}].duty`, { en: 'empty', 'zh-CN': '为空' });
    if (Number.isNaN(i.due.getTime()))
      throw invalid(`items[${k}].due`, { en: 'not a date', 'zh-CN': '不是日期' });
  }
}

/**
 * Raises the items in their communities' inboxes (kind task, no departments, window the local
 * date of `at`, created at `at`). An item already raised — same origin, ref and person — is left
 * as it is, open or done, so raising again is a no-op. Answers how many were new.
 */
export async function raisePlatformItems(
  db: Db,
  items: PlatformItem[],
  at: Date,
): Promise<{ raised: number }> {
  check(items);
  const unique = new Map<string, PlatformItem>();
  for (const i of items) {
    const key = JSON.stringify([i.origin, i.ref, i.personId]);
    if (!unique.has(key)) unique.set(key, i);
  }
  if (unique.size === 0) return { raised: 0 };
  const rows = [...unique.values()].map((i) => ({ ...i, detail: i.detail ?? {} }));
  return db.transaction(async (tx) => {
    const wrong = await unknownPlaceIds(tx, [...new Set(rows.map((r) => r.placeId))]);
    if (wrong.length > 0) {
      throw invalid('items.placeId', {
        en: `no such place: ${wrong.join(', ')}`,
        'zh-CN': `没有这个地点：${wrong.join(', ')}`,
      });
    }
    // An item for no person is kept unique by a check, not the index: one raiser at a time.
    if (rows.some((r) => r.personId === null)) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['renxing.inbox.platform']);
    }
    const raised = await insertPlatformItems(tx, rows, { on: localDate(at), at });
    return { raised };
  });
}

/**
 * Marks done the open items of `origin` for these people (only those about `ref`, if given), at
 * `at` by no user (the platform closed them); `note` is kept in their detail. Answers how many.
 */
export async function closePlatformItems(
  db: Db,
  q: { origin: string; personIds: string[]; ref?: string },
  at: Date,
  note?: string,
): Promise<number> {
  return finishPlatformItems(db, q, at, note);
}

/**
 * Marks done the open items of `origin` about no person with these references (an area's items
 * about a thing rather than a person: an infrastructure alarm's, one per inbox), at `at` by no
 * user; `note` is kept in their detail. Answers how many.
 */
export async function closePlatformItemsByRef(
  db: Db,
  q: { origin: string; refs: readonly string[] },
  at: Date,
  note?: string,
): Promise<number> {
  return finishPlatformItemsByRef(db, q, at, note);
}
