/**
 * Items other areas raise in a community's inbox, one per (origin, reference, person): inserted in
 * bulk, a repeat a no-op, and closed by the area when what they wait for arrives.
 */
import type { Db } from '@renxing/db';
import type { Priority } from '../rules/items.js';

export interface NewPlatformItem {
  origin: string;
  ref: string;
  personId: string | null;
  placeId: string;
  duty: string;
  title: string;
  due: Date;
  priority: Priority;
  detail: Record<string, unknown>;
}

/** Rows per INSERT: a few thousand keep each statement's arrays small and the count of statements low. */
export const INSERT_CHUNK = 2000;

/** The ids among `placeIds` that name no place. */
export async function unknownPlaceIds(db: Db, placeIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT x.id FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM places p WHERE p.id = x.id)`,
    [placeIds],
  );
  return rows.map((r) => r.id);
}

/**
 * Inserts the items (kind task, no departments, the window the local date `on`), skipping any
 * already raised: the unique index on (origin, origin_ref, subject_person_id) for a person's
 * item, an explicit check for an item with no person (NULLs are distinct in the index). `items`
 * must hold no two with one key. Answers how many were inserted.
 */
export async function insertPlatformItems(
  db: Db,
  items: readonly NewPlatformItem[],
  o: { on: string; at: Date },
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < items.length; start += INSERT_CHUNK) {
    const chunk = items.slice(start, start + INSERT_CHUNK);
    const { rowCount } = await db.query(
      `INSERT INTO work_items (place_id, duty, kind, title, due_at, priority, departments, window_from, window_to,
         created_at, updated_at, origin, origin_ref, subject_person_id, detail)
       SELECT x.place_id, x.duty, 'task', x.title, x.due_at, x.priority, '{}', $10::date, $10::date, $11, $11,
              x.origin, x.ref, x.person_id, x.detail
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::text[], $9::jsonb[]) WITH ORDINALITY
              AS x(origin, ref, person_id, place_id, duty, title, due_at, priority, detail, n)
        WHERE x.person_id IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM work_items w WHERE w.origin = x.origin AND w.origin_ref = x.ref
                                                        AND w.subject_person_id IS NULL)
        ORDER BY x.n
       ON CONFLICT (origin, origin_ref, subject_person_id) WHERE origin IS NOT NULL DO NOTHING`,
      [
        chunk.map((i) => i.origin),
        chunk.map((i) => i.ref),
        chunk.map((i) => i.personId),
        chunk.map((i) => i.placeId),
        chunk.map((i) => i.duty),
        chunk.map((i) => i.title),
        chunk.map((i) => i.due),
        chunk.map((i) => i.priority),
        chunk.map((i) => JSON.stringify(i.detail)),
        o.on,
        o.at,
      ],
    );
    inserted += rowCount;
  }
  return inserted;
}

/**
 * Marks the open items of `origin` for these people (and this reference, if given) done at `at`
 * (by no user); a note is kept in the detail as `closeNote`. Answers how many were closed.
 */
export async function finishPlatformItems(
  db: Db,
  q: { origin: string; personIds: readonly string[]; ref?: string },
  at: Date,
  note?: string,
): Promise<number> {
  if (q.personIds.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE work_items SET state = 'done', finished_at = $4, finished_by = NULL, updated_at = $4,
       detail = CASE WHEN $5::text IS NULL THEN detail ELSE detail || jsonb_build_object('closeNote', $5::text) END
     WHERE origin = $1 AND subject_person_id = ANY($2::uuid[]) AND ($3::text IS NULL OR origin_ref = $3)
       AND state <> 'done'`,
    [q.origin, q.personIds, q.ref ?? null, at, note ?? null],
  );
  return rowCount;
}

/** Marks the open items of `origin` about no person with these references done at `at` (by no user). */
export async function finishPlatformItemsByRef(
  db: Db,
  q: { origin: string; refs: readonly string[] },
  at: Date,
  note?: string,
): Promise<number> {
  if (q.refs.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE work_items SET state = 'done', finished_at = $3, finished_by = NULL, updated_at = $3,
       detail = CASE WHEN $4::text IS NULL THEN detail ELSE detail || jsonb_build_object('closeNote', $4::text) END
     WHERE origin = $1 AND origin_ref = ANY($2::text[]) AND subject_person_id IS NULL AND state <> 'done'`,
    [q.origin, q.refs, at, note ?? null],
  );
  return rowCount;
}
