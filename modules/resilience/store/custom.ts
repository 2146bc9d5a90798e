/** The city's own indicators and their uploaded values: the only file that knows `resilience_custom_*`. */
import type { Direction, IndicatorInfo, Mechanism, Trait } from '@renxing/contracts';
import type { Db } from '@renxing/db';

export interface CustomIndicatorRow {
  key: string;
  mechanism: Mechanism;
  trait: Trait;
  direction: Direction;
  unit: string;
  title: string;
  titleEn: string;
  definition: string;
  definitionEn: string;
}

interface Row {
  key: string;
  mechanism: Mechanism;
  trait: Trait;
  direction: Direction;
  unit: string;
  title: string;
  title_en: string;
  definition: string;
  definition_en: string;
}

/** The city's indicators by key (byte order), as users read them. */
export async function customIndicators(db: Db): Promise<IndicatorInfo[]> {
  const { rows } = await db.query<Row>(
    `SELECT key, mechanism, trait, direction, unit, title, title_en, definition, definition_en
       FROM resilience_custom_indicators ORDER BY key COLLATE "C"`,
  );
  return rows.map((r) => ({
    key: r.key,
    mechanism: r.mechanism,
    trait: r.trait,
    direction: r.direction,
    unit: r.unit,
    title: { 'zh-CN': r.title, en: r.title_en },
    definition: { 'zh-CN': r.definition, en: r.definition_en },
  }));
}

/** Adds or updates the city's indicators (one statement); answers how many rows were written. */
export async function upsertCustomIndicators(
  db: Db,
  rows: readonly CustomIndicatorRow[],
  by: { userId: string | null; at: Date },
): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof CustomIndicatorRow>(k: K) => rows.map((r) => r[k]);
  const { rows: written } = await db.query<{ key: string }>(
    `INSERT INTO resilience_custom_indicators
       (key, mechanism, trait, direction, unit, title, title_en, definition, definition_en, created_by, created_at, updated_at)
     SELECT v.key, v.mechanism, v.trait, v.direction, v.unit, v.title, v.title_en, v.definition, v.definition_en, $10, $11, $11
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS v(key, mechanism, trait, direction, unit, title, title_en, definition, definition_en)
     ON CONFLICT (key) DO UPDATE SET mechanism = excluded.mechanism, trait = excluded.trait,
       direction = excluded.direction, unit = excluded.unit, title = excluded.title, title_en = excluded.title_en,
       definition = excluded.definition, definition_en = excluded.definition_en, updated_at = excluded.updated_at
     RETURNING key`,
    [
      col('key'),
      col('mechanism'),
      col('trait'),
      col('direction'),
      col('unit'),
      col('title'),
      col('titleEn'),
      col('definition'),
      col('definitionEn'),
      by.userId,
      by.at,
    ],
  );
  return written.length;
}

export interface CustomValueRow {
  key: string;
  community: string;
  date: string;
  value: number;
}

/** Stores uploaded values (a value of the same key, community and date is replaced). */
export async function upsertCustomValues(
  db: Db,
  rows: readonly CustomValueRow[],
  by: { userId: string | null; at: Date },
): Promise<number> {
  if (rows.length === 0) return 0;
  const { rows: written } = await db.query<{ key: string }>(
    `INSERT INTO resilience_custom_values (key, community_id, date, value, recorded_by, recorded_at)
     SELECT v.key, v.community_id, v.date, v.value, $5, $6
       FROM unnest($1::text[], $2::uuid[], $3::date[], $4::float8[]) AS v(key, community_id, date, value)
     ON CONFLICT (key, community_id, date) DO UPDATE
       SET value = excluded.value, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
     RETURNING key`,
    [
      rows.map((r) => r.key),
      rows.map((r) => r.community),
      rows.map((r) => r.date),
      rows.map((r) => r.value),
      by.userId,
      by.at,
    ],
  );
  return written.length;
}

export interface DatedValue {
  key: string;
  community: string;
  value: number;
  /** The date the value was uploaded for. */
  date: string;
}

/** Each (key, community)'s newest value dated on or before `date`, for the keys given. */
export async function customValuesOn(db: Db, keys: readonly string[], date: string): Promise<DatedValue[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<{ key: string; community_id: string; value: number; date: string }>(
    `SELECT DISTINCT ON (key, community_id) key, community_id, value, to_char(date, 'YYYY-MM-DD') AS date
       FROM resilience_custom_values
      WHERE key = ANY($1::text[]) AND date <= $2::date
      ORDER BY key, community_id, date DESC`,
    [keys, date],
  );
  return rows.map((r) => ({ key: r.key, community: r.community_id, value: Number(r.value), date: r.date }));
}
