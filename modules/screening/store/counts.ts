/**
 * Coverage counters (migration 0016): per household and per community of each round, and the
 * round's people sampled. Kept with every sample and exemption, rebuilt whole by recountRound, so
 * a round's coverage is one row per community whatever the number of residents.
 */
import type { Db } from '@renxing/db';

const NO_COMMUNITY = "'00000000-0000-0000-0000-000000000000'::uuid";

/** Rebuilds every counter of the round from its rows (after its snapshot, or rows written in bulk). */
export async function recountRound(db: Db, roundId: string): Promise<void> {
  await db.query('DELETE FROM screening_household_counts WHERE round_id = $1', [roundId]);
  await db.query('DELETE FROM screening_community_counts WHERE round_id = $1', [roundId]);
  await db.query(
    `INSERT INTO screening_household_counts (round_id, household_id, community_id, expected, tested)
     SELECT $1, household_id, min(community_id::text)::uuid,
            count(*) FILTER (WHERE exempt_reason IS NULL),
            count(*) FILTER (WHERE exempt_reason IS NULL AND first_sampled_at IS NOT NULL)
       FROM screening_expected WHERE round_id = $1 AND household_id IS NOT NULL GROUP BY household_id`,
    [roundId],
  );
  await db.query(
    `INSERT INTO screening_community_counts (round_id, community_id, expected, exempt, tested, untested_households)
     SELECT $1, e.community_id, e.expected, e.exempt, e.tested, coalesce(h.untested, 0)
       FROM (SELECT community_id, count(*) FILTER (WHERE exempt_reason IS NULL)::int AS expected,
                    count(*) FILTER (WHERE exempt_reason IS NOT NULL)::int AS exempt,
                    count(*) FILTER (WHERE exempt_reason IS NULL AND first_sampled_at IS NOT NULL)::int AS tested
               FROM screening_expected WHERE round_id = $1 GROUP BY community_id) e
       LEFT JOIN (SELECT community_id, count(*)::int AS untested FROM screening_household_counts
                   WHERE round_id = $1 AND expected > 0 AND tested = 0 GROUP BY community_id) h
         ON coalesce(h.community_id, ${NO_COMMUNITY}) = coalesce(e.community_id, ${NO_COMMUNITY})`,
    [roundId],
  );
  await db.query(
    `UPDATE screening_rounds SET people_sampled = (
       SELECT count(DISTINCT m.person_id) FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
        WHERE t.round_id = $1) WHERE id = $1`,
    [roundId],
  );
}

/**
 * The person sampled at `sampledAt`: tested in every round whose window holds it (an earlier
 * sample moves their first sample back), the counters of the rounds where they were not tested
 * yet moved on — a household whose first member this is leaves the untested households.
 */
export async function markTested(db: Db, personId: string, sampledAt: Date): Promise<void> {
  await db.query(
    `WITH newly AS (
       UPDATE screening_expected e SET first_sampled_at = $2
         FROM screening_rounds r
        WHERE e.person_id = $1 AND r.id = e.round_id AND $2 BETWEEN r.starts_at AND r.ends_at
          AND e.first_sampled_at IS NULL
       RETURNING e.round_id, e.community_id, e.household_id, e.exempt_reason
     ), households AS (
       UPDATE screening_household_counts h SET tested = h.tested + 1
         FROM newly n
        WHERE n.exempt_reason IS NULL AND h.round_id = n.round_id AND h.household_id = n.household_id
       RETURNING h.round_id, h.tested
     ), communities AS (
       UPDATE screening_community_counts c
          SET tested = c.tested + 1,
              untested_households = c.untested_households
                - (SELECT count(*) FROM households h WHERE h.round_id = c.round_id AND h.tested = 1)
         FROM newly n
        WHERE n.exempt_reason IS NULL AND c.round_id = n.round_id
          AND coalesce(c.community_id, ${NO_COMMUNITY}) = coalesce(n.community_id, ${NO_COMMUNITY})
       RETURNING 1
     )
     -- Every data-modifying WITH runs to completion; this last one moves a first sample back.
     UPDATE screening_expected e SET first_sampled_at = $2
       FROM screening_rounds r
      WHERE e.person_id = $1 AND r.id = e.round_id AND $2 BETWEEN r.starts_at AND r.ends_at
        AND e.first_sampled_at > $2`,
    [personId, sampledAt],
  );
}

/** One more distinct person in the round's tubes. */
export async function countPersonSampled(db: Db, roundId: string): Promise<void> {
  await db.query('UPDATE screening_rounds SET people_sampled = people_sampled + 1 WHERE id = $1', [roundId]);
}

/** Recounts the household and the community of a person whose exemption changed. */
export async function recountPerson(db: Db, roundId: string, personId: string): Promise<void> {
  const { rows } = await db.query<{ household_id: string | null; community_id: string | null }>(
    'SELECT household_id, community_id FROM screening_expected WHERE round_id = $1 AND person_id = $2',
    [roundId, personId],
  );
  if (!rows[0]) return;
  const { household_id: household, community_id: community } = rows[0];
  if (household) {
    await db.query(
      `UPDATE screening_household_counts h SET
              expected = (SELECT count(*) FROM screening_expected e
                           WHERE e.round_id = $1 AND e.household_id = $2 AND e.exempt_reason IS NULL),
              tested = (SELECT count(*) FROM screening_expected e
                         WHERE e.round_id = $1 AND e.household_id = $2 AND e.exempt_reason IS NULL
                           AND e.first_sampled_at IS NOT NULL)
        WHERE h.round_id = $1 AND h.household_id = $2`,
      [roundId, household],
    );
  }
  await db.query(
    `UPDATE screening_community_counts c SET expected = s.expected, exempt = s.exempt, tested = s.tested,
            untested_households = (SELECT count(*) FROM screening_household_counts h
                                    WHERE h.round_id = $1 AND h.expected > 0 AND h.tested = 0
                                      AND coalesce(h.community_id, ${NO_COMMUNITY}) = coalesce($2::uuid, ${NO_COMMUNITY}))
       FROM (SELECT count(*) FILTER (WHERE exempt_reason IS NULL)::int AS expected,
                    count(*) FILTER (WHERE exempt_reason IS NOT NULL)::int AS exempt,
                    count(*) FILTER (WHERE exempt_reason IS NULL AND first_sampled_at IS NOT NULL)::int AS tested
               FROM screening_expected
              WHERE round_id = $1 AND coalesce(community_id, ${NO_COMMUNITY}) = coalesce($2::uuid, ${NO_COMMUNITY})) s
      WHERE c.round_id = $1 AND coalesce(c.community_id, ${NO_COMMUNITY}) = coalesce($2::uuid, ${NO_COMMUNITY})`,
    [roundId, community],
  );
}
