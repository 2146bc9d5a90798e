/**
 * Field values a community entered once, and the values the platform derives from its own data:
 * what an item's fields are pre-filled with (value, source, date).
 */
import type { Db } from '@renxing/db';
import { ageOn } from '../rules/burden.js';
import type { FieldValue } from '../rules/items.js';

export interface Prefill {
  value: FieldValue;
  /** `item:<id>` (an earlier answer) or `platform:<what>`. */
  source: string;
  /** When the value was given, or the date it was derived for (YYYY-MM-DD). */
  date: string;
}

/** The latest value this community gave for `key` in a window overlapping [from, to]. */
export async function earlierValues(
  db: Db,
  placeId: string,
  keys: readonly string[],
  window: { from: string; to: string },
): Promise<Map<string, Prefill>> {
  const { rows } = await db.query<{ key: string; value: FieldValue; item_id: string; entered_at: Date }>(
    `SELECT DISTINCT ON (key) key, value, item_id, entered_at FROM field_values
      WHERE place_id = $1 AND key = ANY($2::text[]) AND window_from <= $4::date AND $3::date <= window_to
      ORDER BY key, entered_at DESC, id DESC`,
    [placeId, keys, window.from, window.to],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { value: r.value, source: `item:${r.item_id}`, date: r.entered_at.toISOString().slice(0, 10) },
    ]),
  );
}

/** The keys the platform derives, each from its own data for a community on a date. */
export const DERIVED_KEYS = [
  'residents.count',
  'residents.over_60',
  'residents.over_80',
  'households.count',
  'health_codes.green',
  'health_codes.yellow',
  'health_codes.red',
  'follow_up.open',
] as const;

/** Values of the derived keys asked for, for one community at the window's end (or today). */
export async function derivedValues(
  db: Db,
  placeId: string,
  keys: readonly string[],
  on: string,
): Promise<Map<string, Prefill>> {
  const want = new Set(keys.filter((k) => (DERIVED_KEYS as readonly string[]).includes(k)));
  const out = new Map<string, Prefill>();
  if (want.size === 0) return out;
  const put = (key: string, value: number, what: string) => {
    if (want.has(key)) out.set(key, { value, source: `platform:${what}`, date: on });
  };
  if (want.has('residents.count') || want.has('residents.over_60') || want.has('residents.over_80')) {
    const { rows } = await db.query<{ id_number: string | null }>(
      'SELECT id_number FROM people WHERE home_place_id = $1',
      [placeId],
    );
    let over60 = 0;
    let over80 = 0;
    for (const r of rows) {
      const age = ageOn(r.id_number, on);
      if (age !== null && age >= 60) over60++;
      if (age !== null && age >= 80) over80++;
    }
    put('residents.count', rows.length, 'people');
    put('residents.over_60', over60, 'people.id_number');
    put('residents.over_80', over80, 'people.id_number');
  }
  if (want.has('households.count')) {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM households WHERE place_id = $1',
      [placeId],
    );
    put('households.count', Number(rows[0].n), 'households');
  }
  if ([...want].some((k) => k.startsWith('health_codes.'))) {
    const { rows } = await db.query<{ total: string; yellow: string; red: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE hc.colour = 'yellow') AS yellow,
              count(*) FILTER (WHERE hc.colour = 'red') AS red
         FROM people p LEFT JOIN health_codes hc ON hc.person_id = p.id WHERE p.home_place_id = $1`,
      [placeId],
    );
    const [total, yellow, red] = [Number(rows[0].total), Number(rows[0].yellow), Number(rows[0].red)];
    put('health_codes.green', total - yellow - red, 'health_codes');
    put('health_codes.yellow', yellow, 'health_codes');
    put('health_codes.red', red, 'health_codes');
  }
  if (want.has('follow_up.open')) {
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM tasks WHERE place_id = $1 AND state IN ('pending', 'in_progress')",
      [placeId],
    );
    put('follow_up.open', Number(rows[0].n), 'tasks');
  }
  return out;
}

export interface NewFieldValue {
  placeId: string;
  itemId: string;
  key: string;
  type: string;
  window: { from: string; to: string };
  value: FieldValue;
  prefilled: boolean;
  source: string | null;
  enteredBy: string;
  enteredAt: Date;
}

export async function insertValues(db: Db, values: readonly NewFieldValue[]): Promise<void> {
  if (values.length === 0) return;
  await db.query(
    `INSERT INTO field_values (place_id, item_id, key, type, window_from, window_to, value, prefilled, source,
       entered_by, entered_at)
     SELECT v.place_id, v.item_id, v.key, v.type, v.wf, v.wt, v.value, v.prefilled, v.source, v.entered_by, v.at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::jsonb[],
                   $8::boolean[], $9::text[], $10::uuid[], $11::timestamptz[])
            AS v(place_id, item_id, key, type, wf, wt, value, prefilled, source, entered_by, at)`,
    [
      values.map((v) => v.placeId),
      values.map((v) => v.itemId),
      values.map((v) => v.key),
      values.map((v) => v.type),
      values.map((v) => v.window.from),
      values.map((v) => v.window.to),
      values.map((v) => JSON.stringify(v.value)),
      values.map((v) => v.prefilled),
      values.map((v) => v.source),
      values.map((v) => v.enteredBy),
      values.map((v) => v.enteredAt),
    ],
  );
}

/** The values given for one item (the latest per key). */
export async function itemValues(
  db: Db,
  itemId: string,
): Promise<Map<string, { value: FieldValue; prefilled: boolean; at: Date }>> {
  const { rows } = await db.query<{ key: string; value: FieldValue; prefilled: boolean; entered_at: Date }>(
    `SELECT DISTINCT ON (key) key, value, prefilled, entered_at FROM field_values WHERE item_id = $1
      ORDER BY key, entered_at DESC, id DESC`,
    [itemId],
  );
  return new Map(rows.map((r) => [r.key, { value: r.value, prefilled: r.prefilled, at: r.entered_at }]));
}
