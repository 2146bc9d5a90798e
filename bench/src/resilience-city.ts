/**
 * Part (b) of `bench:resilience`: the daily computation (`computeResilienceIndex`) of a city of
 * 10,000 communities, on PGlite (a temporary data directory, as deployed; --pglite-memory: in
 * memory) and on PostgreSQL (a database created on the server at TEST_DATABASE_URL, dropped
 * afterwards). Every area's tables are seeded by bulk SQL (generate_series, one statement per
 * table) so that each of the ten indicators has values for most communities: 20 communities per
 * street, 25 streets per district, residents, infrastructure sinks and N-1 losses, shelters,
 * supply norms, stores and lots, volunteers, follow-up tasks, mutual-aid requests and their done
 * events, residents' reports and their responses, plans covering districts, incidents with
 * corrective actions, departments' forms in the inbox with fields typed or pre-filled. The run is
 * timed whole and per phase (each indicator's query, scoring, saving), twice: a new date, then the
 * same date again (replacing the first run's rows).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@renxing/db';
import { migrate, openDatabase } from '@renxing/db';
import {
  type ComputeProgress,
  computeResilienceIndex,
  PLATFORM_INDICATORS,
  type ResilienceRun,
  resilienceCityDate,
} from '@renxing/modules/resilience';
import { fmt, int, log, type Table } from './infra-report.js';
import { scratchPostgres, type Target } from './scratch-db.js';

const STREETS_PER_DISTRICT = 25;
const COMMUNITIES_PER_STREET = 20;
const RESIDENTS = 10;

/** One statement per table: the city of `n` communities (n a multiple of 500). */
export function seedSql(n: number): string[] {
  const districts = Math.max(1, Math.round(n / (STREETS_PER_DISTRICT * COMMUNITIES_PER_STREET)));
  const ago = (days: number) => `now() - interval '${days} days'`;
  return [
    `INSERT INTO places (level, code, name, lon, lat) VALUES ('city', 'cq', '重庆市', 106.55, 29.56)`,
    `INSERT INTO places (parent_id, level, code, name, lon, lat)
       SELECT (SELECT id FROM places WHERE path = 'cq'), 'district', 'd' || lpad(d::text, 3, '0'), '区' || d, 106.3 + d * 0.02, 29.5
         FROM generate_series(1, ${districts}) d`,
    `INSERT INTO places (parent_id, level, code, name, lon, lat)
       SELECT p.id, 'street', 's' || lpad(s::text, 3, '0'), p.name || '街道' || s, p.lon, p.lat + s * 0.004
         FROM places p CROSS JOIN generate_series(1, ${STREETS_PER_DISTRICT}) s WHERE p.level = 'district'`,
    `INSERT INTO places (parent_id, level, code, name, lon, lat)
       SELECT p.id, 'community', 'c' || lpad(c::text, 3, '0'), p.name || '社区' || c, p.lon + c * 0.0008, p.lat
         FROM places p CROSS JOIN generate_series(1, ${COMMUNITIES_PER_STREET}) c WHERE p.level = 'street'`,
    `CREATE TABLE bench_c AS SELECT row_number() OVER (ORDER BY path)::int AS n, id, parent_id AS street_id, lon, lat
       FROM places WHERE level = 'community'`,
    `INSERT INTO people (name, import_key, home_place_id)
       SELECT '居民' || ((c.n - 1) * ${RESIDENTS} + k), 'b' || ((c.n - 1) * ${RESIDENTS} + k), c.id
         FROM bench_c c CROSS JOIN generate_series(1, ${RESIDENTS}) k`,
    `CREATE TABLE bench_p AS SELECT c.n, row_number() OVER (PARTITION BY p.home_place_id ORDER BY p.import_key)::int AS k, p.id
       FROM people p JOIN bench_c c ON c.id = p.home_place_id`,
    'INSERT INTO resilience_settings DEFAULT VALUES ON CONFLICT DO NOTHING',
    // Infrastructure: a substation per street feeding its communities' power sinks; a tenth of the
    // communities have no sink (no value); a third lose nobody to the substation.
    `INSERT INTO infra_n1_runs (computed_at, assets, links, rows, ms) VALUES (now(), 0, 0, 0, 0)`,
    `INSERT INTO infra_assets (id, kind, type, name, place_id, operator_place_id, created_at, updated_at)
       SELECT 'SUB-' || path, 'power', 'node', '变电站 ' || path, id, id, ${ago(400)}, ${ago(400)}
         FROM places WHERE level = 'street'`,
    `INSERT INTO infra_assets (id, kind, type, name, place_id, operator_place_id, community_id, population, created_at, updated_at)
       SELECT v.k || '-' || c.n, v.k, 'sink', v.k || ' 末端 ' || c.n, c.id, c.id, c.id, ${RESIDENTS}, ${ago(400)}, ${ago(400)}
         FROM bench_c c CROSS JOIN (VALUES ('power'), ('water')) v(k) WHERE c.n % 10 <> 0`,
    `INSERT INTO infra_n1_losses (run_id, asset_id, kind, community_id, population_lost)
       SELECT (SELECT max(id) FROM infra_n1_runs), 'SUB-' || s.path, 'power', c.id, c.n * 7 % ${RESIDENTS + 1}
         FROM bench_c c JOIN places s ON s.id = c.street_id WHERE c.n % 10 <> 0 AND c.n % 3 <> 0`,
    `INSERT INTO shelters (place_id, name, lon, lat, capacity_day, capacity_night, type, created_at, updated_at)
       SELECT c.id, '避难场所 ' || c.n, c.lon, c.lat, 40, c.n * 37 % 15, 'indoor', ${ago(100)}, ${ago(100)}
         FROM bench_c c WHERE c.n % 3 <> 1`,
    `INSERT INTO volunteers (name, phone, skills, lon, lat, place_id, state, verified_at, created_at, updated_at)
       SELECT '志愿者' || g, '139' || lpad(g::text, 8, '0'), ARRAY['transport'], c.lon, c.lat, c.id,
              CASE WHEN g % 5 = 0 THEN 'unverified' ELSE 'verified' END,
              CASE WHEN g % 5 = 0 THEN NULL ELSE ${ago(30)} END, ${ago(60)}, ${ago(60)}
         FROM bench_c c CROSS JOIN generate_series(1, c.n % 7) k CROSS JOIN LATERAL (SELECT (c.n - 1) * 7 + k AS g) x`,
    // Follow-up: one case, up to three tasks done per community in the last 90 days.
    `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('BENCH-1', 'bench', ${ago(60)})`,
    `INSERT INTO tasks (place_id, person_id, subject_pseudonym, case_id, state, outcome, created_at, updated_at, finished_at)
       SELECT c.id, p.id, 'bench-' || p.id, (SELECT id FROM cases WHERE label = 'BENCH-1'), 'done', 'reached', ${ago(50)}, ${ago(49)},
              ${ago(50)} + ((c.n * 13 + p.k * 7) % 72 + 1) * interval '1 hour'
         FROM bench_c c JOIN bench_p p ON p.n = c.n AND p.k <= 3 WHERE c.n % 4 <> 0`,
    `INSERT INTO aid_requests (requester_id, need, lon, lat, at_home, place_id, urgency, window_from, window_to, state, created_at, updated_at)
       SELECT p.id, 'food_delivery', c.lon, c.lat, true, c.id, 'normal', ${ago(20)}, ${ago(19)}, 'done', ${ago(20)}, ${ago(19)}
         FROM bench_c c JOIN bench_p p ON p.n = c.n AND p.k <= 2 WHERE c.n % 5 <> 0`,
    `INSERT INTO aid_events (request_id, state, at)
       SELECT r.id, 'done', r.created_at + ((p.n * 11 + p.k * 5) % 48 + 1) * interval '1 hour'
         FROM aid_requests r JOIN bench_p p ON p.id = r.requester_id`,
    `INSERT INTO reports (reporter_person_id, category, text, place_id, submitted_at, updated_at)
       SELECT p.id, 'hazard', '隐患 ' || p.n || '-' || p.k, c.id, ${ago(10)} - p.k * interval '1 day', ${ago(1)}
         FROM bench_c c JOIN bench_p p ON p.n = c.n AND p.k <= 3 WHERE c.n % 6 <> 0`,
    `INSERT INTO report_events (report_id, at, actor, action, to_state)
       SELECT r.id, r.submitted_at + ((p.n + p.k) % 96) * interval '1 hour', 'bench', 'respond', 'responded'
         FROM reports r JOIN bench_p p ON p.id = r.reporter_person_id WHERE (p.n + p.k) % 4 <> 0`,
    // Plans: flood and epidemic plans for every district, fire plans for the first half.
    `INSERT INTO plans (title, hazard, owner_place_id, created_at)
       SELECT h.hz || ' plan ' || d.path, h.hz, d.id, ${ago(200)}
         FROM places d CROSS JOIN (VALUES ('flood'), ('epidemic'), ('fire')) h(hz)
        WHERE d.level = 'district' AND (h.hz <> 'fire' OR d.code <= 'd${String(Math.ceil(districts / 2)).padStart(3, '0')}')`,
    `INSERT INTO plan_versions (plan_id, number, levels, published_at) SELECT id, 1, '{}', ${ago(150)} FROM plans`,
    'INSERT INTO plan_places (plan_id, place_id) SELECT id, owner_place_id FROM plans',
    // Plans' corrective actions: an incident of its district's flood plan per street, with one to
    // four actions reviewed 60 days ago, some closed by the plan's version.
    `INSERT INTO users (username, password_hash, role, place_id)
       SELECT 'bench', 'x', 'city_admin', id FROM places WHERE path = 'cq'`,
    `INSERT INTO incidents (plan_id, version_id, level, state, activated_at, closed_at)
       SELECT pl.id, v.id, 'III', 'closed', ${ago(80)}, ${ago(70)}
         FROM places s JOIN plans pl ON pl.owner_place_id = s.parent_id AND pl.hazard = 'flood'
         JOIN plan_versions v ON v.plan_id = pl.id
        WHERE s.level = 'street' ORDER BY s.path`,
    `CREATE TABLE bench_i AS SELECT row_number() OVER (ORDER BY seq)::int AS n, id, plan_id, version_id FROM incidents`,
    `INSERT INTO incident_places (incident_id, place_id)
       SELECT i.id, s.id FROM bench_i i
         JOIN (SELECT id, row_number() OVER (ORDER BY path)::int AS n FROM places WHERE level = 'street') s ON s.n = i.n`,
    `INSERT INTO incident_objectives (incident_id, position, title, source)
       SELECT id, 1, '复盘', 'reviewers' FROM bench_i`,
    `INSERT INTO corrective_actions (incident_id, objective_id, plan_id, title, owner_id, due, element, reviewed_at, closed_by_version, closed_at)
       SELECT i.id, o.id, i.plan_id, '整改 ' || i.n || '-' || a, (SELECT id FROM users WHERE username = 'bench'),
              ${ago(30)}, 'planning', ${ago(60)},
              CASE WHEN (i.n + a) % 3 <> 0 THEN i.version_id END, CASE WHEN (i.n + a) % 3 <> 0 THEN ${ago(20)} END
         FROM bench_i i JOIN incident_objectives o ON o.incident_id = i.id
         CROSS JOIN generate_series(1, i.n % 4 + 1) a`,
    // Supplies: three items, norms per resident over each district, a store per community (but
    // every eighth) holding lots of each item, some short of the requirement.
    `INSERT INTO supply_items (code, name, unit, created_at, updated_at)
       VALUES ('WATER', '饮用水', '升', ${ago(300)}, ${ago(300)}), ('FOOD', '方便食品', '份', ${ago(300)}, ${ago(300)}),
              ('BLANKET', '棉被', '床', ${ago(300)}, ${ago(300)})`,
    `INSERT INTO supply_norms (source, item_code, per_resident, set_at)
       SELECT 'bench ' || d.path, i.code, i.per, ${ago(200)}
         FROM places d CROSS JOIN (VALUES ('WATER', 3), ('FOOD', 2), ('BLANKET', 0.5)) i(code, per) WHERE d.level = 'district'`,
    `INSERT INTO supply_norm_places (norm_id, place_id)
       SELECT n.id, d.id FROM supply_norms n JOIN places d ON 'bench ' || d.path = n.source`,
    `INSERT INTO supply_stores (place_id, name, created_at)
       SELECT id, '储备点 ' || n, ${ago(300)} FROM bench_c WHERE n % 8 <> 0`,
    `INSERT INTO supply_lots (store_id, item_code, quantity, received_at)
       SELECT s.id, i.code, (c.n * i.k * 7) % (i.need * 2), ${ago(100)}
         FROM supply_stores s JOIN bench_c c ON c.id = s.place_id
         CROSS JOIN (VALUES ('WATER', 1, ${RESIDENTS * 3}), ('FOOD', 2, ${RESIDENTS * 2}), ('BLANKET', 3, ${RESIDENTS / 2})) i(code, k, need)`,
    // Inbox: three departments' forms (4, 6 and 8 fields) arrived 10, 20 and 30 days ago at every
    // community but every seventh, each an item with some of its fields typed or pre-filled.
    `INSERT INTO departments (code, name) VALUES ('civil', '民政局')`,
    `INSERT INTO work_requests (department, duty, kind, title, targets, due_at, priority, fields, status, submitted_at)
       SELECT 'civil', 'report', 'form', '报表 ' || k, ARRAY['community'], ${ago(0)}, 'normal',
              (SELECT jsonb_agg(jsonb_build_object('key', 'f' || f, 'type', 'number')) FROM generate_series(1, 2 + 2 * k) f),
              'accepted', now() - k * interval '10 days'
         FROM generate_series(1, 3) k`,
    `INSERT INTO work_items (place_id, duty, kind, title, due_at, priority, departments, window_from, window_to, created_at, updated_at)
       SELECT c.id, 'report', 'form', r.title, ${ago(0)}, 'normal', ARRAY['civil'], current_date - 100, current_date,
              r.submitted_at, r.submitted_at
         FROM bench_c c CROSS JOIN work_requests r WHERE c.n % 7 <> 0`,
    `INSERT INTO work_demands (request_id, item_id, place_id, arrived_on, state)
       SELECT r.id, i.id, i.place_id, r.submitted_at::date, 'open'
         FROM work_items i JOIN work_requests r ON r.title = i.title`,
    `INSERT INTO field_values (place_id, item_id, key, type, window_from, window_to, value, prefilled, entered_at)
       SELECT i.place_id, i.id, 'f' || f, 'number', i.window_from, i.window_to, to_jsonb(f), f % 3 = 0, ${ago(5)}
         FROM work_items i JOIN bench_c c ON c.id = i.place_id
         CROSS JOIN LATERAL generate_series(1, (c.n + right(i.title, 1)::int) % 5) f`,
  ];
}

interface Timed {
  ms: number;
  run: ResilienceRun;
  /** Milliseconds per phase: `communities`, each indicator's key, `scoring`, `saving`. */
  phases: Map<string, number>;
}

async function timedRun(db: Db, date: string): Promise<Timed> {
  const phases = new Map<string, number>();
  const keys = PLATFORM_INDICATORS.map((d) => d.key);
  let last = performance.now();
  const t0 = last;
  const onProgress = (p: ComputeProgress) => {
    const now = performance.now();
    if (p.done > 0) {
      const name = p.phase === 'indicators' ? (keys[p.done - 1] ?? 'city’s own') : p.phase;
      phases.set(name, (phases.get(name) ?? 0) + now - last);
    }
    last = now;
  };
  const run = await computeResilienceIndex(db, {
    date,
    actor: { userId: null, scope: null, now: new Date() },
    onProgress,
  });
  return { ms: performance.now() - t0, run, phases };
}

/**
 * PGlite as deployed: a data directory on disk (a temporary one, removed afterwards). In memory
 * (`memory`), its file system grows a file by copying it whole (by an eighth each time): writing a
 * run's 60 MB of values takes twice as long, a cost of the benchmark rather than of the platform.
 */
async function pglite(memory: boolean): Promise<Target> {
  if (memory) return { name: 'PGlite (memory)', db: await openDatabase({ memory: true }, {}) };
  const dir = await mkdtemp(join(tmpdir(), 'renxing-bench-resilience-'));
  const db = await openDatabase({ dataDir: join(dir, 'data') }, {});
  return {
    name: 'PGlite',
    db,
    drop: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function benchDaily(o: { communities: number; pg: boolean; memory: boolean }): Promise<Table> {
  const targets: Target[] = [await pglite(o.memory)];
  if (o.pg) {
    const p = await scratchPostgres('resilience');
    if (p) targets.push(p);
  }
  const date = resilienceCityDate(new Date());
  const results: { name: string; seedMs: number; first: Timed; second: Timed }[] = [];
  try {
    for (const t of targets) {
      log(`daily computation on ${t.name}: migrating, seeding ${int(o.communities)} communities …`);
      await migrate(t.db);
      const s0 = performance.now();
      for (const sql of seedSql(o.communities)) await t.db.query(sql);
      await t.db.query('ANALYZE');
      const seedMs = performance.now() - s0;
      log(`  seeded in ${fmt(seedMs / 1000, 1)} s; computing ${date} twice …`);
      const first = await timedRun(t.db, date);
      const second = await timedRun(t.db, date);
      log(
        `  ${fmt(first.ms / 1000, 1)} s, then ${fmt(second.ms / 1000, 1)} s (absent: ${second.run.absent.join(', ') || 'none'})`,
      );
      results.push({ name: t.name, seedMs, first, second });
    }
  } finally {
    for (const t of targets) await (t.drop ? t.drop() : t.db.close());
  }
  const [lite, pgr] = results;
  const phaseNames = [...new Set(results.flatMap((r) => [...r.first.phases.keys()]))];
  const ms = (x: number | undefined) => (x === undefined ? '—' : fmt(x, 0));
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? `${fmt(a / b, 2)}×` : '—';
  const row = (label: string, f: (t: Timed) => number | undefined): string[] => [
    label,
    ...results.flatMap((r) => [ms(f(r.first)), ms(f(r.second))]),
    ratio(f(lite.first), pgr && f(pgr.first)),
  ];
  const perSecond = (t: Timed) => int(Math.round(t.run.communities / (t.ms / 1000)));
  const head = results.flatMap((r) => [`${r.name} new date`, `${r.name} again`]);
  return {
    title: `Daily resilience computation (computeResilienceIndex), ${int(o.communities)} communities, ${int(o.communities * RESIDENTS)} residents: ms per phase`,
    head: ['phase', ...head, ...(pgr ? ['PGlite ÷ PostgreSQL (new date)'] : [])],
    rows: [
      ...phaseNames.map((p) => row(p, (t) => t.phases.get(p) ?? 0)),
      row('total', (t) => t.ms),
      ['communities per second', ...results.flatMap((r) => [perSecond(r.first), perSecond(r.second)]), '—'],
      ['seeding by bulk SQL (not in the run)', ...results.flatMap((r) => [ms(r.seedMs), '']), '—'],
    ].map((r) => (pgr ? r : r.slice(0, -1))),
    notes: [
      `Run of ${date}: ${int(lite.second.run.communities)} communities, indicators with a value: ${lite.second.run.indicators.filter((k) => !lite.second.run.absent.includes(k)).length} of ${lite.second.run.indicators.length}; absent (no data seeded): ${lite.second.run.absent.join(', ') || 'none'}.`,
      '"new date": the first run of the date (the daily case); "again": the same date computed again, replacing the first run’s rows. Each indicator is one set-based query over all communities; "saving" writes every value with its evidence and every score in one transaction.',
    ],
  };
}
