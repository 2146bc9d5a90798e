/**
 * `npm run bench:chains`: transmission chains (传播链) — depth D for a few cases on a generated
 * city's saved index — our engine's `transmissionChain` against DuckDB SQL running the same
 * generations (`duckdb-chain.ts`: the companion rule's query once per generation).
 *
 *   node bench/dist/chains.js [--phones N] [--seed S] [--cases N] [--depth D] [--repeat N] [--threads N] [--no-peer]
 *
 * --no-peer: ours only. On the 1M-phone city DuckDB's chain to depth 3 held 18 GB and had not
 * finished its first pass after 10 minutes; the peer's figures come from the smaller cities.
 *
 * Defaults: 1,000,000 phones × 1 day, seed 1, 10 cases, depth 3, best of 3 passes a side. The city's
 * pings are generated into bench/.data/city-p<N>-d1-s<S>/ (or reused from any city-p<N>-d1-s<S>*
 * folder `npm run bench` left); the cases, the saved index (`renxing index`, which needs the CLI
 * built) and the figures go to bench/.data/run-chains-p<N>-s<S>-c<cases>/. A small city for a check:
 * `--phones 20000`.
 *
 * Ours: the index loaded once, then `transmissionChain` to depth 1, 2, … D, each the best of
 * --repeat passes in this process; a generation's time is the depth's time less the depth before
 * (the engine runs the generations one after another). DuckDB: the stays built once, then each
 * generation's statements timed, the best of --repeat passes. Both chains must be the same hops.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
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
import { CompanionIndex, decodeUtf8, readCases, resolveParams, transmissionChain } from '@renxing/engine';
import { type ChainHopRow, duckdbChain } from './duckdb-chain.js';
import { runMeasured } from './measure.js';
import { big, f, mb, type Row, ratio, summaryOf, table } from './report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, 'bench/.data');
const CLI = join(ROOT, 'apps/cli/bin/renxing.js');

const { values: flags } = parseArgs({
  options: {
    phones: { type: 'string' },
    seed: { type: 'string' },
    cases: { type: 'string' },
    depth: { type: 'string' },
    repeat: { type: 'string' },
    threads: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    'no-peer': { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

function int(raw: string | undefined, dflt: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > max) fail(`bad --${name}: ${raw}`);
  return n;
}

const opts = {
  phones: int(flags.phones, 1_000_000, 'phones'),
  seed: int(flags.seed, 1, 'seed'),
  cases: int(flags.cases, 10, 'cases'),
  depth: int(flags.depth, 3, 'depth', 3),
  repeat: int(flags.repeat, 3, 'repeat'),
  threads: flags.threads === undefined ? undefined : int(flags.threads, 1, 'threads'),
};

function fail(msg: string): never {
  console.error(`bench:chains: ${msg}`);
  process.exit(1);
}
const log = (s: string) => console.error(s);
const rel = (p: string) => relative(ROOT, p) || '.';

/** The city's pings: reused from any folder of this size and seed, else generated (as `npm run bench` does). */
function cityPings(): string {
  const prefix = `city-p${opts.phones}-d1-s${opts.seed}`;
  const found = existsSync(DATA)
    ? readdirSync(DATA)
        .filter((d) => d === prefix || d.startsWith(`${prefix}-c`))
        .map((d) => join(DATA, d, 'pings.csv'))
        .find((p) => existsSync(p))
    : undefined;
  if (found) {
    log(`reusing ${rel(found)} (${mb(statSync(found).size)})`);
    return found;
  }
  const dir = join(DATA, prefix);
  mkdirSync(dir, { recursive: true });
  const pings = join(dir, 'pings.csv');
  log(`generating ${big(opts.phones)} phones × 1 day, seed ${opts.seed} → ${rel(dir)} …`);
  const t = performance.now();
  const fd = openSync(`${pings}.partial`, 'w');
  try {
    for (const chunk of generatePings({ phones: opts.phones, days: 1, seed: opts.seed }))
      writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(`${pings}.partial`, pings); // only complete files are ever reused
  writeFileSync(join(dir, 'cases.csv'), generateCases({ phones: opts.phones, days: 1, seed: opts.seed }));
  log(`  ${mb(statSync(pings).size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return pings;
}

interface Hop {
  generation: number;
  source: string;
  subject: string;
  cell: string;
  start: number;
  end: number;
  overlap: number;
}

const line = (h: Hop | ChainHopRow) =>
  `${h.generation},${h.source},${h.subject},${h.cell},${h.start},${h.end},${h.overlap}`;

function best(times: number[]): number {
  return Math.min(...times);
}

async function main(): Promise<void> {
  const started = new Date();
  const pings = cityPings();
  const run = join(DATA, `run-chains-p${opts.phones}-s${opts.seed}-c${opts.cases}`);
  mkdirSync(run, { recursive: true });
  const casesPath = join(run, 'cases.csv');
  writeFileSync(
    casesPath,
    generateCases({ phones: opts.phones, days: 1, seed: opts.seed, cases: opts.cases }),
  );

  // DuckDB first (its memory is given back before our index is loaded).
  const peerPasses: Awaited<ReturnType<typeof duckdbChain>>[] = [];
  for (let k = 0; k < (flags['no-peer'] ? 0 : opts.repeat); k++) {
    log(`DuckDB chain, pass ${k + 1} of ${opts.repeat} …`);
    peerPasses.push(await duckdbChain({ pings, cases: casesPath, depth: opts.depth, threads: opts.threads }));
  }
  const peer = peerPasses[0] as (typeof peerPasses)[number] | undefined;
  const peerGen = (g: number) =>
    peerPasses.length ? best(peerPasses.map((p) => p.generations[g - 1]?.seconds ?? 0)) : Number.NaN;

  // Ours: the saved index, built once by the CLI.
  const idx = join(run, 'city.idx');
  let indexSeconds = summaryOf(join(run, 'index.json')).seconds as number | undefined;
  if (!existsSync(idx)) {
    if (!existsSync(CLI)) fail(`the renxing CLI is not built (${rel(CLI)}): run npm run build`);
    log('renxing index …');
    const r = await runMeasured(
      CLI,
      ['index', '--pings', pings, '--out', idx, '--summary', join(run, 'index.json')],
      {
        cwd: ROOT,
      },
    );
    if (r.code !== 0) fail(`renxing index failed (exit ${r.code}):\n${r.stderr.trim()}`);
    indexSeconds = summaryOf(join(run, 'index.json')).seconds as number;
  }
  const index = CompanionIndex.fromBytes(readFileSync(idx));
  const { cases } = readCases([readFileSync(casesPath)], index.tzOffset, () => {});
  const { params } = resolveParams();
  const depthSeconds: number[] = [0];
  let chain = transmissionChain(index, cases, params, 0); // the cases alone
  for (let d = 1; d <= opts.depth; d++) {
    const times: number[] = [];
    for (let k = 0; k < opts.repeat; k++) {
      const t = performance.now();
      chain = transmissionChain(index, cases, params, d);
      times.push((performance.now() - t) / 1000);
    }
    depthSeconds.push(best(times));
    log(`renxing chain to depth ${d}: ${f(depthSeconds[d], 3)} s`);
  }
  const name = (id: number) => decodeUtf8(index.subjectBytes(id));
  const ours: Hop[] = chain.hops.map((h) => ({
    generation: h.generation,
    source: name(h.source),
    subject: name(h.subject),
    cell: index.cellLabel(h.cell),
    start: h.start,
    end: h.end,
    overlap: h.overlap,
  }));
  const a = ours.map(line).sort();
  const b = peer ? peer.hops.map(line).sort() : a;
  const same = a.length === b.length && a.every((x, k) => x === b[k]);
  const firstDiff = a.findIndex((x, k) => x !== b[k]);
  const check = !peer
    ? `renxing chain only (--no-peer): ${big(a.length)} hops`
    : same
      ? `renxing chain vs DuckDB chain: IDENTICAL (${big(a.length)} hops)`
      : `renxing chain vs DuckDB chain: DIFFERENT (${a.length} vs ${b.length} hops; first: ${a[firstDiff]} | ${b[firstDiff]})`;

  const subjects = (g: number) => [...chain.generation.values()].filter((x) => x === g).length;
  const hopsOf = (g: number) => chain.hops.filter((h) => h.generation === g).length;
  const rows: Row[] = [
    [
      'index build, s (ours: `renxing index`; DuckDB: stays tables)',
      f(indexSeconds ?? Number.NaN),
      f(peerPasses.length ? best(peerPasses.map((p) => p.buildSeconds)) : Number.NaN),
      ratio(
        peerPasses.length ? best(peerPasses.map((p) => p.buildSeconds)) : Number.NaN,
        indexSeconds ?? Number.NaN,
      ),
    ],
  ];
  for (let g = 1; g <= opts.depth; g++) {
    const ourG = depthSeconds[g] - depthSeconds[g - 1];
    rows.push([
      `generation ${g}: ${big(subjects(g))} subjects, ${big(hopsOf(g))} hops, s`,
      f(ourG, 3),
      f(peerGen(g), 3),
      ratio(peerGen(g), ourG),
    ]);
  }
  const peerTotal = Array.from({ length: opts.depth }, (_, k) => peerGen(k + 1)).reduce((x, y) => x + y, 0);
  rows.push([
    `chain to depth ${opts.depth}, ${opts.cases} cases, s`,
    f(depthSeconds[opts.depth], 3),
    f(peerTotal, 3),
    ratio(peerTotal, depthSeconds[opts.depth]),
  ]);
  const facts = [
    `- date: ${started.toISOString()}`,
    `- machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `- city: ${big(opts.phones)} phones × 1 day, seed ${opts.seed}: ${peer ? `${big(peer.pings)} kept pings, ${big(peer.stays)} stays; ` : ''}${opts.cases} cases (${subjects(0)} with pings), depth ${opts.depth}`,
    `- subjects per generation (ours = DuckDB): ${Array.from({ length: opts.depth + 1 }, (_, g) => big(subjects(g))).join(' / ')}; DuckDB: ${peer ? peer.generations.map((x) => big(x.subjects)).join(' / ') : 'not run'}`,
    `- best of ${opts.repeat} passes a side, in process; DuckDB ${opts.threads ? `threads ${opts.threads}` : 'default threads'}`,
  ];
  const text = [table(rows), '', 'Checks:', `- ${check}`, '', 'Facts:', ...facts].join('\n');
  console.log(`\n${text}`);
  writeFileSync(join(run, 'result.md'), `${text}\n`);
  log(`wrote ${rel(join(run, 'result.md'))}`);
  if (!same) process.exitCode = 1;
}

await main();
