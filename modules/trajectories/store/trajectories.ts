/**
 * The trajectory store (migrations 0007, 0010): pseudonymised pings as gzip CSV chunks, one or more per
 * local day and import; whole days purged after the retention window, each purge logged.
 *
 * Days are `YYYY-MM-DD` text (the local date at the city's offset, computed by the caller); the
 * chunk bytes are opaque here (see packages/platform/src/trajectories for their format).
 */

import type { Db, Tables } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';

export interface TrajectoryImport {
  id: string;
  sha256: string;
  source: string;
  rows: number;
  kept: number;
  rejected: number;
  /** Rows dropped because an earlier row of the file has the same subject and instant. */
  duplicates: number;
  /** The file's pings that the store already held (same subject, instant and position): not stored again. */
  alreadyStored: number;
  importedBy: string | null;
  importedAt: Date;
}

export type NewTrajectoryImport = Omit<TrajectoryImport, 'id' | 'importedAt' | 'importedBy'> & {
  importedBy?: string | null;
};

export interface NewTrajectoryChunk {
  /** `YYYY-MM-DD`, the pings' local date. */
  day: string;
  pings: number;
  minTs: number;
  maxTs: number;
  data: Uint8Array;
}

export interface TrajectoryChunk {
  id: number;
  day: string;
  importId: string;
  pings: number;
  minTs: number;
  maxTs: number;
  data: Uint8Array;
}

export interface TrajectoryDay {
  day: string;
  pings: number;
  chunks: number;
  /** Stored (compressed) bytes. */
  bytes: number;
}

export interface TrajectoryPurge {
  id: number;
  /** Days before this one were deleted. */
  cutoff: string;
  retentionDays: number;
  days: string[];
  chunks: number;
  pings: number;
  purgedAt: Date;
  purgedBy: string;
}

/** A `trajectory_imports` row as selected here (columns from the generated Tables: a renamed column breaks the build). */
type ImportRow = Pick<
  Tables['trajectory_imports'],
  | 'id'
  | 'sha256'
  | 'source'
  | 'rows'
  | 'kept'
  | 'rejected'
  | 'duplicates'
  | 'already_stored'
  | 'imported_by'
  | 'imported_at'
>;

const IMPORT_COLUMNS =
  'id, sha256, source, rows, kept, rejected, duplicates, already_stored, imported_by, imported_at';

function toImport(r: ImportRow): TrajectoryImport {
  return {
    id: r.id,
    sha256: r.sha256,
    source: r.source,
    rows: r.rows,
    kept: r.kept,
    rejected: r.rejected,
    duplicates: r.duplicates,
    alreadyStored: r.already_stored,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  };
}

/*
 * Chunk bytes cross the seam as base64 text (encode / decode in SQL): PGlite's own bytea parameter
 * and result handling took 0.6–8 s for a 7 MB chunk, base64 0.06–0.35 s; pg is no slower with it.
 */
function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** PostgreSQL's base64 has a newline every 76 characters; Node's decoder skips them. */
function fromBase64(text: string): Uint8Array {
  const b = Buffer.from(text, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** The import of the file with this sha256 (hex), if it was imported before. */
export async function trajectoryImportBySha(db: Db, sha256: string): Promise<TrajectoryImport | null> {
  const { rows } = await db.query<ImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM trajectory_imports WHERE sha256 = $1`,
    [sha256],
  );
  return rows[0] ? toImport(rows[0]) : null;
}

/**
 * Records an import and stores its chunks in ONE transaction: a failure anywhere (including in
 * the `chunks` iterable, e.g. while compressing) leaves nothing behind, so running it again
 * imports the file in full. When a file with the same sha256 is already stored, nothing is
 * written and `alreadyImported` is true (the earlier import is returned).
 */
export async function insertTrajectoryImport(
  db: Db,
  entry: NewTrajectoryImport,
  chunks: Iterable<NewTrajectoryChunk> | AsyncIterable<NewTrajectoryChunk>,
): Promise<{ import: TrajectoryImport; alreadyImported: boolean; chunks: number }> {
  const stored = await db.transaction(async (tx) => {
    const { rows } = await tx.query<ImportRow>(
      `INSERT INTO trajectory_imports (sha256, source, rows, kept, rejected, duplicates, already_stored, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (sha256) DO NOTHING
       RETURNING ${IMPORT_COLUMNS}`,
      [
        entry.sha256,
        entry.source,
        entry.rows,
        entry.kept,
        entry.rejected,
        entry.duplicates,
        entry.alreadyStored,
        entry.importedBy ?? null,
      ],
    );
    if (!rows[0]) return null;
    let n = 0;
    for await (const c of chunks) {
      await tx.query(
        `INSERT INTO trajectory_chunks (day, import_id, pings, min_ts, max_ts, data)
         VALUES ($1::date, $2, $3, $4, $5, decode($6, 'base64'))`,
        [c.day, rows[0].id, c.pings, c.minTs, c.maxTs, base64(c.data)],
      );
      n++;
    }
    return { import: toImport(rows[0]), alreadyImported: false, chunks: n };
  });
  if (stored) return stored;
  const earlier = await trajectoryImportBySha(db, entry.sha256);
  if (!earlier) throw new Error(`trajectory import ${entry.sha256} conflicted but is not there`);
  return { import: earlier, alreadyImported: true, chunks: 0 };
}

/**
 * Takes the transaction-scoped advisory lock of each of these days (`YYYY-MM-DD`), in day order so
 * two imports never wait on each other crosswise. Held until COMMIT or ROLLBACK: an import that
 * reads a day's stored pings and then adds to them holds it throughout, so two imports of the same
 * day run one after the other and the second sees the first's pings. Use inside a transaction only.
 */
export async function lockTrajectoryDays(tx: Db, days: readonly string[]): Promise<void> {
  for (const day of [...new Set(days)].sort()) {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('renxing.trajectory_day.' || current_schema() || '.' || $1::text))`,
      [day],
    );
  }
}

/**
 * The stored chunks of these days whose instants may overlap the given span of each day
 * (`min_ts <= maxTs` and `max_ts >= minTs`), one at a time, in day order.
 */
export async function* trajectoryChunksOverlapping(
  db: Db,
  spans: readonly { day: string; minTs: number; maxTs: number }[],
): AsyncGenerator<TrajectoryChunk> {
  if (spans.length === 0) return;
  const { rows } = await db.query<{ id: number }>(
    `SELECT c.id FROM trajectory_chunks c
       JOIN unnest($1::date[], $2::bigint[], $3::bigint[]) AS s(day, min_ts, max_ts)
         ON c.day = s.day AND c.min_ts <= s.max_ts AND c.max_ts >= s.min_ts
      ORDER BY c.day, c.id`,
    [spans.map((s) => s.day), spans.map((s) => s.minTs), spans.map((s) => s.maxTs)],
  );
  yield* chunksById(
    db,
    rows.map((r) => r.id),
  );
}

/** Pings per day of one import (days already purged are gone). */
export async function trajectoryImportDays(
  db: Db,
  importId: string,
): Promise<{ day: string; pings: number }[]> {
  const { rows } = await db.query<{ day: string; pings: number }>(
    `SELECT day, sum(pings)::int AS pings FROM trajectory_chunks WHERE import_id = $1 GROUP BY day ORDER BY day`,
    [importId],
  );
  return rows;
}

/**
 * The chunks whose day lies in [fromDay, toDay] (null: unbounded), in day order (then the order
 * they were stored), fetched one at a time so a long range never sits in memory at once.
 */
export async function* trajectoryChunks(
  db: Db,
  range: { fromDay: string | null; toDay: string | null },
): AsyncGenerator<TrajectoryChunk> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM trajectory_chunks
      WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
      ORDER BY day, id`,
    [range.fromDay, range.toDay],
  );
  yield* chunksById(
    db,
    rows.map((r) => r.id),
  );
}

/** The chunks with these ids, fetched one at a time; a chunk purged meanwhile is skipped. */
async function* chunksById(db: Db, ids: readonly number[]): AsyncGenerator<TrajectoryChunk> {
  for (const id of ids) {
    const got = await db.query<{
      id: number;
      day: string;
      import_id: string;
      pings: number;
      min_ts: number;
      max_ts: number;
      data: string;
    }>(
      `SELECT id, day, import_id, pings, min_ts, max_ts, encode(data, 'base64') AS data
         FROM trajectory_chunks WHERE id = $1`,
      [id],
    );
    const r = got.rows[0];
    if (!r) continue; // purged meanwhile
    yield {
      id: r.id,
      day: r.day,
      importId: r.import_id,
      pings: r.pings,
      minTs: r.min_ts,
      maxTs: r.max_ts,
      data: fromBase64(r.data),
    };
  }
}

/** Every stored day with its pings, chunks and stored bytes, oldest first. */
export async function trajectoryDays(db: Db): Promise<TrajectoryDay[]> {
  const { rows } = await db.query<TrajectoryDay>(
    `SELECT day, sum(pings)::bigint AS pings, count(*)::int AS chunks, sum(octet_length(data))::bigint AS bytes
       FROM trajectory_chunks GROUP BY day ORDER BY day`,
  );
  return rows.map((r) => ({ day: r.day, pings: Number(r.pings), chunks: r.chunks, bytes: Number(r.bytes) }));
}

/** A `trajectory_purges` row as selected here (columns from the generated Tables: a renamed column breaks the build). */
type PurgeRow = Pick<
  Tables['trajectory_purges'],
  'id' | 'cutoff' | 'retention_days' | 'days' | 'chunks' | 'pings' | 'purged_at' | 'purged_by'
>;

const PURGE_COLUMNS = 'id, cutoff, retention_days, days, chunks, pings, purged_at, purged_by';

function toPurge(r: PurgeRow): TrajectoryPurge {
  return {
    id: r.id,
    cutoff: r.cutoff,
    retentionDays: r.retention_days,
    days: r.days,
    chunks: r.chunks,
    pings: Number(r.pings),
    purgedAt: r.purged_at,
    purgedBy: r.purged_by,
  };
}

/**
 * Deletes every chunk whose day is before `cutoff` and, in the same transaction, logs the run in
 * trajectory_purges and the audit log (`trajectory.purge`). A run that finds nothing is logged
 * too: the log shows the job ran.
 */
export async function purgeTrajectoryDays(
  db: Db,
  options: { cutoff: string; retentionDays: number; actor: string },
): Promise<TrajectoryPurge> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<PurgeRow>(
      `WITH gone AS (
         DELETE FROM trajectory_chunks WHERE day < $1::date RETURNING day, pings
       )
       INSERT INTO trajectory_purges (cutoff, retention_days, days, chunks, pings, purged_by)
       SELECT $1::date, $2,
              coalesce((SELECT array_agg(DISTINCT day ORDER BY day) FROM gone), '{}'::date[]),
              (SELECT count(*) FROM gone), (SELECT coalesce(sum(pings), 0) FROM gone), $3
       RETURNING ${PURGE_COLUMNS}`,
      [options.cutoff, options.retentionDays, options.actor],
    );
    const purge = toPurge(rows[0]);
    await appendAudit(tx, {
      actor: options.actor,
      action: 'trajectory.purge',
      subjectType: 'trajectory_purge',
      subjectId: String(purge.id),
      reason: `retention ${options.retentionDays} days`,
      detail: {
        cutoff: purge.cutoff,
        retentionDays: purge.retentionDays,
        days: purge.days,
        chunks: purge.chunks,
        pings: purge.pings,
      },
    });
    return purge;
  });
}

export interface RetentionCheck {
  /** True when no chunk is older than the cutoff. */
  ok: boolean;
  cutoff: string;
  /** Stored days before the cutoff (should be none), oldest first. */
  staleDays: string[];
  oldestDay: string | null;
  /** The latest purge runs, newest first. */
  purges: TrajectoryPurge[];
}

/** Checks that nothing before `cutoff` is stored, and returns the purge log's latest runs. */
export async function trajectoryRetention(
  db: Db,
  options: { cutoff: string; purges?: number },
): Promise<RetentionCheck> {
  const stale = await db.query<{ day: string }>(
    'SELECT DISTINCT day FROM trajectory_chunks WHERE day < $1::date ORDER BY day',
    [options.cutoff],
  );
  const oldest = await db.query<{ day: string | null }>('SELECT min(day) AS day FROM trajectory_chunks');
  const purges = await db.query<PurgeRow>(
    `SELECT ${PURGE_COLUMNS} FROM trajectory_purges ORDER BY id DESC LIMIT $1`,
    [options.purges ?? 10],
  );
  return {
    ok: stale.rows.length === 0,
    cutoff: options.cutoff,
    staleDays: stale.rows.map((r) => r.day),
    oldestDay: oldest.rows[0]?.day ?? null,
    purges: purges.rows.map(toPurge),
  };
}
