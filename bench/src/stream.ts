/**
 * `npm run bench:stream`: a seeded city's pings through the stream (NATS JetStream) to a queryable
 * index with 1, 2 and 4 stay-builder processes, against the batch engine on the same pings.
 *
 *   node bench/dist/stream.js [--phones N] [--days D] [--seed S] [--builders 1,2,4] [--index-workers N]
 *     [--partitions N] [--shards N] [--cases N] [--quick]
 *
 * Environment: RENXING_NATS_URL (default nats://127.0.0.1:4222), BENCH_PHONES, BENCH_DAYS, BENCH_SEED.
 * For each builder count: fresh streams under a prefix of their own, the role processes started and
 * holding their leases, then the pings published (in this process) and the clock stopped when
 * every partition is built and every shard applied (waitCaughtUp): sustained pings/s = kept pings /
 * (publish start → caught up). End-to-end lag is the index workers' rx_stream_end_to_end_lag_seconds
 * histogram (a pings message's publish → its stays applied). The peer is `renxing companions` on the
 * same CSV (one process, both cores). Queries: every case alone through the fan-out and in process
 * on an index built from the same CSV; the streamed answer must equal the batch file. Prints a
 * markdown table (made in stream-report.ts) and writes the figures as JSON next to the city's files.
 */
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
import {
  buildIndex,
  type CaseWindows,
  type CompanionIndex,
  companionCsv,
  decodeUtf8,
  PingReader,
  queryCompanions,
  readCases,
  resolveParams,
} from '@renxing/engine';
import {
  destroyStream,
  openStream,
  publishPingsCsv,
  queryStreamed,
  type StreamClient,
  type StreamConfig,
  waitCaughtUp,
} from '@renxing/stream';
import { runMeasured } from './measure.js';
import { big, f, mb, num, summaryOf } from './report.js';
import {
  cpuSeconds,
  histogram,
  listenerPid,
  metricSum,
  type Proc,
  quantile,
  rssBytes,
  scrape,
  startRoleProc,
  stopProc,
} from './stream-procs.js';
import { type QueryFigures, type StreamRun, streamReport } from './stream-report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, 'bench/.data');
const CLI = join(ROOT, 'apps/cli/bin/renxing.js');
const CLI_MAIN = join(ROOT, 'apps/cli/dist/main.js');

const env = process.env;
const { values: flags } = parseArgs({
  options: {
    phones: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    builders: { type: 'string' },
    'index-workers': { type: 'string' },
    partitions: { type: 'string' },
    shards: { type: 'string' },
    cases: { type: 'string' },
    quick: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

function intOpt(raw: string | undefined, name: string, dflt: number): number {
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) fail(`bad value for ${name}: ${raw}`);
  return n;
}

const quick = flags.quick === true;
const opts = {
  phones: intOpt(flags.phones ?? env.BENCH_PHONES, 'phones', quick ? 10_000 : 30_000),
  days: intOpt(flags.days ?? env.BENCH_DAYS, 'days', 1),
  seed: intOpt(flags.seed ?? env.BENCH_SEED, 'seed', 1),
  builders: (flags.builders ?? (quick ? '1,2' : '1,2,4')).split(',').map((s) => intOpt(s, 'builders', 1)),
  indexWorkers: intOpt(flags['index-workers'], 'index-workers', 1),
  partitions: intOpt(flags.partitions, 'partitions', 16),
  shards: intOpt(flags.shards, 'shards', 4),
  cases: intOpt(flags.cases, 'cases', 50),
  nats:
    env.RENXING_NATS_URL && env.RENXING_NATS_URL !== 'off' ? env.RENXING_NATS_URL : 'nats://127.0.0.1:4222',
};

function fail(msg: string): never {
  console.error(`bench:stream: ${msg}`);
  process.exit(1);
}
const log = (s: string) => console.error(s);
const rel = (p: string) => relative(ROOT, p) || '.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Generates (or reuses) the city's pings and cases under bench/.data. */
function city(): { pings: string; cases: string; dir: string } {
  const dir = join(DATA, `stream-p${opts.phones}-d${opts.days}-s${opts.seed}-c${opts.cases}`);
  const pings = join(dir, 'pings.csv');
  const cases = join(dir, 'cases.csv');
  mkdirSync(dir, { recursive: true });
  if (existsSync(pings) && existsSync(cases)) {
    log(`reusing ${rel(dir)} (${mb(statSync(pings).size)})`);
    return { pings, cases, dir };
  }
  log(`generating ${big(opts.phones)} phones × ${opts.days} day(s), seed ${opts.seed} → ${rel(dir)} …`);
  const city = { phones: opts.phones, days: opts.days, seed: opts.seed, cases: opts.cases };
  const fd = openSync(`${pings}.partial`, 'w');
  try {
    for (const chunk of generatePings(city)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(`${pings}.partial`, pings);
  writeFileSync(cases, generateCases(city));
  return { pings, cases, dir };
}

function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Every case alone through `ask`, and all at once: ms. */
async function timeQueries(
  cases: CaseWindows[],
  ask: (c: CaseWindows[]) => Promise<unknown>,
): Promise<QueryFigures> {
  await ask(cases.slice(0, 1)); // warm
  const each: number[] = [];
  for (const c of cases) {
    const t = performance.now();
    await ask([c]);
    each.push(performance.now() - t);
  }
  const t = performance.now();
  await ask(cases);
  return { allMs: performance.now() - t, p50Ms: pct(each, 0.5), p99Ms: pct(each, 0.99) };
}

/** Until every partition and shard is held, shared among all the processes of each kind (their leases). */
async function waitForOwners(c: StreamClient, procs: Proc[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  const owners = async (letter: string, n: number) => {
    const held: (string | null)[] = [];
    for (let k = 0; k < n; k++) {
      const e = await c.leases.get(`lease.${letter}${k}`).catch(() => null);
      held.push(e && e.operation === 'PUT' ? e.string() : null);
    }
    return held;
  };
  const count = (kind: string) => procs.filter((p) => p.kind === kind).length;
  for (;;) {
    const p = await owners('p', opts.partitions);
    const s = await owners('s', opts.shards);
    const spread = (held: (string | null)[], n: number) =>
      !held.includes(null) && new Set(held).size === Math.min(n, held.length);
    if (spread(p, count('builder')) && spread(s, count('index'))) return;
    if (Date.now() > deadline)
      fail(`roles did not take their shares within 60 s: ${p.join(',')} | ${s.join(',')}`);
    await sleep(200);
  }
}

async function streamRun(
  builders: number,
  files: { pings: string; cases: string; dir: string },
  cases: CaseWindows[],
  batchCsv: string,
  expectedPings: number,
  timeQuery: boolean,
): Promise<StreamRun> {
  const { params } = resolveParams('default');
  const prefix = `bench_${process.pid}_${builders}`;
  const cfg: StreamConfig = {
    servers: opts.nats.split(','),
    prefix,
    partitions: opts.partitions,
    shards: opts.shards,
    replicas: 1,
    params,
    snapshotDir: null,
    snapshotEverySeconds: 10,
    leaseSeconds: 10,
    // The seeded city's dates are fixed (November 2026): retention by the wall clock must keep them.
    retentionDays: 36500,
  };
  const roleEnv: NodeJS.ProcessEnv = {
    RENXING_NATS_URL: opts.nats,
    RENXING_STREAM_PREFIX: prefix,
    RENXING_STREAM_PARTITIONS: String(opts.partitions),
    RENXING_STREAM_SHARDS: String(opts.shards),
    RENXING_STREAM_REPLICAS: '1',
    RENXING_STREAM_LEASE_SECONDS: '10',
    RENXING_STREAM_RETENTION_DAYS: '36500',
  };
  const client = await openStream(cfg);
  const procs: Proc[] = [];
  try {
    for (let k = 0; k < opts.indexWorkers; k++)
      procs.push(
        await startRoleProc(
          CLI_MAIN,
          'index',
          `i${k + 1}`,
          roleEnv,
          join(files.dir, `${prefix}-i${k + 1}.log`),
        ),
      );
    for (let k = 0; k < builders; k++)
      procs.push(
        await startRoleProc(
          CLI_MAIN,
          'builder',
          `b${k + 1}`,
          roleEnv,
          join(files.dir, `${prefix}-b${k + 1}.log`),
        ),
      );
    await waitForOwners(client, procs);
    const natsPid = listenerPid(Number(new URL(opts.nats.split(',')[0]).port || 4222));
    const cpu0 = procs.map((p) => cpuSeconds(p.child.pid));
    const rss0 = procs.map((p) => rssBytes(p.child.pid));
    const nats0 = cpuSeconds(natsPid);
    const self0 = process.cpuUsage();
    log(`  ${builders} builder(s), ${opts.indexWorkers} index worker(s): publishing …`);
    const t0 = performance.now();
    const pub = await publishPingsCsv(client, readFileSync(files.pings), { source: prefix });
    const t1 = performance.now();
    await waitCaughtUp(client, { timeoutMs: 10 * 60_000 });
    const t2 = performance.now();
    const cpu = procs.map((p, k) => cpuSeconds(p.child.pid) - cpu0[k]);
    const self = process.cpuUsage(self0);
    const natsCpu = cpuSeconds(natsPid) - nats0;
    const texts = await Promise.all(procs.filter((p) => p.kind === 'index').map((p) => scrape(p.port)));
    const lag = histogram(texts, 'rx_stream_end_to_end_lag_seconds');
    const sum = (kind: string, xs: number[]) =>
      xs.filter((_, k) => procs[k].kind === kind).reduce((a, b) => a + b, 0);
    let answer = await queryStreamed(client, cases, params);
    // Fewer pings than published-and-kept right after catching up: read again once the roles' last
    // progress writes have landed, and say which it was (late progress, or pings lost).
    if (answer.pings !== expectedPings) {
      log(`  ! ${big(answer.pings)} pings in the index, ${big(expectedPings)} expected; asking again in 3 s`);
      await sleep(3000);
      answer = await queryStreamed(client, cases, params);
    }
    const run: StreamRun = {
      builders,
      indexWorkers: opts.indexWorkers,
      pings: answer.pings,
      publishSeconds: (t1 - t0) / 1000,
      caughtUpSeconds: (t2 - t0) / 1000,
      pingsPerSecond: answer.pings / ((t2 - t0) / 1000),
      lagP50: quantile(lag, 0.5),
      lagP99: quantile(lag, 0.99),
      builderCpu: sum('builder', cpu),
      indexCpu: sum('index', cpu),
      indexRss: sum(
        'index',
        procs.map((p) => rssBytes(p.child.pid)),
      ),
      indexRssGrowth: sum(
        'index',
        procs.map((p, k) => rssBytes(p.child.pid) - rss0[k]),
      ),
      indexStays: texts.reduce((n, t) => n + metricSum(t, 'rx_stream_index_stays'), 0),
      identical: false,
      publisherCpu: (self.user + self.system) / 1e6,
      natsCpu,
      pingsBytes: (await client.jsm.streams.info(client.names.pingsStream)).state.bytes,
      staysBytes: (await client.jsm.streams.info(client.names.staysStream)).state.bytes,
    };
    run.identical = [...companionCsv(answer.index, cases, answer.rows)].map(decodeUtf8).join('') === batchCsv;
    if (timeQuery) run.query = await timeQueries(cases, (c) => queryStreamed(client, c, params));
    log(
      `  ${big(run.pings)} pings (${big(pub.published)} published) in ${f(run.caughtUpSeconds)} s: ${big(run.pingsPerSecond)} pings/s, lag p99 ${f(run.lagP99)} s`,
    );
    return run;
  } finally {
    await Promise.all(procs.map((p) => stopProc(p)));
    await destroyStream(client).catch(() => undefined);
    await client.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI_MAIN))
    fail(`${rel(CLI_MAIN)} is missing: run \`npx tsc -b\` first (npm run bench:stream does)`);
  const started = new Date();
  const load0 = os.loadavg();
  const files = city();
  const { params } = resolveParams('default');

  // The peer: the batch engine on the same CSV, one process.
  log('batch: renxing companions');
  const batchOut = join(files.dir, 'batch.csv');
  const summaryPath = join(files.dir, 'batch.json');
  const batch = await runMeasured(
    process.execPath,
    [
      CLI,
      'companions',
      '--pings',
      files.pings,
      '--cases',
      files.cases,
      '--out',
      batchOut,
      '--summary',
      summaryPath,
    ],
    { cwd: ROOT },
  );
  if (batch.code !== 0) fail(`renxing companions failed:\n${batch.stderr}`);
  const summary = summaryOf(summaryPath);
  const batchPings = num(summary.pings);
  const batchCsv = readFileSync(batchOut, 'utf8');
  log(`  ${f(batch.seconds)} s, ${big(batchPings / batch.seconds)} pings/s`);

  // In process: the index built here, every case alone.
  const bytes = readFileSync(files.pings);
  const reader = new PingReader(params, () => undefined);
  for (let at = 0; at < bytes.length; at += 8 << 20) reader.push(bytes.subarray(at, at + (8 << 20)));
  const index: CompanionIndex = buildIndex(reader, reader.finish(), params);
  const { cases } = readCases([readFileSync(files.cases)], params.tzOffset, () => undefined);
  const local = await timeQueries(cases, async (c) => queryCompanions(index, c, params));

  const runs: StreamRun[] = [];
  for (const [k, n] of opts.builders.entries())
    runs.push(await streamRun(n, files, cases, batchCsv, batchPings, k === 0));

  const text = streamReport({
    started,
    load0,
    opts,
    csvBytes: statSync(files.pings).size,
    cases: cases.length,
    batch,
    summary,
    local,
    runs,
  });
  console.log(`\n${text}`);
  writeFileSync(
    join(files.dir, 'stream-bench.json'),
    `${JSON.stringify({ started, opts, batch: { seconds: batch.seconds, cpuSeconds: batch.cpuSeconds, peakRss: batch.peakRss, summary }, local, runs }, null, 2)}\n`,
  );
  if (runs.some((r) => !r.identical || r.pings !== batchPings)) process.exitCode = 1;
}

await main();
