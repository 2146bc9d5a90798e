/**
 * Cases and companions that arrive from another city (a federation hand-off): the other city's
 * case as a case here (found again by its label, never detected here), and a companion whose
 * person is already known (the hand-off resolved or registered them).
 */
import type { Db } from '@renxing/db';
import { type Case, caseById } from './cases.js';

/** The case of another city, by its label here (`成都市·病例12`): found, or created with its detection done. */
export async function externalCase(
  db: Db,
  c: { label: string; subjectPseudonym: string; confirmedAt: Date; preset: string },
): Promise<Case> {
  const { rows } = await db.query<{ id: string }>(
    `WITH found AS (SELECT id FROM cases WHERE label = $1),
          made AS (
            INSERT INTO cases (number, label, subject_pseudonym, confirmed_at, preset, detection_state, detected_at)
            SELECT nextval('case_number_seq'), $1, $2, $3, $4, 'done', $3
             WHERE NOT EXISTS (SELECT 1 FROM found)
            RETURNING id)
     SELECT id FROM found UNION ALL SELECT id FROM made`,
    [c.label, c.subjectPseudonym, c.confirmedAt, c.preset],
  );
  return (await caseById(db, rows[0].id))!;
}

/** A companion of `caseId` who is `personId` (one row per case and subject; the evidence refreshed). */
export async function insertKnownCompanion(
  db: Db,
  caseId: string,
  c: {
    personId: string;
    subjectPseudonym: string;
    cell: string;
    overlapStart: number;
    overlapEnd: number;
    overlapS: number;
  },
): Promise<number> {
  const { rows } = await db.query<{ id: string | number }>(
    `INSERT INTO companions (case_id, person_id, subject_pseudonym, cell, overlap_start, overlap_end, overlap_s)
     VALUES ($1, $2, $3, $4, to_timestamp($5), to_timestamp($6), $7)
     ON CONFLICT (case_id, subject_pseudonym) DO UPDATE
       SET person_id = EXCLUDED.person_id, cell = EXCLUDED.cell, overlap_start = EXCLUDED.overlap_start,
           overlap_end = EXCLUDED.overlap_end, overlap_s = EXCLUDED.overlap_s, detected_at = now()
     RETURNING id`,
    [caseId, c.personId, c.subjectPseudonym, c.cell, c.overlapStart, c.overlapEnd, c.overlapS],
  );
  await db.query(
    'UPDATE cases SET companion_count = (SELECT count(*) FROM companions WHERE case_id = $1) WHERE id = $1',
    [caseId],
  );
  return Number(rows[0].id);
}

export interface CompanionRecord {
  id: number;
  caseId: string;
  personId: string | null;
  subjectPseudonym: string;
  cell: string;
  overlapStart: number;
  overlapEnd: number;
  overlapS: number;
}

/** One companion row by id. */
export async function companionById(db: Db, id: number): Promise<CompanionRecord | undefined> {
  const { rows } = await db.query<{
    id: string | number;
    case_id: string;
    person_id: string | null;
    subject_pseudonym: string;
    cell: string;
    s: string | number;
    e: string | number;
    overlap_s: number;
  }>(
    `SELECT id, case_id, person_id, subject_pseudonym, cell, extract(epoch FROM overlap_start) AS s,
            extract(epoch FROM overlap_end) AS e, overlap_s
       FROM companions WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  return (
    r && {
      id: Number(r.id),
      caseId: r.case_id,
      personId: r.person_id,
      subjectPseudonym: r.subject_pseudonym,
      cell: r.cell,
      overlapStart: Number(r.s),
      overlapEnd: Number(r.e),
      overlapS: r.overlap_s,
    }
  );
}
