/** Hours served by volunteers, by the city's day; a source (an aid request) is recorded once. */
import type { Db } from '@renxing/db';

export interface HoursEntry {
  id: string;
  volunteerId: string;
  /** The city's day, YYYY-MM-DD. */
  date: string;
  hours: number;
  source: string | null;
  note: string | null;
  recordedAt: Date;
}

/** Inserts an entry; its id, or null when the source was already recorded for this volunteer. */
export async function insertHours(
  db: Db,
  e: { volunteerId: string; date: string; hours: number; source: string | null; note: string | null },
  meta: { by: string | null; at: Date },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO volunteer_hours (volunteer_id, date, hours, source, note, recorded_by, recorded_at)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7)
     ON CONFLICT (volunteer_id, source) DO NOTHING
     RETURNING id`,
    [e.volunteerId, e.date, e.hours, e.source, e.note, meta.by, meta.at],
  );
  return rows[0]?.id ?? null;
}

/** A volunteer's entries, newest day first (at most `limit`, default 100). */
export async function hoursOf(db: Db, volunteerId: string, limit = 100): Promise<HoursEntry[]> {
  const { rows } = await db.query<{
    id: string;
    volunteer_id: string;
    date: string;
    hours: string | number;
    source: string | null;
    note: string | null;
    recorded_at: Date;
  }>(
    `SELECT id, volunteer_id, to_char(date, 'YYYY-MM-DD') AS date, hours, source, note, recorded_at
       FROM volunteer_hours WHERE volunteer_id = $1
      ORDER BY date DESC, recorded_at DESC LIMIT $2`,
    [volunteerId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    volunteerId: r.volunteer_id,
    date: r.date,
    hours: Number(r.hours),
    source: r.source,
    note: r.note,
    recordedAt: r.recorded_at,
  }));
}
