/**
 * `npm run bench:resilience [-- options]`: the resilience index (issue 15), two parts, each against
 * a peer in the same run; prints tables and ratios (no pass/fail).
 *
 *  (a) The arithmetic: `scoreCommunities` + `nextSteps` (@renxing/modules/resilience) over a
 *      seeded city of 10,000 communities × the contract's 10 indicators (some values missing),
 *      against DuckDB SQL computing the same min-max, means, index and next steps on the same
 *      values (loaded with the appender, load timed apart); both answers compared to 1e-9.
 *  (b) The daily computation (`computeResilienceIndex`) of a city of 10,000 communities on PGlite
 *      and on PostgreSQL, the areas' tables seeded by bulk SQL (bench/src/resilience-city.ts).
 *
 * Options: --part a|b|all (all) · --communities N (10000) · --streets N (500) · --missing P
 * (0.15) · --seed S (1) · --runs R (5) · --no-pg · --pglite-memory (PGlite in memory rather than in a
 * temporary data directory). PostgreSQL: a database created on the server at
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 */
import { parseArgs } from 'node:util';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorSpec } from '@renxing/contracts';
import {
  type NextStep,
  nextSteps,
  type Scoring,
  scoreCommunities,
  type ValueRow,
} from '@renxing/modules/resilience';
import { openDuckdb } from './duckdb-companions.js';
import { fmt, int, log, printTable, type Table } from './infra-report.js';
import { benchDaily } from './resilience-city.js';

/** The contract's ten indicators, with a range their values are drawn from. */
const INDICATORS: (IndicatorSpec & { lo: number; hi: number })[] = [
  {
    key: 'infra.n1_worst_loss_share',
    mechanism: 'engineering',
    trait: 'redundancy',
    direction: 'lower',
    lo: 0,
    hi: 1,
  },
  {
    key: 'shelter.places_per_100',
    mechanism: 'engineering',
    trait: 'redundancy',
    direction: 'higher',
    lo: 0,
    hi: 25,
  },
  {
    key: 'supplies.gap_share',
    mechanism: 'engineering',
    trait: 'redundancy',
    direction: 'lower',
    lo: 0,
    hi: 1,
  },
  {
    key: 'plan.coverage',
    mechanism: 'institutional',
    trait: 'redundancy',
    direction: 'higher',
    lo: 0,
    hi: 1,
  },
  {
    key: 'plan.actions_closed_share',
    mechanism: 'institutional',
    trait: 'adaptability',
    direction: 'higher',
    lo: 0,
    hi: 1,
  },
  {
    key: 'inbox.fields_saved',
    mechanism: 'institutional',
    trait: 'adaptability',
    direction: 'higher',
    lo: 0,
    hi: 0.9,
  },
  {
    key: 'followup.median_hours',
    mechanism: 'institutional',
    trait: 'adaptability',
    direction: 'lower',
    lo: 1,
    hi: 240,
  },
  {
    key: 'volunteers.per_1000',
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'higher',
    lo: 0,
    hi: 40,
  },
  {
    key: 'aid.median_hours',
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'lower',
    lo: 0.5,
    hi: 72,
  },
  {
    key: 'participation.sla_share',
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'higher',
    lo: 0,
    hi: 1,
  },
];

/** mulberry32: a small seeded stream of numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface City {
  values: ValueRow[];
  streetOf: Map<string, string>;
}

/** A seeded city: communities in streets (1 % without one), each value missing with probability `missing`. */
export function resilienceCity(communities: number, streets: number, missing: number, seed: number): City {
  const rnd = mulberry32(seed);
  const values: ValueRow[] = [];
  const streetOf = new Map<string, string>();
  for (let c = 0; c < communities; c++) {
    const community = `c${String(c).padStart(6, '0')}`;
    if (rnd() >= 0.01) streetOf.set(community, `s${String(c % streets).padStart(4, '0')}`);
    for (const i of INDICATORS)
      if (rnd() >= missing) values.push({ community, key: i.key, value: i.lo + rnd() * (i.hi - i.lo) });
  }
  return { values, streetOf };
}

/** `x` normalised over the range `r` for the direction `dir` (SQL). */
const norm = (x: string, dir = 's.direction') =>
  `CASE WHEN r.hi = r.lo THEN 0.5 WHEN ${dir} = 'higher' THEN (${x} - r.lo) / (r.hi - r.lo) ELSE 1 - (${x} - r.lo) / (r.hi - r.lo) END`;
/** Whether `x` is better than the community's own value `n.value` (SQL). */
const better = (x: string) =>
  `((n.direction = 'higher' AND ${x} > n.value) OR (n.direction = 'lower' AND ${x} < n.value))`;

/** The contract's scores, one row per community in byte order. */
const SCORES_SQL = `
WITH r AS (SELECT key, min(value) AS lo, max(value) AS hi FROM v GROUP BY key),
n AS (SELECT v.community, s.mechanism, s.trait, ${norm('v.value')} AS x FROM v JOIN s USING (key) JOIN r USING (key)),
m AS (SELECT community,
  avg(x) FILTER (WHERE mechanism = 'engineering') AS engineering,
  avg(x) FILTER (WHERE mechanism = 'institutional') AS institutional,
  avg(x) FILTER (WHERE mechanism = 'social') AS social,
  avg(x) FILTER (WHERE trait = 'self_organisation') AS self_organisation,
  avg(x) FILTER (WHERE trait = 'redundancy') AS redundancy,
  avg(x) FILTER (WHERE trait = 'adaptability') AS adaptability
  FROM n GROUP BY community)
SELECT community, engineering, institutional, social,
  CASE WHEN coalesce(engineering, institutional, social) IS NULL THEN NULL
       ELSE coalesce(engineering, 0) + coalesce(institutional, 0) + coalesce(social, 0) END AS idx,
  self_organisation, redundancy, adaptability
FROM m ORDER BY community`;

/** The three best next steps of each community (street median, else city median, else city best). */
const STEPS_SQL = `
WITH r AS (SELECT key, min(value) AS lo, max(value) AS hi, median(value) AS med FROM v GROUP BY key),
sm AS (SELECT street, key, median(value) AS med FROM v WHERE street IS NOT NULL GROUP BY street, key),
n AS (SELECT v.community, v.street, v.key, v.value, s.mechanism, s.direction FROM v JOIN s USING (key)),
k AS (SELECT community, mechanism, count(*) AS k FROM n GROUP BY community, mechanism),
t AS (SELECT n.community, n.key, n.value, n.direction, k.k, r.lo, r.hi,
  CASE WHEN ${better('sm.med')} THEN sm.med WHEN ${better('r.med')} THEN r.med
       WHEN n.direction = 'higher' THEN r.hi ELSE r.lo END AS target,
  CASE WHEN ${better('sm.med')} THEN 'street_median' WHEN ${better('r.med')} THEN 'city_median'
       ELSE 'city_best' END AS target_of
  FROM n JOIN r USING (key) JOIN k USING (community, mechanism)
  LEFT JOIN sm ON sm.street = n.street AND sm.key = n.key),
g AS (SELECT community, key, value, target, target_of,
  (${norm('target', 'r.direction')} - ${norm('value', 'r.direction')}) / k AS gain FROM t AS r),
ranked AS (SELECT *, row_number() OVER (PARTITION BY community ORDER BY gain DESC, key) AS rn FROM g WHERE gain > 0)
SELECT community, key, value, target, target_of, gain FROM ranked WHERE rn <= 3 ORDER BY community, rn`;

async function load(con: DuckDBConnection, city: City): Promise<void> {
  await con.run(
    'CREATE OR REPLACE TABLE s (key VARCHAR, mechanism VARCHAR, trait VARCHAR, direction VARCHAR)',
  );
  await con.run('CREATE OR REPLACE TABLE v (community VARCHAR, street VARCHAR, key VARCHAR, value DOUBLE)');
  const sa = await con.createAppender('s');
  for (const i of INDICATORS) {
    for (const x of [i.key, i.mechanism, i.trait, i.direction]) sa.appendVarchar(x);
    sa.endRow();
  }
  sa.closeSync();
  const va = await con.createAppender('v');
  for (const r of city.values) {
    va.appendVarchar(r.community);
    const street = city.streetOf.get(r.community);
    if (street === undefined) va.appendNull();
    else va.appendVarchar(street);
    va.appendVarchar(r.key);
    va.appendDouble(r.value);
    va.endRow();
  }
  va.closeSync();
}

type Row = (string | number | null)[];

async function best<T>(runs: number, f: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await f(); // warm-up
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

const near = (a: unknown, b: unknown) =>
  a === null || b === null ? a === b : Math.abs(Number(a) - Number(b)) <= 1e-9;

/** How many communities' scores, and next steps, differ between ours and DuckDB's. */
function compare(ours: { scoring: Scoring; steps: Map<string, NextStep[]> }, scores: Row[], steps: Row[]) {
  let scoreDiffs =
    ours.scoring.communities.length === scores.length
      ? 0
      : Math.abs(ours.scoring.communities.length - scores.length);
  ours.scoring.communities.forEach((c, i) => {
    const row = scores[i];
    const mine = [
      c.community,
      c.mechanisms.engineering,
      c.mechanisms.institutional,
      c.mechanisms.social,
      c.index,
      c.traits.self_organisation,
      c.traits.redundancy,
      c.traits.adaptability,
    ];
    if (!row || row[0] !== c.community || !mine.slice(1).every((x, j) => near(x, row[j + 1]))) scoreDiffs++;
  });
  const theirs = new Map<string, Row[]>();
  for (const r of steps) {
    const list = theirs.get(String(r[0])) ?? [];
    list.push(r);
    theirs.set(String(r[0]), list);
  }
  let stepDiffs = 0;
  let total = 0;
  for (const [community, mine] of ours.steps) {
    const their = theirs.get(community) ?? [];
    total += mine.length;
    const same =
      mine.length === their.length &&
      mine.every(
        (s, j) =>
          s.key === their[j][1] &&
          near(s.current, their[j][2]) &&
          near(s.target, their[j][3]) &&
          s.targetOf === their[j][4] &&
          near(s.gain, their[j][5]),
      );
    if (!same) stepDiffs++;
  }
  return { scoreDiffs, stepDiffs, total };
}

async function benchArithmetic(o: {
  communities: number;
  streets: number;
  missing: number;
  seed: number;
  runs: number;
}): Promise<Table> {
  log(
    `resilience arithmetic: ${int(o.communities)} communities × ${INDICATORS.length} indicators, ${o.streets} streets, ${o.missing * 100} % missing, seed ${o.seed} …`,
  );
  const city = resilienceCity(o.communities, o.streets, o.missing, o.seed);
  const specs: IndicatorSpec[] = INDICATORS.map(({ key, mechanism, trait, direction }) => ({
    key,
    mechanism,
    trait,
    direction,
  }));
  const score = await best(o.runs, () => scoreCommunities(specs, city.values));
  const next = await best(o.runs, () => nextSteps(specs, score.result, city.values, city.streetOf));
  const both = await best(o.runs, () => {
    const scoring = scoreCommunities(specs, city.values);
    return { scoring, steps: nextSteps(specs, scoring, city.values, city.streetOf) };
  });
  log(`  ours: scoring ${fmt(score.ms, 1)} ms, next steps ${fmt(next.ms, 1)} ms`);

  const { db, con } = await openDuckdb();
  try {
    const t0 = performance.now();
    await load(con, city);
    const loadMs = performance.now() - t0;
    const read = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS() as Row[];
    const dScore = await best(o.runs, () => read(SCORES_SQL));
    const dSteps = await best(o.runs, () => read(STEPS_SQL));
    log(
      `  DuckDB: load ${fmt(loadMs, 1)} ms, scoring ${fmt(dScore.ms, 1)} ms, next steps ${fmt(dSteps.ms, 1)} ms`,
    );
    const diff = compare(both.result, dScore.result, dSteps.result);
    const ratio = (theirs: number, ours: number) => `${fmt(theirs / ours, 1)}×`;
    return {
      title: `Resilience scoring and next steps, ${int(o.communities)} communities × ${INDICATORS.length} indicators (${int(city.values.length)} values), best of ${o.runs}`,
      head: ['part', 'ours ms', 'DuckDB ms', 'DuckDB ÷ ours'],
      rows: [
        [
          'scoring (min-max, mechanisms, traits, index)',
          fmt(score.ms, 1),
          fmt(dScore.ms, 1),
          ratio(dScore.ms, score.ms),
        ],
        ['next steps (targets, gains, top 3)', fmt(next.ms, 1), fmt(dSteps.ms, 1), ratio(dSteps.ms, next.ms)],
        ['both', fmt(both.ms, 1), fmt(dScore.ms + dSteps.ms, 1), ratio(dScore.ms + dSteps.ms, both.ms)],
        ['DuckDB load (appender), not in the ratios', '—', fmt(loadMs, 1), '—'],
      ],
      notes: [
        `Agreement to 1e-9: scores differ for ${diff.scoreDiffs} of ${int(both.result.scoring.communities.length)} communities; next steps differ for ${diff.stepDiffs} communities (${int(diff.total)} steps).`,
        'Ours: in process on JavaScript arrays; DuckDB: in memory, default threads, results read back as JS rows.',
      ],
    };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    communities: { type: 'string', default: '10000' },
    streets: { type: 'string', default: '500' },
    missing: { type: 'string', default: '0.15' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    'no-pg': { type: 'boolean', default: false },
    'pglite-memory': { type: 'boolean', default: false },
  },
});

function whole(name: 'communities' | 'streets' | 'seed' | 'runs', min: number): number {
  const v = Number(values[name]);
  if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`--${name} takes a whole number ≥ ${min}`);
  return v;
}

async function main(): Promise<void> {
  const part = values.part;
  if (!['a', 'b', 'all'].includes(part)) throw new RangeError('--part takes a, b or all');
  const missing = Number(values.missing);
  if (!(missing >= 0 && missing < 1)) throw new RangeError('--missing takes a share in [0, 1)');
  const communities = whole('communities', 2);
  if (part !== 'b')
    printTable(
      await benchArithmetic({
        communities,
        streets: whole('streets', 1),
        missing,
        seed: whole('seed', 0),
        runs: whole('runs', 1),
      }),
    );
  if (part !== 'a')
    printTable(await benchDaily({ communities, pg: !values['no-pg'], memory: values['pglite-memory'] }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
