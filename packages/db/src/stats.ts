/** Dashboard figures: one row for a place and one for each place directly under it. */
import type { Db } from './database.js';
import { subtree } from './sql.js';

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

/** The place at `path` first, then its children in path order. */
export async function placeStats(db: Db, path: string, now: Date): Promise<PlaceStats[]> {
  const home = subtree('hp.path', 'ch.path');
  const { rows } = await db.query<Row>(
    `SELECT ch.path, ch.name, ch.name_en, ch.level, ch.lon, ch.lat,
       (SELECT count(*) FROM people p JOIN places hp ON hp.id = p.home_place_id WHERE ${home}) AS people,
       (SELECT count(*) FROM health_codes hc JOIN people p ON p.id = hc.person_id
          JOIN places hp ON hp.id = p.home_place_id WHERE hc.colour = 'yellow' AND ${home}) AS yellow,
       (SELECT count(*) FROM health_codes hc JOIN people p ON p.id = hc.person_id
          JOIN places hp ON hp.id = p.home_place_id WHERE hc.colour = 'red' AND ${home}) AS red,
       (SELECT count(*) FROM cases k JOIN places hp ON hp.id = k.place_id WHERE ${home}) AS cases,
       (SELECT count(*) FROM companions c JOIN people p ON p.id = c.person_id
          JOIN places hp ON hp.id = p.home_place_id WHERE ${home}) AS companions,
       (SELECT count(*) FROM tasks t JOIN places hp ON hp.id = t.place_id
          WHERE t.state IN ('pending', 'in_progress') AND ${home}) AS open_tasks,
       (SELECT count(*) FROM tasks t JOIN places hp ON hp.id = t.place_id
          WHERE t.state IN ('pending', 'in_progress') AND t.due_at < $2 AND ${home}) AS overdue_tasks,
       (SELECT count(*) FROM tasks t JOIN places hp ON hp.id = t.place_id
          WHERE t.state IN ('done', 'not_executable') AND ${home}) AS done_tasks
     FROM places ch
     WHERE ch.path = $1 OR ch.parent_id = (SELECT id FROM places WHERE path = $1)
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
