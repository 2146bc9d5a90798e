/**
 * `npm run bench`: our engine (the `renxing` CLI) against DuckDB SQL on one generated city.
 *
 *   node bench/dist/companions.js [--phones N] [--days D] [--seed S] [--quick] [--full]
 *     [--query-phones N] [--query-cases N] [--cumulative] [--threads N] [--repeat N] [--duckdb-only]
 *     [--no-doc]
 *
 * The headline pair (pings → companions, ours and DuckDB) runs --repeat times, alternating (5 by
 * default, 1 with --quick), and each side's median run is reported: the bench VM's speed moves by
 * ±15 % from minute to minute, for both sides alike.
 *
 * Environment: BENCH_PHONES, BENCH_DAYS, BENCH_SEED, BENCH_QUICK=1, BENCH_FULL=1, BENCH_THREADS,
 * BENCH_REPEAT.
 * Figures go to stdout and to docs/performance.md (see bench/README.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCases, generatePings } from '@renxing/city-gen';
import { type Measured, runMeasured } from './measure.js';
import { big, compareFiles, f, mb, num, type Row, ratio, summaryOf, table } from './report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, 'bench/.data');
const CLI = join(ROOT, 'apps/cli/bin/renxing.js');
const CLI_MAIN = join(ROOT, 'apps/cli/dist/main.js');
const PEER = join(ROOT, 'bench/dist/duckdb-run.js');
const DOC = join(ROOT, 'docs/performance.md');
/** From this line on docs/performance.md belongs to other benchmarks: a re-run keeps it. */
const KEEP_MARKER = '<!-- other benchmarks below: npm run bench keeps this part -->';

// ---------------------------------------------------------------------------------------------
// Options

const env = process.env;
const { values: flags } = parseArgs({
  options: {
    phones: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    quick: { type: 'boolean' },
    full: { type: 'boolean' },
    'query-phones': { type: 'string' },
    'query-cases': { type: 'string' },
    cumulative: { type: 'boolean' },
    threads: { type: 'string' },
    repeat: { type: 'string' },
    'duckdb-only': { type: 'boolean' },
    'no-doc': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

function intOpt(flag: string | undefined, envName: string, dflt: number): number {
  const raw = flag ?? env[envName];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) fail(`bad value for ${envName.toLowerCase()}: ${raw}`);
  return n;
}

const quick = flags.quick === true || env.BENCH_QUICK === '1';
const full = flags.full === true || env.BENCH_FULL === '1';
const opts = {
  phones: intOpt(flags.phones, 'BENCH_PHONES', quick ? 20_000 : 200_000),
  days: intOpt(flags.days, 'BENCH_DAYS', 1),
  seed: intOpt(flags.seed, 'BENCH_SEED', 1),
  queryPhones:
    flags['query-phones'] !== undefined || full
      ? intOpt(flags['query-phones'], 'BENCH_QUERY_PHONES', 1_000_000)
      : 0,
  queryCases: intOpt(flags['query-cases'], 'BENCH_QUERY_CASES', 1000),
  repeat: intOpt(flags.repeat, 'BENCH_REPEAT', quick ? 1 : 5),
  cumulative: flags.cumulative === true || full,
  threads: flags.threads ?? env.BENCH_THREADS,
  duckdbOnly: flags['duckdb-only'] === true,
  doc: flags['no-doc'] !== true,
};

function fail(msg: string): never {
  console.error(`bench: ${msg}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Data

interface CityFiles {
  pings: string;
  cases: string;
}

/** Generates (or reuses) `bench/.data/city-p<phones>-d<days>-s<seed>[-c<cases>]/{pings,cases}.csv`. */
function city(phones: number, days: number, seed: number, cases?: number): CityFiles {
  const dir = join(DATA, `city-p${phones}-d${days}-s${seed}${cases ? `-c${cases}` : ''}`);
  const pings = join(dir, 'pings.csv');
  const casesPath = join(dir, 'cases.csv');
  mkdirSync(dir, { recursive: true });
  if (existsSync(pings) && existsSync(casesPath)) {
    log(`reusing ${rel(dir)} (${mb(statSync(pings).size)})`);
    return { pings, cases: casesPath };
  }
  const t0 = performance.now();
  log(`generating ${phones.toLocaleString('en-US')} phones × ${days} day(s), seed ${seed} → ${rel(dir)} …`);
  const tmp = `${pings}.partial`;
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of generatePings({ phones, days, seed })) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, pings); // only complete files are ever reused
  writeFileSync(casesPath, generateCases({ phones, days, seed, ...(cases ? { cases } : {}) }));
  log(`  ${mb(statSync(pings).size)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { pings, cases: casesPath };
}

// ---------------------------------------------------------------------------------------------
// Runs

interface Run extends Measured {
  label: string;
  json?: Record<string, unknown>;
}

async function ours(label: string, args: string[]): Promise<Run> {
  log(`${label}: renxing ${args.join(' ')}`);
  // Run as a user runs `renxing`: the bin as a command, whose shebang gives glibc's large blocks
  // huge pages (apps/cli/src/huge-pages.ts); `node bin/renxing.js` would start node twice.
  const r = await runMeasured(CLI, args, { cwd: ROOT });
  if (r.code !== 0) fail(`${label} failed (exit ${r.code}):\n${r.stderr.trim()}`);
  log(`  ${r.seconds.toFixed(2)} s, peak RSS ${mb(r.peakRss)}`);
  return { ...r, label };
}

async function peer(label: string, args: string[]): Promise<Run> {
  log(`${label}: duckdb-run ${args.join(' ')}`);
  const threads = opts.threads ? ['--threads', opts.threads] : [];
  const r = await runMeasured(process.execPath, [PEER, ...args, ...threads], { cwd: ROOT });
  if (r.code !== 0) fail(`${label} failed (exit ${r.code}):\n${r.stderr.trim()}`);
  const json = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  log(`  ${r.seconds.toFixed(2)} s, peak RSS ${mb(r.peakRss)}`);
  return { ...r, label, json };
}

/** The engine's per-case query, best of several in-process passes (as the DuckDB peer is timed). */
function warmQuery(index: string, cases: string, repeat: number): { bestMsPerCase: number } {
  const out = execFileSync(
    process.execPath,
    [
      join(ROOT, 'bench/dist/renxing-query.js'),
      '--index',
      index,
      '--cases',
      cases,
      '--repeat',
      String(repeat),
    ],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { bestMsPerCase: number };
}

/** The run of median wall time (the lower of the middle two for an even count); none of none. */
function medianRun(runs: Run[]): Run | undefined {
  return [...runs].sort((x, y) => x.seconds - y.seconds)[(runs.length - 1) >> 1];
}

/** `{ pings: 'a.csv', out: 'o' }` → `['--pings', 'a.csv', '--out', 'o']`. */
function kv(o: Record<string, string>): string[] {
  return Object.entries(o).flatMap(([k, v]) => [`--${k}`, v]);
}

// ---------------------------------------------------------------------------------------------
// Formatting

function log(s: string): void {
  console.error(s);
}
function rel(p: string): string {
  return relative(ROOT, p) || '.';
}
// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  if (!existsSync(PEER)) fail(`${rel(PEER)} is missing: run \`npx tsc -b bench\` first (npm run bench does)`);
  if (!opts.duckdbOnly && !(existsSync(CLI) && existsSync(CLI_MAIN))) {
    fail(
      `the renxing CLI is not built: ${existsSync(CLI) ? rel(CLI_MAIN) : rel(CLI)} is missing.\n` +
        '  Build it with `npm run build` (tsc -b) once apps/cli exists, or run the peer alone with --duckdb-only.',
    );
  }
  const started = new Date();
  const load0 = os.loadavg();
  const run = join(DATA, `run-p${opts.phones}-d${opts.days}-s${opts.seed}`);
  mkdirSync(run, { recursive: true });
  const c = city(opts.phones, opts.days, opts.seed);
  const P = (n: string) => join(run, n);

  // (a) ours, pings → companions; (b) DuckDB, same files, alternating, each side's median run;
  // (c) compare.
  const aRuns: Run[] = [];
  const bRuns: Run[] = [];
  for (let k = 0; k < opts.repeat; k++) {
    if (!opts.duckdbOnly)
      aRuns.push(
        await ours('renxing companions', [
          'companions',
          ...kv({ pings: c.pings, cases: c.cases, out: P('ours.csv'), summary: P('ours.json') }),
        ]),
      );
    bRuns.push(
      await peer('DuckDB companions', [
        'companions',
        ...kv({ pings: c.pings, cases: c.cases, out: P('duckdb.csv') }),
      ]),
    );
  }
  const a = medianRun(aRuns);
  const b = medianRun(bRuns) as Run;
  const checks: string[] = [];
  if (a)
    checks.push(
      `companions, contiguous: ${compareFiles(P('ours.csv'), P('duckdb.csv'), 'renxing', 'DuckDB').text}`,
    );

  let aCum: Run | undefined;
  let bCum: Run | undefined;
  if (opts.cumulative) {
    if (!opts.duckdbOnly)
      aCum = await ours('renxing companions cumulative', [
        'companions',
        ...kv({ mode: 'cumulative', pings: c.pings, cases: c.cases, out: P('ours-cum.csv') }),
      ]);
    bCum = await peer('DuckDB companions cumulative', [
      'companions',
      ...kv({ mode: 'cumulative', pings: c.pings, cases: c.cases, out: P('duckdb-cum.csv') }),
    ]);
    if (aCum)
      checks.push(
        `companions, cumulative: ${compareFiles(P('ours-cum.csv'), P('duckdb-cum.csv'), 'renxing', 'DuckDB').text}`,
      );
  }

  // (d) saved index + per-case queries, both sides.
  let idx: Run | undefined;
  let q: Run | undefined;
  if (!opts.duckdbOnly) {
    idx = await ours('renxing index', [
      'index',
      ...kv({ pings: c.pings, out: P('city.idx'), summary: P('index.json') }),
    ]);
    q = await ours('renxing companions --index', [
      'companions',
      ...kv({ index: P('city.idx'), cases: c.cases, out: P('ours-idx.csv'), summary: P('ours-idx.json') }),
    ]);
    checks.push(
      `index query vs pings run: ${compareFiles(P('ours.csv'), P('ours-idx.csv'), 'pings run', 'index run').text}`,
    );
  }
  const dq = await peer('DuckDB per-case query', [
    'query',
    ...kv({ pings: c.pings, cases: c.cases, out: P('duckdb-query.csv') }),
  ]);
  checks.push(
    `DuckDB per-case vs DuckDB whole run: ${compareFiles(P('duckdb.csv'), P('duckdb-query.csv'), 'whole', 'per-case').text}`,
  );

  // Optional: 1,000 cases against a big saved index.
  let big1:
    | { idx?: Run; q?: Run; dq: Run; e2e?: Run; de2e: Run; phones: number; cases: number; warm: number }
    | undefined;
  if (opts.queryPhones > 0) {
    const qc = city(opts.queryPhones, 1, opts.seed, opts.queryCases);
    const R = (n: string) => join(DATA, `run-p${opts.queryPhones}-d1-s${opts.seed}-c${opts.queryCases}`, n);
    mkdirSync(dirname(R('x')), { recursive: true });
    let bi: Run | undefined;
    let bq: Run | undefined;
    let be: Run | undefined;
    // The big city end to end too (once a side: DuckDB takes minutes on it).
    if (!opts.duckdbOnly)
      be = await ours('renxing companions (big city)', [
        'companions',
        ...kv({ pings: qc.pings, cases: qc.cases, out: R('ours.csv') }),
      ]);
    const bde = await peer('DuckDB companions (big city)', [
      'companions',
      ...kv({ pings: qc.pings, cases: qc.cases, out: R('duckdb.csv') }),
    ]);
    if (be)
      checks.push(
        `big city, companions: ${compareFiles(R('ours.csv'), R('duckdb.csv'), 'renxing', 'DuckDB').text}`,
      );
    if (!opts.duckdbOnly) {
      bi = await ours('renxing index (query stage)', [
        'index',
        ...kv({ pings: qc.pings, out: R('city.idx'), summary: R('index.json') }),
      ]);
      bq = await ours('renxing companions --index (query stage)', [
        'companions',
        ...kv({ index: R('city.idx'), cases: qc.cases, out: R('ours-idx.csv'), summary: R('ours-idx.json') }),
      ]);
    }
    const bdq = await peer('DuckDB per-case query (query stage)', [
      'query',
      ...kv({ pings: qc.pings, cases: qc.cases, out: R('duckdb-query.csv'), repeat: '2' }),
    ]);
    if (bq)
      checks.push(
        `query stage, renxing vs DuckDB: ${compareFiles(R('ours-idx.csv'), R('duckdb-query.csv'), 'renxing', 'DuckDB').text}`,
      );
    if (bq) bq.json = summaryOf(R('ours-idx.json'));
    if (bi) bi.json = summaryOf(R('index.json'));
    const warm = bq ? warmQuery(R('city.idx'), qc.cases, 3).bestMsPerCase : Number.NaN;
    big1 = {
      idx: bi,
      q: bq,
      dq: bdq,
      e2e: be,
      de2e: bde,
      phones: opts.queryPhones,
      cases: opts.queryCases,
      warm,
    };
  }

  // (e) figures.
  const sA = summaryOf(P('ours.json'));
  const sIdx = summaryOf(P('index.json'));
  const sQ = summaryOf(P('ours-idx.json'));
  const bj = b.json ?? {};
  const dj = dq.json ?? {};
  const pings = num(bj.pings);
  const casesN = num(dj.cases);
  const oursQueryMs = (num(sQ.query_seconds) * 1000) / (num(sQ.cases) || casesN);
  const oursWallMs = q ? (q.seconds * 1000) / (num(sQ.cases) || casesN) : Number.NaN;
  const stays = num(sA.stays);
  const idxBytes = num(sQ.index_bytes ?? sIdx.index_bytes);
  const idxStays = num(sQ.index_stays ?? sIdx.index_stays);
  const S = (r: Run | undefined, k: 'seconds' | 'cpuSeconds' | 'peakRss' = 'seconds') =>
    r ? r[k] : Number.NaN;
  const rows: Row[] = [
    ['pings → companions, wall s', f(S(a)), f(b.seconds), ratio(b.seconds, S(a))],
    ['pings/s (kept pings / wall s)', big(pings / S(a)), big(pings / b.seconds), ratio(S(a), b.seconds)],
    ['CPU s (user + sys)', f(S(a, 'cpuSeconds')), f(b.cpuSeconds), ratio(b.cpuSeconds, S(a, 'cpuSeconds'))],
    ['peak RSS', mb(S(a, 'peakRss')), mb(b.peakRss), ratio(b.peakRss, S(a, 'peakRss'))],
  ];
  if (aCum || bCum) rows.push(['cumulative mode, wall s', f(S(aCum)), f(S(bCum)), ratio(S(bCum), S(aCum))]);
  rows.push(
    [
      'index build, s in process (ours: `renxing index`; DuckDB: stays tables)',
      f(num(sIdx.seconds)),
      f(num(dj.buildSeconds)),
      ratio(num(dj.buildSeconds), num(sIdx.seconds)),
    ],
    ['index build peak RSS', mb(S(idx, 'peakRss')), mb(dq.peakRss), ratio(dq.peakRss, S(idx, 'peakRss'))],
    [
      `query, ms per case (${big(casesN)} cases, in process)`,
      f(oursQueryMs, 3),
      f(num(dj.msPerCase), 3),
      ratio(num(dj.msPerCase), oursQueryMs),
    ],
    ...(opts.duckdbOnly
      ? []
      : ([
          (() => {
            const warm = warmQuery(P('city.idx'), c.cases, 30).bestMsPerCase;
            return [
              `query, ms per case, best of 30 passes in process (as DuckDB is timed)`,
              f(warm, 3),
              f(num(dj.msPerCase), 3),
              ratio(num(dj.msPerCase), warm),
            ];
          })(),
        ] as Row[])),
    ['query, ms per case incl. process start + index load', f(oursWallMs, 1), 'n/a', 'n/a'],
    ['bytes per stay in the index', f(idxBytes / idxStays), 'n/a', 'n/a'],
  );
  const extraFacts: string[] = [];
  if (big1) {
    const bqs = big1.q?.json ?? {};
    const bis = big1.idx?.json ?? {};
    const bdj = big1.dq.json ?? {};
    const n = num(bqs.cases) || num(bdj.cases);
    const ms = (num(bqs.query_seconds) * 1000) / n;
    const M = `${big(big1.phones)} phones`;
    rows.push(
      [
        `${M}: pings → companions, wall s (${big(n)} cases, one run a side)`,
        f(S(big1.e2e)),
        f(big1.de2e.seconds),
        ratio(big1.de2e.seconds, S(big1.e2e)),
      ],
      [
        `${M}: pings → companions, peak RSS`,
        mb(S(big1.e2e, 'peakRss')),
        mb(big1.de2e.peakRss),
        ratio(big1.de2e.peakRss, S(big1.e2e, 'peakRss')),
      ],
      [
        `${M}: index build, s in process`,
        f(num(bis.seconds)),
        f(num(bdj.buildSeconds)),
        ratio(num(bdj.buildSeconds), num(bis.seconds)),
      ],
      [
        `${M}: peak RSS (ours: index build; DuckDB: build + queries)`,
        mb(S(big1.idx, 'peakRss')),
        mb(big1.dq.peakRss),
        ratio(big1.dq.peakRss, S(big1.idx, 'peakRss')),
      ],
      [
        `${M}: ${big(n)} cases, ms per case`,
        f(ms, 3),
        f(num(bdj.msPerCase), 3),
        ratio(num(bdj.msPerCase), ms),
      ],
      [
        `${M}: ${big(n)} cases, ms per case, best of 3 passes in process`,
        f(big1.warm, 3),
        f(num(bdj.msPerCase), 3),
        ratio(num(bdj.msPerCase), big1.warm),
      ],
      [
        `${M}: ${big(n)} cases, all queries, s (ours: whole run incl. index load)`,
        f(S(big1.q)),
        f((num(bdj.msPerCase) * n) / 1000),
        ratio((num(bdj.msPerCase) * n) / 1000, S(big1.q)),
      ],
      [`${M}: bytes per stay`, f(num(bqs.index_bytes) / num(bqs.index_stays)), 'n/a', 'n/a'],
    );
    extraFacts.push(
      `- query stage: ${M} × 1 day, ${big(num(bdj.pings))} kept pings, ${big(num(bdj.stays))} stays, ${big(n)} cases`,
    );
  }

  const facts = [
    `- date: ${started.toISOString()}`,
    `- machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average ${load0.map((x) => x.toFixed(2)).join(' / ')} at start, ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} at end`,
    `- node ${process.version}, ${os.type()} ${os.release()}, DuckDB ${duckdbVersion()}${opts.threads ? ` (threads ${opts.threads})` : ' (default threads)'}`,
    `- pings → companions, ${opts.repeat} run(s) a side, alternating (the table shows each side's median): renxing ${
      aRuns.map((r) => r.seconds.toFixed(2)).join(', ') || 'n/a'
    } s; DuckDB ${bRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s`,
    `- city: ${big(opts.phones)} phones × ${opts.days} day(s), seed ${opts.seed}: ${mb(statSync(c.pings).size)} of pings, ${big(pings)} kept pings, ${big(num(bj.stays))} stays, ${big(casesN)} cases`,
    `- renxing summary: pings ${big(num(sA.pings))} (duplicates ${big(num(sA.duplicates))}, rejects ${big(num(sA.ping_rejects))}), stays ${big(stays)}, index stays ${big(idxStays)}, companions ${big(num(sA.companions))}`,
    ...extraFacts,
    `- peak RSS from ${b.rssSource}`,
  ];
  const text = [table(rows), '', 'Checks:', ...checks.map((s) => `- ${s}`), '', 'Facts:', ...facts].join(
    '\n',
  );
  console.log(`\n${text}`);

  if (opts.doc) {
    const doc = `# Performance: renxing vs DuckDB

Written by \`npm run bench\` (\`bench/src/companions.ts\`); do not edit by hand, run it again.
The peer is the companion rule (\`docs/rules/companions.md\`, preset \`default\`) in
DuckDB SQL (\`bench/src/duckdb-sql.ts\`), reading the same CSV files and writing the same CSV; each
side runs in its own process so its peak memory is its own. Wall times include process start.

${table(rows)}

## Checks

${checks.map((s) => `- ${s.replaceAll('\n', '\n  ')}`).join('\n')}

## Setup

${facts.join('\n')}

Command: \`node bench/dist/companions.js ${process.argv.slice(2).join(' ')}\`.
`;
    // Sections of other benchmarks (from KEEP_MARKER on, written by hand from their output) stay.
    const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    const kept = old.includes(KEEP_MARKER) ? `\n${old.slice(old.indexOf(KEEP_MARKER))}` : '';
    writeFileSync(DOC, doc + kept);
    // The repository's formatter owns Markdown layout too: let it settle the file so `biome check` passes.
    const biome = join(ROOT, 'node_modules/.bin/biome');
    if (existsSync(biome)) spawnSync(biome, ['format', '--write', DOC], { cwd: ROOT, stdio: 'ignore' });
    log(`wrote ${rel(DOC)}`);
  }
  if (checks.some((s) => s.includes('DIFFERENT'))) process.exitCode = 1;
}

function duckdbVersion(): string {
  try {
    const pkg = join(ROOT, 'node_modules/@duckdb/node-api/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

await main();
