/**
 * Coverage of a round (shared/contracts/screening.md, "Coverage of a round"): expected, exempt,
 * tested and untested people per community, households where nobody was tested, and the round's
 * separate counts of people sampled, tubes, lab tests, results resolved, re-tests and positives.
 */
import { type Db, subtree } from '@renxing/db';
import { maskPhone } from '@renxing/modules/follow-up';

export interface CommunityCoverage {
  path: string;
  name: string;
  lon: number | null;
  lat: number | null;
  expected: number;
  exempt: number;
  tested: number;
  untested: number;
  /** Households with expected people of whom nobody was tested. */
  untestedHouseholds: number;
}

/** Per community under `under` (people homed above community level are under the key ''), from the round's counters. */
export async function communityCoverage(
  db: Db,
  roundId: string,
  under: string,
): Promise<CommunityCoverage[]> {
  const { rows } = await db.query<{
    path: string | null;
    name: string | null;
    lon: number | null;
    lat: number | null;
    expected: number;
    exempt: number;
    tested: number;
    untested_households: number;
  }>(
    `SELECT c.path, c.name, c.lon, c.lat, s.expected, s.exempt, s.tested, s.untested_households
       FROM screening_community_counts s LEFT JOIN places c ON c.id = s.community_id
      WHERE s.round_id = $1 AND (c.path IS NULL OR ${subtree('c.path', '$2')} OR ${subtree('$2', 'c.path')})
      ORDER BY c.path NULLS FIRST`,
    [roundId, under],
  );
  return rows.map((r) => ({
    path: r.path ?? '',
    name: r.name ?? '',
    lon: r.lon,
    lat: r.lat,
    expected: r.expected,
    exempt: r.exempt,
    tested: r.tested,
    untested: r.expected - r.tested,
    untestedHouseholds: r.untested_households,
  }));
}

export interface RoundCounts {
  peopleSampled: number;
  tubes: number;
  sealedTubes: number;
  labTests: number;
  /** Individual results: members of negative tubes and of positive single tubes. */
  resolved: number;
  awaitingRetest: number;
  positives: number;
  positivePools: number;
  pending: number;
}

/**
 * The round's counts over the tubes taken at its sites under `under` (all its sites when `under`
 * is at or above them: people sampled then comes from the round's counter).
 */
export async function roundCounts(db: Db, roundId: string, under: string): Promise<RoundCounts> {
  const { rows } = await db.query<RoundCounts>(
    `WITH tubes AS (
       SELECT t.* FROM screening_tubes t JOIN screening_sites s ON s.id = t.site_id JOIN places p ON p.id = s.place_id
        WHERE t.round_id = $1 AND (${subtree('p.path', '$2')} OR ${subtree('$2', 'p.path')})
     ), positive AS (
       SELECT m.person_id, t.k, t.sampled_at FROM screening_members m JOIN tubes t ON t.barcode = m.barcode
        WHERE t.result = 'positive'
     )
     SELECT (CASE WHEN NOT EXISTS (SELECT 1 FROM screening_sites s JOIN places p ON p.id = s.place_id
                                   WHERE s.round_id = $1 AND NOT ${subtree('p.path', '$2')} AND NOT ${subtree('$2', 'p.path')})
                  THEN (SELECT people_sampled FROM screening_rounds WHERE id = $1)
                  ELSE (SELECT count(DISTINCT m.person_id) FROM screening_members m JOIN tubes t ON t.barcode = m.barcode)
             END)::int AS "peopleSampled",
            (SELECT count(*) FROM tubes)::int AS tubes,
            (SELECT count(*) FROM tubes WHERE sealed_at IS NOT NULL)::int AS "sealedTubes",
            (SELECT count(*) FROM tubes WHERE result IS NOT NULL)::int AS "labTests",
            (SELECT coalesce(sum(members), 0) FROM tubes WHERE result = 'negative' OR (k = 1 AND result = 'positive'))::int AS resolved,
            (SELECT count(DISTINCT m.person_id) FROM positive m
              WHERE m.k > 1
                AND NOT EXISTS (SELECT 1 FROM screening_members m2 JOIN screening_tubes s ON s.barcode = m2.barcode
                                 WHERE m2.person_id = m.person_id AND s.k = 1 AND s.result IN ('negative', 'positive')
                                   AND s.sampled_at > m.sampled_at))::int AS "awaitingRetest",
            (SELECT count(DISTINCT person_id) FROM positive WHERE k = 1)::int AS positives,
            (SELECT count(*) FROM tubes WHERE k > 1 AND result = 'positive')::int AS "positivePools",
            (SELECT count(*) FROM tubes WHERE result IS NULL)::int AS pending`,
    [roundId, under],
  );
  return rows[0];
}

/** The hourly capacity of the round's sites. */
export async function siteCapacity(db: Db, roundId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT coalesce(sum(capacity_per_hour), 0)::int AS n FROM screening_sites WHERE round_id = $1',
    [roundId],
  );
  return rows[0].n;
}

export interface UntestedPerson {
  personId: string;
  name: string;
  phoneMasked: string | null;
  address: string | null;
  householdId: string | null;
  /** The household as people know it: its address, else its key from the registry's import. */
  household: string | null;
  community: string;
  communityName: string;
  /** Set when listing the exempt. */
  exemptReason: string | null;
  exemptNote: string | null;
}

/** Expected people under `under` not yet tested (or, with `exempt`, those exempted), by community, household and name. */
export async function untestedPeople(
  db: Db,
  roundId: string,
  under: string,
  page: { limit: number; offset: number; exempt?: boolean },
): Promise<{ total: number; people: UntestedPerson[] }> {
  const who = page.exempt
    ? 'e.exempt_reason IS NOT NULL'
    : 'e.exempt_reason IS NULL AND e.first_sampled_at IS NULL';
  const where = `e.round_id = $1 AND ${who}
                 AND (c.path IS NULL AND ${subtree("''", '$2')} OR ${subtree('c.path', '$2')} OR ${subtree('$2', 'c.path')})`;
  const [{ rows: total }, { rows }] = await Promise.all([
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM screening_expected e LEFT JOIN places c ON c.id = e.community_id WHERE ${where}`,
      [roundId, under],
    ),
    db.query<{
      person_id: string;
      name: string;
      phone: string | null;
      home_address: string | null;
      household_id: string | null;
      household: string | null;
      community: string | null;
      community_name: string | null;
      exempt_reason: string | null;
      exempt_note: string | null;
    }>(
      `SELECT e.person_id, pe.name, pe.phone, pe.home_address, e.household_id, coalesce(hh.address, hh.import_key) AS household,
              c.path AS community, c.name AS community_name, e.exempt_reason, e.exempt_note
         FROM screening_expected e JOIN people pe ON pe.id = e.person_id LEFT JOIN places c ON c.id = e.community_id
         LEFT JOIN households hh ON hh.id = e.household_id
        WHERE ${where}
        ORDER BY c.path NULLS FIRST, e.household_id NULLS LAST, pe.name, e.person_id
        LIMIT $3 OFFSET $4`,
      [roundId, under, page.limit, page.offset],
    ),
  ]);
  return {
    total: total[0].n,
    people: rows.map((r) => ({
      personId: r.person_id,
      name: r.name,
      phoneMasked: maskPhone(r.phone),
      address: r.home_address,
      householdId: r.household_id,
      household: r.household,
      community: r.community ?? '',
      communityName: r.community_name ?? '',
      exemptReason: r.exempt_reason,
      exemptNote: r.exempt_note,
    })),
  };
}

/** Prevalence inputs: per finished round reaching `scope`, its tubes with results by size and positivity. */
export async function recentTubeResults(
  db: Db,
  roundIds: readonly string[],
): Promise<{ roundId: string; k: number; tubes: number; positive: number }[]> {
  const { rows } = await db.query<{ round_id: string; k: number; tubes: number; positive: number }>(
    `SELECT round_id, k, count(*)::int AS tubes, count(*) FILTER (WHERE result = 'positive')::int AS positive
       FROM screening_tubes WHERE round_id = ANY($1::uuid[]) AND result IN ('negative', 'positive')
      GROUP BY round_id, k ORDER BY round_id, k`,
    [roundIds],
  );
  return rows.map((r) => ({ roundId: r.round_id, k: r.k, tubes: r.tubes, positive: r.positive }));
}
