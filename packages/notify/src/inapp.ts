/**
 * The in-app channel: rows of `notifications` (migration 0028, modules/participation), listed for
 * their reader and marked read by them.
 */
import type { Db } from '@renxing/db';
import type { Message } from './message.js';

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  text: string;
  ref: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Who is reading: a user, and the person they are (a resident, a volunteer with a person record). */
export interface Reader {
  userId: string;
  personId: string | null;
}

interface Row {
  id: string;
  kind: string;
  subject: string;
  text: string;
  ref: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  text: r.text,
  ref: r.ref,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** Writes one in-app row; its id. */
export async function insertNotification(db: Db, m: Message, at: Date): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO notifications (user_id, person_id, kind, subject, text, ref, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [m.to.userId ?? null, m.to.personId ?? null, m.kind, m.subject, m.text, m.ref ?? null, at],
  );
  return rows[0]!.id;
}

const MINE = `(user_id = $1 OR ($2::uuid IS NOT NULL AND person_id = $2::uuid))`;

/** The reader's notifications, newest first, with how many are unread. */
export async function listNotifications(
  db: Db,
  reader: Reader,
  o: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ notifications: Notification[]; unread: number }> {
  const limit = Math.min(Math.max(o.limit ?? 50, 1), 500);
  const { rows } = await db.query<Row>(
    `SELECT id, kind, subject, text, ref, created_at, read_at FROM notifications
      WHERE ${MINE} ${o.unreadOnly ? 'AND read_at IS NULL' : ''}
      ORDER BY created_at DESC, id LIMIT $3`,
    [reader.userId, reader.personId, limit],
  );
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications WHERE ${MINE} AND read_at IS NULL`,
    [reader.userId, reader.personId],
  );
  return { notifications: rows.map(toNotification), unread: count.rows[0]?.n ?? 0 };
}

/** Marks the reader's notifications read (`all`, or these ids: others' are left alone); how many were unread. */
export async function markRead(
  db: Db,
  reader: Reader,
  ids: readonly string[] | 'all',
  at: Date,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH marked AS (
       UPDATE notifications SET read_at = $3
        WHERE ${MINE} AND read_at IS NULL AND ($4::uuid[] IS NULL OR id = ANY($4::uuid[]))
        RETURNING 1
     )
     SELECT count(*)::int AS n FROM marked`,
    [reader.userId, reader.personId, at, ids === 'all' ? null : [...ids]],
  );
  return rows[0]?.n ?? 0;
}
