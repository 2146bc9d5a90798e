/** Tubes and their members: sampling, sealing, and who awaits a single-tube re-test. */
import type { Db } from '@renxing/db';
import type { TubeResult } from '../rules/types.js';
import { markTested } from './counts.js';

export interface StoredTube {
  barcode: string;
  roundId: string | null;
  siteId: string | null;
  k: number;
  sampledAt: Date;
  members: number;
  sealedAt: Date | null;
  result: TubeResult | null;
  reportedAt: Date | null;
}

interface TubeRow {
  barcode: string;
  round_id: string | null;
  site_id: string | null;
  k: number;
  sampled_at: Date;
  members: number;
  sealed_at: Date | null;
  result: TubeResult | null;
  reported_at: Date | null;
}

const TUBE_COLUMNS = 'barcode, round_id, site_id, k, sampled_at, members, sealed_at, result, reported_at';

const toTube = (r: TubeRow): StoredTube => ({
  barcode: r.barcode,
  roundId: r.round_id,
  siteId: r.site_id,
  k: r.k,
  sampledAt: new Date(r.sampled_at),
  members: r.members,
  sealedAt: r.sealed_at && new Date(r.sealed_at),
  result: r.result,
  reportedAt: r.reported_at && new Date(r.reported_at),
});

/** The tube, locked until the transaction ends, created first when it is new. */
export async function lockOrCreateTube(
  db: Db,
  t: { barcode: string; roundId: string; siteId: string; k: number; at: Date; by: string },
): Promise<{ tube: StoredTube; created: boolean }> {
  const inserted = await db.query<TubeRow>(
    `INSERT INTO screening_tubes (barcode, round_id, site_id, k, sampled_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (barcode) DO NOTHING RETURNING ${TUBE_COLUMNS}`,
    [t.barcode, t.roundId, t.siteId, t.k, t.at, t.by],
  );
  if (inserted.rows[0]) return { tube: toTube(inserted.rows[0]), created: true };
  const { rows } = await db.query<TubeRow>(
    `SELECT ${TUBE_COLUMNS} FROM screening_tubes WHERE barcode = $1 FOR UPDATE`,
    [t.barcode],
  );
  return { tube: toTube(rows[0]), created: false };
}

export async function tubeByBarcode(db: Db, barcode: string): Promise<StoredTube | undefined> {
  const { rows } = await db.query<TubeRow>(`SELECT ${TUBE_COLUMNS} FROM screening_tubes WHERE barcode = $1`, [
    barcode,
  ]);
  return rows[0] && toTube(rows[0]);
}

export interface TubeMember {
  personId: string;
  name: string;
  position: number;
  scannedAt: Date;
}

export async function membersOf(db: Db, barcode: string): Promise<TubeMember[]> {
  const { rows } = await db.query<{ person_id: string; name: string; position: number; scanned_at: Date }>(
    `SELECT m.person_id, pe.name, m.position, m.scanned_at FROM screening_members m JOIN people pe ON pe.id = m.person_id
      WHERE m.barcode = $1 ORDER BY m.position`,
    [barcode],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.name,
    position: r.position,
    scannedAt: new Date(r.scanned_at),
  }));
}

/** The member's position when `personId` is already in the tube. */
export async function positionIn(db: Db, barcode: string, personId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ position: number }>(
    'SELECT position FROM screening_members WHERE barcode = $1 AND person_id = $2',
    [barcode, personId],
  );
  return rows[0]?.position;
}

/** Adds the person as the tube's next member (the tube is locked) and marks them tested in every round whose window holds the tube's sampling time. */
export async function addMember(
  db: Db,
  m: { barcode: string; personId: string; position: number; at: Date; by: string; sampledAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO screening_members (barcode, person_id, position, scanned_at, scanned_by) VALUES ($1, $2, $3, $4, $5)`,
    [m.barcode, m.personId, m.position, m.at, m.by],
  );
  await db.query('UPDATE screening_tubes SET members = members + 1 WHERE barcode = $1', [m.barcode]);
  await markTested(db, m.personId, m.sampledAt);
}

export async function sealTubeRow(db: Db, barcode: string, at: Date, by: string): Promise<void> {
  await db.query(
    'UPDATE screening_tubes SET sealed_at = $2, sealed_by = $3 WHERE barcode = $1 AND sealed_at IS NULL',
    [barcode, at, by],
  );
}

/**
 * The positive pooled tube the person awaits a single-tube re-test for (the earliest), if any:
 * a member of a positive tube with k > 1 and no single tube sampled after it with a negative or
 * positive result.
 */
export async function awaitingRetest(db: Db, personId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ barcode: string }>(
    `SELECT t.barcode FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
      WHERE m.person_id = $1 AND t.k > 1 AND t.result = 'positive'
        AND NOT EXISTS (SELECT 1 FROM screening_members m2 JOIN screening_tubes s ON s.barcode = m2.barcode
                         WHERE m2.person_id = $1 AND s.k = 1 AND s.result IN ('negative', 'positive')
                           AND s.sampled_at > t.sampled_at)
      ORDER BY t.sampled_at, t.barcode LIMIT 1`,
    [personId],
  );
  return rows[0]?.barcode;
}

/** The person's other tubes in the same round (a second scan in a round is shown as such). */
export async function otherTubesInRound(
  db: Db,
  personId: string,
  roundId: string,
  barcode: string,
): Promise<{ barcode: string; sampledAt: Date }[]> {
  const { rows } = await db.query<{ barcode: string; sampled_at: Date }>(
    `SELECT t.barcode, t.sampled_at FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
      WHERE m.person_id = $1 AND t.round_id = $2 AND t.barcode <> $3 ORDER BY t.sampled_at, t.barcode`,
    [personId, roundId, barcode],
  );
  return rows.map((r) => ({ barcode: r.barcode, sampledAt: new Date(r.sampled_at) }));
}

/** How a sampler identifies a person: the registry id, the ID number or a phone pseudonym. */
export type PersonKey =
  | { by: 'id'; value: string }
  | { by: 'idNumber'; value: string }
  | { by: 'phonePseudonym'; value: string };

export async function findPerson(
  db: Db,
  key: PersonKey,
): Promise<{ id: string; name: string; homePath: string | null } | undefined> {
  const where = {
    id: 'pe.id = $1::uuid',
    idNumber: 'pe.id_number = $1',
    phonePseudonym: 'pe.phone_pseudonym = $1',
  }[key.by];
  const { rows } = await db.query<{ id: string; name: string; home_path: string | null }>(
    `SELECT pe.id, pe.name, h.path AS home_path FROM people pe LEFT JOIN places h ON h.id = pe.home_place_id WHERE ${where}`,
    [key.value],
  );
  return rows[0] && { id: rows[0].id, name: rows[0].name, homePath: rows[0].home_path };
}
