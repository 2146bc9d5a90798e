/** Dashboard figures: one row for a place and one for each place directly under it. */
import type { Db } from '@renxing/db';
import { subtree } from '@renxing/db';

export interface PlaceStats {
  path: string;
  name: string;
  nameEn: string | null;
  level: string;
  lon: number | null;
  lat: number | null;
  people: number;
  green: number;
  yellow: number;
  red: number;
  /** Cases registered under the place. */
  cases: number;
  /** Companions (of any case) living under the place. */
  companions: number;
  openTasks: number;
  overdueTasks: number;
  doneTasks: number;
}

interface Row {
  path: string;
  name: string;
  name_en: string | null;
  level: string;
  lon: number | null;
  lat: number | null;
  people: string;
  yellow: string;
  red: string;
  cases: string;
  companions: string;
  open_tasks: string;
  overdue_tasks: string;
  done_tasks: string;
}

/**
 * The place at `path` first, then its children in path order. Residents come from the per-place
 * counters the people store keeps (migration 0011), codes from the yellow and red ones only (green
 * is everyone else); cases, companions and tasks are counted per place, then every per-place count
 * is summed up each child's subtree (a city has only hundreds of places).
 */
export async function placeStats(db: Db, path: string, now: Date): Promise<PlaceStats[]> {
  const { rows } = await db.query<Row>(
    `WITH ch AS (
       SELECT id, path, name, name_en, level, lon, lat FROM places
        WHERE path = $1 OR parent_id = (SELECT id FROM places WHERE path = $1)
     ),
     per_place AS (
       SELECT place_id, people, 0 AS yellow, 0 AS red,
              0 AS cases, 0 AS companions, 0 AS open_tasks, 0 AS overdue_tasks, 0 AS done_tasks
         FROM people_place_counts
       UNION ALL
       SELECT p.home_place_id, 0, count(*) FILTER (WHERE hc.colour = 'yellow'),
              count(*) FILTER (WHERE hc.colour = 'red'), 0, 0, 0, 0, 0
         FROM health_codes hc JOIN people p ON p.id = hc.person_id
        WHERE hc.colour IN ('yellow', 'red') AND p.home_place_id IS NOT NULL GROUP BY p.home_place_id
       UNION ALL
       SELECT place_id, 0, 0, 0, count(*), 0, 0, 0, 0 FROM cases WHERE place_id IS NOT NULL GROUP BY place_id
       UNION ALL
       SELECT p.home_place_id, 0, 0, 0, 0, count(*), 0, 0, 0
         FROM companions c JOIN people p ON p.id = c.person_id
        WHERE p.home_place_id IS NOT NULL GROUP BY p.home_place_id
       UNION ALL
       SELECT place_id, 0, 0, 0, 0, 0,
              count(*) FILTER (WHERE state IN ('pending', 'in_progress')),
              count(*) FILTER (WHERE state IN ('pending', 'in_progress') AND due_at < $2),
              count(*) FILTER (WHERE state IN ('done', 'not_executable'))
         FROM tasks GROUP BY place_id
     )
     SELECT ch.path, ch.name, ch.name_en, ch.level, ch.lon, ch.lat,
            coalesce(sum(a.people), 0) AS people, coalesce(sum(a.yellow), 0) AS yellow,
            coalesce(sum(a.red), 0) AS red, coalesce(sum(a.cases), 0) AS cases,
            coalesce(sum(a.companions), 0) AS companions, coalesce(sum(a.open_tasks), 0) AS open_tasks,
            coalesce(sum(a.overdue_tasks), 0) AS overdue_tasks, coalesce(sum(a.done_tasks), 0) AS done_tasks
       FROM ch
       LEFT JOIN places hp ON ${subtree('hp.path', 'ch.path')}
       LEFT JOIN per_place a ON a.place_id = hp.id
      GROUP BY ch.path, ch.name, ch.name_en, ch.level, ch.lon, ch.lat
      ORDER BY ch.path = $1 DESC, ch.path`,
    [path, now],
  );
  return rows.map((r) => {
    const people = Number(r.people);
    const yellow = Number(r.yellow);
    const red = Number(r.red);
    return {
      path: r.path,
      name: r.name,
      nameEn: r.name_en,
      level: r.level,
      lon: r.lon,
      lat: r.lat,
      people,
      green: people - yellow - red,
      yellow,
      red,
      cases: Number(r.cases),
      companions: Number(r.companions),
      openTasks: Number(r.open_tasks),
      overdueTasks: Number(r.overdue_tasks),
      doneTasks: Number(r.done_tasks),
    };
  });
}

/** The community with the most follow-up tasks (the demo's staff work there), if any. */
export async function busiestCommunity(db: Db): Promise<string | undefined> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT pl.path FROM tasks t JOIN places pl ON pl.id = t.place_id WHERE pl.level = 'community'
      GROUP BY pl.path ORDER BY count(*) DESC, pl.path LIMIT 1`,
  );
  return rows[0]?.path;
}

/** Someone living under `path` whose code has this colour (green: no code row, or a green one). */
export async function someoneWithColour(
  db: Db,
  path: string,
  colour: 'green' | 'yellow' | 'red',
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM people p JOIN places pl ON pl.id = p.home_place_id
       LEFT JOIN health_codes hc ON hc.person_id = p.id
      WHERE coalesce(hc.colour, 'green') = $2 AND ${subtree('pl.path', '$1')} ORDER BY p.id LIMIT 1`,
    [path, colour],
  );
  return rows[0]?.id;
}
