/**
 * The SQL behind participation's resilience indicator (participation.sla_share): one set-based
 * query over every community asked for.
 */
import { type Db, subtree } from '@renxing/db';
import type { Category } from './reports.js';

export interface DecidedReport {
  id: string;
  category: Category;
  submittedAt: Date;
  respondHours: number;
  /** The first response before `to` (null: none by then). */
  respondedAt: Date | null;
  met: boolean;
}

export interface SlaCounts {
  community: string;
  /** Reports whose respond deadline was decided by `to` (passed, or responded). */
  decided: number;
  /** Of those, responded at or before the deadline. */
  met: number;
  /** Missed first (the latest first), then met; at most `limit`. */
  records: DecidedReport[];
}

/**
 * Per community (place id among `communities`): the reports at or under it submitted in
 * [from, to) whose respond deadline (submission + the category's respond hours, the defaults
 * where the city set none) is before `to` or that were responded before `to`, and how many of
 * those had their first `respond` event at or before the deadline. Communities with none are
 * left out.
 */
export async function slaCounts(
  db: Db,
  o: { communities: readonly string[]; from: Date; to: Date; defaultRespondHours: number; limit: number },
): Promise<SlaCounts[]> {
  const { rows } = await db.query<{
    community: string;
    decided: string | number;
    met: string | number;
    records: {
      id: string;
      category: Category;
      submitted_at: string;
      respond_hours: number;
      responded_at: string | null;
      met: boolean;
    }[];
  }>(
    `WITH cp AS MATERIALIZED (
       SELECT c.id AS community, p.id AS place_id
         FROM unnest($1::uuid[]) AS q (id)
         JOIN places c ON c.id = q.id
         JOIN places p ON ${subtree('p.path', 'c.path')}),
     -- A report's first response (made after its submission, so within [from, to)).
     responded AS (
       SELECT report_id, min(at) AS responded_at FROM report_events
        WHERE action = 'respond' AND at >= $2 AND at < $3 GROUP BY report_id),
     found AS (
       SELECT u.community, r.id, r.category, r.submitted_at, h.respond_hours, e.responded_at,
              r.submitted_at + make_interval(secs => h.respond_hours * 3600) AS due
         FROM cp u
         JOIN reports r ON r.place_id = u.place_id
         LEFT JOIN report_slas s ON s.category = r.category
         CROSS JOIN LATERAL (SELECT coalesce(s.respond_hours, $4::double precision) AS respond_hours) h
         LEFT JOIN responded e ON e.report_id = r.id
        WHERE r.submitted_at >= $2 AND r.submitted_at < $3),
     decided AS (
       SELECT *, coalesce(responded_at <= due, false) AS met,
              row_number() OVER (PARTITION BY community
                                 ORDER BY coalesce(responded_at <= due, false), coalesce(responded_at, $3) - due DESC, id) AS rn
         FROM found WHERE due < $3 OR responded_at IS NOT NULL)
     SELECT community, count(*) AS decided, count(*) FILTER (WHERE met) AS met,
            jsonb_agg(jsonb_build_object('id', id, 'category', category, 'submitted_at', submitted_at,
                                         'respond_hours', respond_hours, 'responded_at', responded_at, 'met', met)
                      ORDER BY rn) FILTER (WHERE rn <= $5) AS records
       FROM decided GROUP BY community`,
    [o.communities, o.from, o.to, o.defaultRespondHours, o.limit],
  );
  return rows.map((r) => ({
    community: r.community,
    decided: Number(r.decided),
    met: Number(r.met),
    records: r.records.map((x) => ({
      id: x.id,
      category: x.category,
      submittedAt: new Date(x.submitted_at),
      respondHours: Number(x.respond_hours),
      respondedAt: x.responded_at === null ? null : new Date(x.responded_at),
      met: x.met,
    })),
  }));
}
