/**
 * Readings: the only file that knows `infra_readings`. Written in batches of many rows per
 * statement (arrays unnested), read by sensor and time.
 */
import type { Db } from '@renxing/db';

/** Rows per INSERT: large enough that a burst is a handful of statements, small enough for one message. */
export const READINGS_CHUNK = 5000;

export interface NewReading {
  sensor: string;
  /** Epoch seconds (a fraction allowed). */
  ts: number;
  value: number;
}

/** Stores the readings as they came, all arriving at `receivedAt`; how many. */
export async function insertReadings(
  db: Db,
  readings: readonly NewReading[],
  receivedAt: Date,
): Promise<number> {
  let stored = 0;
  for (let start = 0; start < readings.length; start += READINGS_CHUNK) {
    const chunk = readings.slice(start, start + READINGS_CHUNK);
    const { rowCount } = await db.query(
      `INSERT INTO infra_readings (sensor_id, ts, value, received_at)
       SELECT x.sensor, to_timestamp(x.ts), x.value, $4 FROM unnest($1::text[], $2::float8[], $3::float8[]) AS x(sensor, ts, value)`,
      [chunk.map((r) => r.sensor), chunk.map((r) => r.ts), chunk.map((r) => r.value), receivedAt],
    );
    stored += rowCount;
  }
  return stored;
}

export interface StoredReading {
  ts: Date;
  value: number;
  receivedAt: Date;
}

/**
 * A sensor's readings with `from ≤ ts < to` (either end open), in time order (arrival breaking
 * ties): the newest `limit` of them when there are more, and whether some were left out.
 */
export async function readingsOf(
  db: Db,
  sensorId: string,
  q: { from?: Date; to?: Date; limit: number },
): Promise<{ readings: StoredReading[]; truncated: boolean }> {
  const { rows } = await db.query<{ ts: string | Date; value: number; received_at: string | Date }>(
    `SELECT ts, value, received_at FROM infra_readings
      WHERE sensor_id = $1 AND ($2::timestamptz IS NULL OR ts >= $2) AND ($3::timestamptz IS NULL OR ts < $3)
      ORDER BY ts DESC, received_at DESC LIMIT $4`,
    [sensorId, q.from ?? null, q.to ?? null, q.limit + 1],
  );
  const truncated = rows.length > q.limit;
  return {
    readings: rows
      .slice(0, q.limit)
      .reverse()
      .map((r) => ({ ts: new Date(r.ts), value: r.value, receivedAt: new Date(r.received_at) })),
    truncated,
  };
}

/** How many readings a sensor (or every sensor) has stored. */
export async function countReadings(db: Db, sensorId?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM infra_readings WHERE $1::text IS NULL OR sensor_id = $1',
    [sensorId ?? null],
  );
  return rows[0].n;
}
