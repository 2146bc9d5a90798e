/**
 * `npm run bench:supplies [-- --pg] [-- --runs N]`: supply gaps (issue 12) for a city of 1,000
 * communities × 200 items, target under a second.
 *
 * The city: 10 districts × 10 streets × 10 communities, 300 to 3,000 residents each (counted in
 * people_place_counts, as the people triggers keep it), 200 items, a store in every community,
 * street and district and one for the city, about 1.5 lots per community store and item (a third
 * of the community lots expire before the horizon), a lot of every item in every higher store,
 * and norms from two sources — every item over the city, and 50 items again over three districts.
 * Seeded set-based in SQL; the norms through setSupplyNorms.
 *
 * Timed: supplyGaps(db, { under: city, horizon }) — its two statements, the cascade of higher
 * stores over lower gaps and the rows built — median of --runs (default 7, after 2 warm-ups).
 * Peer: the same answer (every place × item row: requirement, stock, gaps below, gap) as one plain
 * SQL statement, through psql on the server (PREPARE/EXECUTE, \timing, rows to /dev/null) with
 * --pg, on the same PGlite otherwise. The peer's rows are checked against ours before timing.
 *
 * PGlite in memory by default; --pg: a database created on the server at TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards (kept with --keep).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { setSupplyNorms, supplyGaps } from '@renxing/modules/supplies';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const DISTRICTS = 10;
const STREETS = 10;
const COMMUNITIES = 10;
const ITEMS = 200;
const HORIZON = new Date('2026-12-20T16:00:00Z');
const NOW = new Date('2026-12-05T02:00:00Z');

const fmt = (n: number, d = 1) =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const code = (i: number) => `I${String(i).padStart(3, '0')}`;

/** The city, its residents, catalogue, stores and lots: set-based SQL (a fixture). */
async function seed(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO places (level, code, name) VALUES ('city', 'cq', '重庆市');
    INSERT INTO places (parent_id, level, code, name)
      SELECT (SELECT id FROM places WHERE path = 'cq'), 'district', 'd' || lpad(d::text, 2, '0'), '区' || d
        FROM generate_series(1, ${DISTRICTS}) d;
    INSERT INTO places (parent_id, level, code, name)
      SELECT p.id, 'street', 's' || lpad(s::text, 2, '0'), p.name || '街道' || s
        FROM places p CROSS JOIN generate_series(1, ${STREETS}) s WHERE p.level = 'district';
    INSERT INTO places (parent_id, level, code, name, lon, lat)
      SELECT p.id, 'community', 'c' || lpad(c::text, 2, '0'), p.name || '社区' || c,
             106 + (hashtext(p.path || c) % 1000) / 2000.0, 29.5 + (hashtext(c || p.path) % 1000) / 2000.0
        FROM places p CROSS JOIN generate_series(1, ${COMMUNITIES}) c WHERE p.level = 'street';
    INSERT INTO people_place_counts (place_id, people)
      SELECT id, 300 + abs(hashtext(path)) % 2701 FROM places WHERE level = 'community';
    INSERT INTO supply_items (code, name, unit, shelf_life_days, min_per_store, created_at, updated_at)
      SELECT 'I' || lpad(i::text, 3, '0'), '物资' || i, '件', CASE WHEN i % 3 = 0 THEN NULL ELSE 365 END, NULL, now(), now()
        FROM generate_series(1, ${ITEMS}) i;
    INSERT INTO supply_stores (place_id, name, created_at) SELECT id, name || '仓库', now() FROM places;
  `);
  const user = await createUser(db, {
    username: 'bench',
    password: 'bench-password',
    role: 'city_admin',
    placePath: 'cq',
  });
  // Community stores: a lot of each item expiring after the horizon (or never), and for half of the
  // items a second lot, two thirds of which expire before it. Higher stores: one lot of each item.
  await db.query(
    `INSERT INTO supply_lots (store_id, item_code, expires_at, quantity, received_at)
     SELECT s.id, i.code,
            CASE WHEN i.shelf_life_days IS NULL THEN NULL ELSE $1::timestamptz + interval '60 days' END,
            CASE WHEN p.level = 'community' THEN 100 + abs(hashtext(p.path || i.code)) % 4000
                 ELSE 2000 + abs(hashtext(p.path || i.code)) % 20000 END,
            $2
       FROM supply_stores s JOIN places p ON p.id = s.place_id CROSS JOIN supply_items i`,
    [HORIZON, NOW],
  );
  await db.query(
    `INSERT INTO supply_lots (store_id, item_code, expires_at, quantity, received_at)
     SELECT s.id, i.code,
            $1::timestamptz + (CASE WHEN abs(hashtext(i.code || p.path)) % 3 = 0 THEN 5 ELSE -5 END) * interval '1 day',
            50 + abs(hashtext(i.code || p.path)) % 2000, $2
       FROM supply_stores s JOIN places p ON p.id = s.place_id CROSS JOIN supply_items i
      WHERE p.level = 'community' AND abs(hashtext(p.path || i.code || 'x')) % 2 = 0`,
    [HORIZON, NOW],
  );
  await db.exec('ANALYZE');
  const items = Array.from({ length: ITEMS }, (_, i) => code(i + 1));
  await setSupplyNorms(
    db,
    'bench:city',
    items.map((item, i) => ({ item, perResident: 0.5 + (i % 20) * 0.25, places: ['cq'] })),
    { actor: user.id, at: NOW },
  );
  await setSupplyNorms(
    db,
    'bench:flood',
    items
      .slice(0, 50)
      .map((item, i) => ({ item, perResident: 0.1 + (i % 5) * 0.1, places: ['cq.d01', 'cq.d02', 'cq.d03'] })),
    { actor: user.id, at: NOW },
  );
  await db.exec('ANALYZE');
}

/**
 * The peer: every row of the answer in one statement — each community's requirement, usable stock
 * and gap, then street, district and city, each its own stock against the gaps of the level below.
 * (The hierarchy here is city → district → street → community; grids hold no stores.)
 */
const PEER = `WITH comm AS (
    SELECT p.id, p.path, p.parent_id FROM places p
     WHERE p.level = 'community' AND p.path >= $1 AND p.path < $1 || '/'
  ), residents AS (
    SELECT c.id, coalesce(sum(n.people), 0) AS people
      FROM comm c JOIN places h ON h.path >= c.path AND h.path < c.path || '/'
      LEFT JOIN people_place_counts n ON n.place_id = h.id GROUP BY c.id
  ), requirement AS (
    SELECT c.id AS place_id, nm.item_code AS item, sum(nm.per_resident * r.people) AS requirement
      FROM supply_norms nm JOIN comm c ON EXISTS (
             SELECT 1 FROM supply_norm_places np JOIN places q ON q.id = np.place_id
              WHERE np.norm_id = nm.id AND c.path >= q.path AND c.path < q.path || '/')
      JOIN residents r ON r.id = c.id
     GROUP BY c.id, nm.item_code
  ), stock AS (
    SELECT CASE WHEN sp.level = 'grid' THEN sp.parent_id ELSE sp.id END AS place_id, l.item_code AS item,
           sum(l.quantity) AS stock
      FROM supply_lots l JOIN supply_stores s ON s.id = l.store_id JOIN places sp ON sp.id = s.place_id
     WHERE l.quantity > 0 AND (l.expires_at IS NULL OR l.expires_at > $2) AND sp.path >= $1 AND sp.path < $1 || '/'
     GROUP BY 1, 2
  ), l4 AS (
    SELECT coalesce(r.place_id, s.place_id) AS place_id, coalesce(r.item, s.item) AS item,
           coalesce(r.requirement, 0) AS requirement, coalesce(s.stock, 0) AS stock, 0::numeric AS below,
           greatest(0, coalesce(r.requirement, 0) - coalesce(s.stock, 0)) AS gap
      FROM requirement r
      FULL JOIN (SELECT s.* FROM stock s JOIN comm c ON c.id = s.place_id) s ON s.place_id = r.place_id AND s.item = r.item
  ), up3 AS (
    SELECT c.parent_id AS place_id, x.item, sum(x.requirement) AS requirement, sum(x.gap) AS below
      FROM l4 x JOIN places c ON c.id = x.place_id GROUP BY 1, 2
  ), l3 AS (
    SELECT coalesce(u.place_id, s.place_id) AS place_id, coalesce(u.item, s.item) AS item,
           coalesce(u.requirement, 0) AS requirement, coalesce(s.stock, 0) AS stock, coalesce(u.below, 0) AS below,
           greatest(0, coalesce(u.below, 0) - coalesce(s.stock, 0)) AS gap
      FROM up3 u FULL JOIN (SELECT s.* FROM stock s JOIN places p ON p.id = s.place_id WHERE p.level = 'street') s
        ON s.place_id = u.place_id AND s.item = u.item
  ), up2 AS (
    SELECT c.parent_id AS place_id, x.item, sum(x.requirement) AS requirement, sum(x.gap) AS below
      FROM l3 x JOIN places c ON c.id = x.place_id GROUP BY 1, 2
  ), l2 AS (
    SELECT coalesce(u.place_id, s.place_id) AS place_id, coalesce(u.item, s.item) AS item,
           coalesce(u.requirement, 0) AS requirement, coalesce(s.stock, 0) AS stock, coalesce(u.below, 0) AS below,
           greatest(0, coalesce(u.below, 0) - coalesce(s.stock, 0)) AS gap
      FROM up2 u FULL JOIN (SELECT s.* FROM stock s JOIN places p ON p.id = s.place_id WHERE p.level = 'district') s
        ON s.place_id = u.place_id AND s.item = u.item
  ), up1 AS (
    SELECT c.parent_id AS place_id, x.item, sum(x.requirement) AS requirement, sum(x.gap) AS below
      FROM l2 x JOIN places c ON c.id = x.place_id GROUP BY 1, 2
  ), l1 AS (
    SELECT coalesce(u.place_id, s.place_id) AS place_id, coalesce(u.item, s.item) AS item,
           coalesce(u.requirement, 0) AS requirement, coalesce(s.stock, 0) AS stock, coalesce(u.below, 0) AS below,
           greatest(0, coalesce(u.below, 0) - coalesce(s.stock, 0)) AS gap
      FROM up1 u FULL JOIN (SELECT s.* FROM stock s JOIN places p ON p.id = s.place_id WHERE p.level = 'city') s
        ON s.place_id = u.place_id AND s.item = u.item
  )
  SELECT p.path, x.item, x.requirement::float8 AS requirement, x.stock::float8 AS stock,
         x.below::float8 AS below, x.gap::float8 AS gap
    FROM (SELECT * FROM l4 UNION ALL SELECT * FROM l3 UNION ALL SELECT * FROM l2 UNION ALL SELECT * FROM l1) x
    JOIN places p ON p.id = x.place_id
   WHERE x.requirement > 0 OR x.stock > 0 OR x.below > 0`;

type Row = { path: string; item: string; requirement: number; stock: number; below: number; gap: number };

function compare(ours: Row[], theirs: Row[]): void {
  const key = (r: Row) => `${r.path}|${r.item}`;
  const them = new Map(theirs.map((r) => [key(r), r]));
  if (them.size !== ours.length) throw new Error(`peer gave ${them.size} rows, supplyGaps ${ours.length}`);
  for (const r of ours) {
    const t = them.get(key(r));
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    if (
      !t ||
      !close(r.requirement, t.requirement) ||
      !close(r.stock, t.stock) ||
      !close(r.below, t.below) ||
      !close(r.gap, t.gap)
    )
      throw new Error(
        `supplyGaps and the peer differ at ${key(r)}: ${JSON.stringify(r)} vs ${JSON.stringify(t)}`,
      );
  }
}

async function run(db: Db, url: string | null): Promise<void> {
  await migrate(db);
  const t0 = performance.now();
  await seed(db);
  const counts = await db.query<{ lots: number; stores: number; communities: number; people: number }>(
    `SELECT (SELECT count(*) FROM supply_lots)::int AS lots, (SELECT count(*) FROM supply_stores)::int AS stores,
            (SELECT count(*) FROM places WHERE level = 'community')::int AS communities,
            (SELECT sum(people) FROM people_place_counts)::bigint AS people`,
  );
  const c = counts.rows[0];
  console.log(
    `city: ${c.communities} communities, ${c.people.toLocaleString('en')} residents, ${ITEMS} items, ${c.stores} stores, ` +
      `${c.lots.toLocaleString('en')} lots, norms from 2 sources (seeded in ${fmt((performance.now() - t0) / 1000)} s)`,
  );

  if (args.keep && url) return;
  const times: number[] = [];
  let answer: Awaited<ReturnType<typeof supplyGaps>> | undefined;
  for (let k = 0; k < RUNS + 2; k++) {
    const s = performance.now();
    answer = await supplyGaps(db, { under: 'cq', horizon: HORIZON });
    if (k >= 2) times.push(performance.now() - s);
  }
  const rows = answer!.rows;
  const short = rows.filter((r) => r.level === 'community' && r.gap > 0).length;
  const top = rows.filter((r) => r.path === 'cq' && r.gap > 0).length;
  console.log(
    `supplyGaps (city, all items): ${rows.length.toLocaleString('en')} rows (${short.toLocaleString('en')} community × item gaps, ` +
      `${top} items still short at the city); median ${fmt(median(times), 0)} ms, best ${fmt(Math.min(...times), 0)} ms ` +
      `(${RUNS} runs) — target < 1,000 ms: ${median(times) < 1000 ? 'met' : 'MISSED'}`,
  );

  const peerRows = (await db.query<Row>(PEER, ['cq', HORIZON])).rows;
  compare(
    rows.map((r) => ({
      path: r.path,
      item: r.item,
      requirement: r.requirement,
      stock: r.stock,
      below: r.gapsBelow,
      gap: r.gap,
    })),
    peerRows,
  );
  console.log(`  peer's ${peerRows.length.toLocaleString('en')} rows equal supplyGaps' (to a millionth)`);

  let peer: number[] = [];
  let peerName: string;
  if (url) {
    peerName = 'psql PREPARE/EXECUTE';
    const horizon = HORIZON.toISOString();
    const sql = PEER.replaceAll('$1', '$1::text').replaceAll('$2', '$2::timestamptz');
    const script = [
      `PREPARE gaps(text, timestamptz) AS ${sql};`,
      ...Array.from({ length: 2 }, () => `EXECUTE gaps('cq', '${horizon}');`),
      '\\timing on',
      ...Array.from({ length: RUNS }, () => `EXECUTE gaps('cq', '${horizon}');`),
    ].join('\n');
    const r = spawnSync('psql', [url, '-X', '-q', '-o', '/dev/null', '-v', 'ON_ERROR_STOP=1'], {
      input: script,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error}`);
    peer = [...`${r.stdout}\n${r.stderr}`.matchAll(/Time: ([0-9.]+) ms/g)].map((m) => Number(m[1]));
  } else {
    peerName = 'the same statement on the same PGlite';
    for (let k = 0; k < RUNS + 2; k++) {
      const s = performance.now();
      await db.query(PEER, ['cq', HORIZON]);
      if (k >= 2) peer.push(performance.now() - s);
    }
  }
  console.log(`  peer, ${peerName} (one statement, every row): median ${fmt(median(peer), 0)} ms`);
  console.log(`  ratio supplyGaps / peer: ${fmt(median(times) / median(peer), 2)}×`);
}

if (args.pg) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `renxing_bench_supplies_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ url: url.toString() }, {});
  console.log(`database: PostgreSQL (${dbName} on ${url.host})`);
  try {
    await run(db, url.toString());
  } finally {
    await db.close();
    if (args.keep) console.log(`kept ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
} else {
  const db = await openDatabase({ memory: true }, {});
  console.log('database: PGlite (in memory)');
  try {
    await run(db, null);
  } finally {
    await db.close();
  }
}
