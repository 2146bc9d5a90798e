/**
 * The fixture of `bench:screening` (bench/src/screening.ts), written with set-based SQL
 * (generate_series) so a million residents and a million tube members take seconds, not the
 * hours of a million API calls. Deterministic: resident `i` has the id md5('rx-bench-p' || i),
 * the ID number 500112 + i (12 digits) and the household i / 3; slot `j` of the round (tube j / 10,
 * position j % 10 + 1) holds resident `slotPerson(j)`.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@renxing/db';
import { insertPlaces, type NewPlace } from '@renxing/modules/places';
import { recountRound } from '@renxing/modules/screening';

export const DISTRICT = 'cq.yb';
export const POOL = 10;
/** Households of this number (mod 50) are never sampled: 2 % of the residents stay untested. */
const UNTESTED_HOUSEHOLD = 49;

/** The resident in slot `j`: slot j itself, except in untested households' slots, which hold a second swab of the resident 30 slots earlier (3 tubes before, so never the same tube). */
export function slotPerson(j: number): number {
  return Math.floor(j / 3) % 50 === UNTESTED_HOUSEHOLD ? j - 30 : j;
}
const SLOT_PERSON_SQL = `(CASE WHEN (j / 3) % 50 = ${UNTESTED_HOUSEHOLD} THEN j - 30 ELSE j END)`;

export const idNumber = (i: number): string => `500112${String(i).padStart(12, '0')}`;
export const barcode = (t: number): string => `YB${String(t).padStart(8, '0')}`;
const BARCODE_SQL = (t: string) => `'YB' || lpad((${t})::text, 8, '0')`;

/** The uuid PostgreSQL's md5('rx-bench-p' || i)::uuid gives. */
export function personId(i: number): string {
  const h = createHash('md5').update(`rx-bench-p${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The city: one district of `streets` × `perStreet` communities. Returns the communities' paths in order. */
export async function seedPlaces(db: Db, streets: number, perStreet: number): Promise<string[]> {
  const places: NewPlace[] = [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yb', name: '渝北区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
  ];
  const communities: string[] = [];
  for (let s = 1; s <= streets; s++) {
    const street = `jd${String(s).padStart(2, '0')}`;
    places.push({ parentPath: DISTRICT, level: 'street', code: street, name: `街道${s}` });
    for (let c = 1; c <= perStreet; c++) {
      const code = `sq${String(c).padStart(2, '0')}`;
      places.push({
        parentPath: `${DISTRICT}.${street}`,
        level: 'community',
        code,
        name: `社区${s}-${c}`,
        lon: 106.5 + s * 0.01,
        lat: 29.6 + c * 0.01,
      });
      communities.push(`${DISTRICT}.${street}.${code}`);
    }
  }
  await insertPlaces(db, places);
  return communities;
}

const SURNAMES = "ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭']";
const GIVEN =
  "ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平']";

/**
 * `people` residents in households of three, the households in contiguous runs per community
 * (neighbours live together), inserted `chunk` at a time. `onChunk` reports progress.
 */
export async function seedPeople(
  db: Db,
  people: number,
  onChunk: (done: number) => void,
  chunk = 100_000,
): Promise<void> {
  const households = Math.ceil(people / 3);
  const communities = `SELECT (row_number() OVER (ORDER BY path) - 1)::int AS ord, id, path FROM places
                        WHERE level = 'community' AND path LIKE '${DISTRICT}.%'`;
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${communities}) c`);
  const c = rows[0].n;
  await db.query(
    `INSERT INTO households (id, place_id, address)
     SELECT md5('rx-bench-h' || h)::uuid, c.id, '幸福路' || (h % 997) || '号' || (h % 31 + 1) || '单元'
       FROM generate_series(0, $1::int - 1) h JOIN (${communities}) c ON c.ord = (h::bigint * $2::int / $1::int)`,
    [households, c],
  );
  for (let from = 0; from < people; from += chunk) {
    const to = Math.min(people, from + chunk);
    await db.query(
      `INSERT INTO people (id, name, id_number, home_address, home_place_id, household_id)
       SELECT md5('rx-bench-p' || i)::uuid,
              (${SURNAMES})[1 + i % 16] || (${GIVEN})[1 + (i / 16) % 20] || (${GIVEN})[1 + (i / 320) % 20],
              '500112' || lpad(i::text, 12, '0'), h.address, h.place_id, h.id
         FROM generate_series($1::int, $2::int - 1) i JOIN households h ON h.id = md5('rx-bench-h' || (i / 3))::uuid`,
      [from, to],
    );
    onChunk(to);
  }
}

/**
 * Tubes `fromTube`..`tubes - 1` of the round, 10 members each (slots 10·t .. 10·t + 9), at the
 * round's sites in turn, sampled between `firstAt` and `lastAt` (epoch seconds) and sealed; then
 * every expected person's first sampling time, as the service keeps it (store/tubes.ts addMember),
 * and a tenth of the untested households exempt as away.
 */
export async function seedTubes(
  db: Db,
  o: {
    roundId: string;
    siteIds: string[];
    userId: string;
    fromTube: number;
    tubes: number;
    firstAt: number;
    lastAt: number;
    onChunk: (done: number) => void;
  },
  chunk = 20_000,
): Promise<void> {
  const step = (o.lastAt - o.firstAt) / Math.max(1, o.tubes);
  const at = (t: string) => `to_timestamp(${o.firstAt}::float8 + (${t}) * ${step}::float8)`;
  for (let from = o.fromTube; from < o.tubes; from += chunk) {
    const to = Math.min(o.tubes, from + chunk);
    // A fixture whose keys hold by construction: foreign keys are not checked row by row (replica mode).
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO screening_tubes (barcode, round_id, site_id, k, sampled_at, members, sealed_at, sealed_by, created_by)
       SELECT ${BARCODE_SQL('t')}, $1, ($2::uuid[])[1 + t % $3::int], ${POOL}, ${at('t')}, ${POOL},
              ${at('t')} + interval '20 minutes', $4, $4
         FROM generate_series($5::int, $6::int - 1) t`,
        [o.roundId, o.siteIds, o.siteIds.length, o.userId, from, to],
      );
      await tx.query(
        `INSERT INTO screening_members (barcode, person_id, position, scanned_at, scanned_by)
       SELECT ${BARCODE_SQL(`j / ${POOL}`)}, md5('rx-bench-p' || ${SLOT_PERSON_SQL})::uuid, j % ${POOL} + 1,
              ${at(`j / ${POOL}`)} + (j % ${POOL}) * interval '6 seconds', $1
         FROM generate_series($2::int, $3::int - 1) j`,
        [o.userId, from * POOL, to * POOL],
      );
    });
    o.onChunk(to);
  }
  await db.query(
    `UPDATE screening_expected e SET first_sampled_at = s.first
       FROM (SELECT m.person_id, min(t.sampled_at) AS first
               FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
              WHERE t.round_id = $1 GROUP BY m.person_id) s
      WHERE e.round_id = $1 AND e.person_id = s.person_id
        AND (e.first_sampled_at IS NULL OR e.first_sampled_at > s.first)`,
    [o.roundId],
  );
  await db.query(
    `UPDATE screening_expected SET exempt_reason = 'away'
      WHERE round_id = $1 AND first_sampled_at IS NULL
        AND person_id IN (SELECT md5('rx-bench-p' || i)::uuid FROM generate_series(0, $2::int - 1) i
                           WHERE (i / 3) % 500 = 499)`,
    [o.roundId, o.tubes * POOL],
  );
  // Rows written in bulk here, not by the services: rebuild the round's coverage counters.
  await recountRound(db, o.roundId);
}

/** The lab's file: one row per tube, `positive` per mille of them positive and `invalid` per mille invalid. */
export function resultFile(
  tubes: number,
  reportedAt: string,
  perMille: { positive: number; invalid: number },
): { csv: Uint8Array; positive: number; invalid: number } {
  const lines = ['tube,result,reported_at,lab'];
  let positive = 0;
  let invalid = 0;
  for (let t = 0; t < tubes; t++) {
    const r = (t * 7919 + 13) % 1000;
    const result =
      r < perMille.positive ? 'positive' : r < perMille.positive + perMille.invalid ? 'invalid' : 'negative';
    if (result === 'positive') positive++;
    if (result === 'invalid') invalid++;
    lines.push(`${barcode(t)},${result},${reportedAt},实验室${(t % 4) + 1}`);
  }
  return { csv: new TextEncoder().encode(`${lines.join('\n')}\n`), positive, invalid };
}

/** What resolving `results` amounts to for the `people` members, as the CLI writes it (person,tube,outcome,at). */
export function resolvedCsv(results: Uint8Array, people: number): Uint8Array {
  const outcome = new Map<string, string>();
  for (const l of new TextDecoder().decode(results).split('\n').slice(1)) {
    const [tube, result] = l.split(',');
    if (tube)
      outcome.set(
        tube,
        result === 'positive' ? 'awaiting_retest' : result === 'invalid' ? 'resample' : result,
      );
  }
  const lines = ['person,tube,outcome,at'];
  const at = new Date().toISOString();
  for (let j = 0; j < people; j++) {
    const tube = barcode(Math.floor(j / POOL));
    lines.push(`${personId(slotPerson(j))},${tube},${outcome.get(tube)},${at}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
