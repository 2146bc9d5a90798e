/** Service levels per category (hours to acknowledge, to respond): the city's, else the defaults. */
import type { Db } from '@renxing/db';
import { CATEGORIES, type Category } from './reports.js';

export const DEFAULT_ACK_HOURS = 24;
export const DEFAULT_RESPOND_HOURS = 72;

export interface Sla {
  category: Category;
  ackHours: number;
  respondHours: number;
  /** Whether the city set it (false: the defaults). */
  set: boolean;
  updatedAt: Date | null;
}

export async function listSlas(db: Db): Promise<Sla[]> {
  const { rows } = await db.query<{
    category: Category;
    ack_hours: number;
    respond_hours: number;
    updated_at: Date;
  }>('SELECT category, ack_hours, respond_hours, updated_at FROM report_slas');
  const set = new Map(rows.map((r) => [r.category, r]));
  return CATEGORIES.map((category) => {
    const r = set.get(category);
    return r
      ? { category, ackHours: r.ack_hours, respondHours: r.respond_hours, set: true, updatedAt: r.updated_at }
      : {
          category,
          ackHours: DEFAULT_ACK_HOURS,
          respondHours: DEFAULT_RESPOND_HOURS,
          set: false,
          updatedAt: null,
        };
  });
}

export async function upsertSla(
  db: Db,
  s: { category: Category; ackHours: number; respondHours: number; at: Date; by: string },
): Promise<void> {
  await db.query(
    `INSERT INTO report_slas (category, ack_hours, respond_hours, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (category) DO UPDATE SET ack_hours = EXCLUDED.ack_hours,
       respond_hours = EXCLUDED.respond_hours, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [s.category, s.ackHours, s.respondHours, s.at, s.by],
  );
}
