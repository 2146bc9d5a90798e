/** Lab results on tubes, the members they resolve, and the record of each result file. */
import type { Db } from '@renxing/db';
import type { LineReject } from '../rules/files.js';
import type { TubeResult } from '../rules/types.js';

export interface TubeFacts {
  barcode: string;
  k: number;
  sampledAt: number;
  result: TubeResult | null;
  reportedAt: number | null;
}

const CHUNK = 5000;

/** The tubes among `barcodes` (epoch seconds), locked until the transaction ends. */
export async function lockTubes(db: Db, barcodes: readonly string[]): Promise<Map<string, TubeFacts>> {
  const out = new Map<string, TubeFacts>();
  for (let i = 0; i < barcodes.length; i += 20_000) {
    const { rows } = await db.query<{
      barcode: string;
      k: number;
      sampled: number;
      result: TubeResult | null;
      reported: number | null;
    }>(
      `SELECT barcode, k, extract(epoch FROM sampled_at)::float8 AS sampled, result,
              extract(epoch FROM reported_at)::float8 AS reported
         FROM screening_tubes WHERE barcode = ANY($1::text[]) ORDER BY barcode FOR UPDATE`,
      [barcodes.slice(i, i + 20_000)],
    );
    for (const r of rows) {
      out.set(r.barcode, {
        barcode: r.barcode,
        k: r.k,
        sampledAt: r.sampled,
        result: r.result,
        reportedAt: r.reported,
      });
    }
  }
  return out;
}

export interface NewTubeResult {
  barcode: string;
  result: TubeResult;
  reportedAt: number;
  evidence: Record<string, string>;
}

export async function setTubeResults(
  db: Db,
  importId: string,
  results: readonly NewTubeResult[],
): Promise<void> {
  for (let i = 0; i < results.length; i += CHUNK) {
    const part = results.slice(i, i + CHUNK);
    await db.query(
      `UPDATE screening_tubes t SET result = u.result, reported_at = to_timestamp(u.reported),
              result_import_id = $1, result_evidence = u.evidence
         FROM (SELECT * FROM unnest($2::text[], $3::text[], $4::float8[], $5::jsonb[]) AS x(barcode, result, reported, evidence)) u
        WHERE t.barcode = u.barcode AND t.result IS NULL`,
      [
        importId,
        part.map((r) => r.barcode),
        part.map((r) => r.result),
        part.map((r) => r.reportedAt),
        part.map((r) => JSON.stringify(r.evidence)),
      ],
    );
  }
}

export interface ResolvedMember {
  barcode: string;
  personId: string;
  /** The member's home community (null: homed above community level, or no home). */
  communityId: string | null;
}

/** The members of `barcodes` with their home community. */
export async function membersOfTubes(db: Db, barcodes: readonly string[]): Promise<ResolvedMember[]> {
  const out: ResolvedMember[] = [];
  for (let i = 0; i < barcodes.length; i += 20_000) {
    const { rows } = await db.query<{ barcode: string; person_id: string; community_id: string | null }>(
      `WITH m AS (
         SELECT m.barcode, m.person_id, pe.home_place_id FROM screening_members m JOIN people pe ON pe.id = m.person_id
          WHERE m.barcode = ANY($1::text[])
       ), homes AS (
         SELECT h.id, c.id AS community_id FROM places h
           LEFT JOIN places c ON c.level = 'community' AND c.path = array_to_string((string_to_array(h.path, '.'))[1:4], '.')
          WHERE h.id IN (SELECT DISTINCT home_place_id FROM m)
       )
       SELECT m.barcode, m.person_id, homes.community_id FROM m LEFT JOIN homes ON homes.id = m.home_place_id
        ORDER BY m.barcode, m.person_id`,
      [barcodes.slice(i, i + 20_000)],
    );
    for (const r of rows)
      out.push({ barcode: r.barcode, personId: r.person_id, communityId: r.community_id });
  }
  return out;
}

/** Of `personIds`, those still awaiting a single-tube re-test, with the earliest positive pooled tube each awaits. */
export async function stillAwaiting(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 20_000) {
    const { rows } = await db.query<{ person_id: string; barcode: string }>(
      `SELECT DISTINCT ON (m.person_id) m.person_id, t.barcode
         FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
        WHERE m.person_id = ANY($1::uuid[]) AND t.k > 1 AND t.result = 'positive'
          AND NOT EXISTS (SELECT 1 FROM screening_members m2 JOIN screening_tubes s ON s.barcode = m2.barcode
                           WHERE m2.person_id = m.person_id AND s.k = 1 AND s.result IN ('negative', 'positive')
                             AND s.sampled_at > t.sampled_at)
        ORDER BY m.person_id, t.sampled_at, t.barcode`,
      [personIds.slice(i, i + 20_000)],
    );
    for (const r of rows) out.set(r.person_id, r.barcode);
  }
  return out;
}

/** The community of the city's root for people without one (the city-level queue). */
export async function cityRootId(db: Db): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM places WHERE level = 'city' ORDER BY path LIMIT 1`,
  );
  return rows[0]?.id;
}

export interface ResultImport {
  id: string;
  fileName: string | null;
  importedBy: string | null;
  /** The importer's display name (or username). */
  importedByName: string | null;
  importedAt: Date;
  rows: number;
  accepted: number;
  unchanged: number;
  rejects: LineReject[];
  summary: Record<string, unknown>;
}

export async function insertResultImport(
  db: Db,
  r: Omit<ResultImport, 'id' | 'importedByName' | 'summary'>,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO screening_result_imports (file_name, imported_by, imported_at, rows, accepted, unchanged, rejects)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
    [r.fileName, r.importedBy, r.importedAt, r.rows, r.accepted, r.unchanged, JSON.stringify(r.rejects)],
  );
  return rows[0].id;
}

export async function setImportSummary(db: Db, id: string, summary: Record<string, unknown>): Promise<void> {
  await db.query('UPDATE screening_result_imports SET summary = $2::jsonb WHERE id = $1', [
    id,
    JSON.stringify(summary),
  ]);
}

export async function listResultImports(db: Db, limit = 50): Promise<ResultImport[]> {
  const { rows } = await db.query<{
    id: string;
    file_name: string | null;
    imported_by: string | null;
    imported_by_name: string | null;
    imported_at: Date;
    rows: number;
    accepted: number;
    unchanged: number;
    rejects: LineReject[];
    summary: Record<string, unknown>;
  }>(
    `SELECT i.id, i.file_name, i.imported_by, coalesce(u.display_name, u.username) AS imported_by_name, i.imported_at,
            i.rows, i.accepted, i.unchanged, i.rejects, i.summary
       FROM screening_result_imports i LEFT JOIN users u ON u.id = i.imported_by
      ORDER BY i.imported_at DESC, i.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    importedBy: r.imported_by,
    importedByName: r.imported_by_name,
    importedAt: new Date(r.imported_at),
    rows: r.rows,
    accepted: r.accepted,
    unchanged: r.unchanged,
    rejects: r.rejects,
    summary: r.summary,
  }));
}
