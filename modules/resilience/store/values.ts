/** Reading a computed date's scores and values (written by runs.ts). */
import type { EvidenceRecord, Text } from '@renxing/contracts';
import { type Db, subtree } from '@renxing/db';
import {
  COMMUNITY_COLUMNS,
  COMMUNITY_JOINS,
  type CommunityInfo,
  type CommunityRow,
  toCommunity,
} from './places.js';
import type { StoredScore, StoredValue } from './runs.js';

export type Scores = Omit<StoredScore, 'community'>;

interface ScoreRow {
  engineering: number | null;
  institutional: number | null;
  social: number | null;
  index: number | null;
  self_organisation: number | null;
  redundancy: number | null;
  adaptability: number | null;
  rank: number | null;
  indicators: number;
  residents: number;
}

const SCORE_COLUMNS = `r.engineering, r.institutional, r.social, r.index, r.self_organisation, r.redundancy,
  r.adaptability, r.rank, r.indicators, r.residents`;

const num = (x: number | null): number | null => (x === null ? null : Number(x));
const toScores = (r: ScoreRow): Scores => ({
  engineering: num(r.engineering),
  institutional: num(r.institutional),
  social: num(r.social),
  index: num(r.index),
  self_organisation: num(r.self_organisation),
  redundancy: num(r.redundancy),
  adaptability: num(r.adaptability),
  rank: r.rank,
  indicators: r.indicators,
  residents: r.residents,
});

/** The scores of `date` of the communities at or under `scope` (null: all), by rank then path. */
export async function scoresOn(
  db: Db,
  date: string,
  scope: string | null,
): Promise<{ community: CommunityInfo; scores: Scores }[]> {
  const params: unknown[] = [date];
  let where = '';
  if (scope !== null) {
    params.push(scope);
    where = `AND ${subtree('c.path', '$2')}`;
  }
  const { rows } = await db.query<ScoreRow & CommunityRow>(
    `SELECT ${COMMUNITY_COLUMNS}, ${SCORE_COLUMNS}
       FROM resilience_scores r
       JOIN places c ON c.id = r.community_id
       ${COMMUNITY_JOINS}
      WHERE r.date = $1::date ${where}
      ORDER BY r.rank NULLS LAST, c.path`,
    params,
  );
  return rows.map((r) => ({ community: toCommunity(r), scores: toScores(r) }));
}

/** One community's scores on `date`. */
export async function scoresOf(db: Db, date: string, community: string): Promise<Scores | undefined> {
  const { rows } = await db.query<ScoreRow>(
    `SELECT ${SCORE_COLUMNS} FROM resilience_scores r WHERE r.date = $1::date AND r.community_id = $2`,
    [date, community],
  );
  return rows[0] && toScores(rows[0]);
}

/** One community's scores on its most recent computed dates up to `date` (at most `limit`), oldest first. */
export async function scoreHistory(
  db: Db,
  community: string,
  date: string,
  limit = 90,
): Promise<(Scores & { date: string })[]> {
  const { rows } = await db.query<ScoreRow & { date: string }>(
    `SELECT * FROM (
       SELECT to_char(r.date, 'YYYY-MM-DD') AS date, ${SCORE_COLUMNS}
         FROM resilience_scores r
        WHERE r.community_id = $1 AND r.date <= $2::date
        ORDER BY r.date DESC LIMIT $3) h
      ORDER BY date`,
    [community, date, limit],
  );
  return rows.map((r) => ({ date: r.date, ...toScores(r) }));
}

interface ValueRow {
  community_id: string;
  key: string;
  value: number;
  normalised: number | null;
  numerator: number;
  denominator: number;
  summary: Text;
  records?: EvidenceRecord[];
  record_count: number;
}

const toValue = (r: ValueRow): StoredValue => ({
  community: r.community_id,
  key: r.key,
  value: Number(r.value),
  normalised: num(r.normalised),
  numerator: Number(r.numerator),
  denominator: Number(r.denominator),
  summary: r.summary,
  records: r.records ?? [],
  recordCount: r.record_count,
});

/** One community's values on `date` (with their records when asked), in key byte order. */
export async function valuesOf(
  db: Db,
  date: string,
  community: string,
  o: { records?: boolean } = {},
): Promise<StoredValue[]> {
  const { rows } = await db.query<ValueRow>(
    `SELECT community_id, key, value, normalised, numerator, denominator, summary, record_count
            ${o.records ? ', records' : ''}
       FROM resilience_values
      WHERE date = $1::date AND community_id = $2
      ORDER BY key COLLATE "C"`,
    [date, community],
  );
  return rows.map(toValue);
}

/** Every value of `date` (community, key, value): what the city's ranges and medians are computed from. */
export async function cityValues(
  db: Db,
  date: string,
): Promise<{ community: string; key: string; value: number }[]> {
  const { rows } = await db.query<{ community_id: string; key: string; value: number }>(
    'SELECT community_id, key, value FROM resilience_values WHERE date = $1::date',
    [date],
  );
  return rows.map((r) => ({ community: r.community_id, key: r.key, value: Number(r.value) }));
}

/** Each indicator's spread on `date`: min, max and how many communities have a value. */
export async function rangesOn(
  db: Db,
  date: string,
): Promise<Map<string, { min: number; max: number; count: number }>> {
  const { rows } = await db.query<{ key: string; min: number; max: number; count: string | number }>(
    'SELECT key, min(value) AS min, max(value) AS max, count(*) AS count FROM resilience_values WHERE date = $1::date GROUP BY key',
    [date],
  );
  return new Map(
    rows.map((r) => [r.key, { min: Number(r.min), max: Number(r.max), count: Number(r.count) }]),
  );
}

/** How many communities have a value of each indicator on `date`. */
export async function countsOn(db: Db, date: string): Promise<Map<string, number>> {
  const ranges = await rangesOn(db, date);
  return new Map([...ranges].map(([key, r]) => [key, r.count]));
}
