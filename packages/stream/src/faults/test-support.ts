/**
 * What the fault tests share: a stream configuration of their own on a cluster (a unique prefix,
 * replicas 3, short snapshot and lease periods so a restart restores a snapshot and a dead member's
 * share is taken over within the test), the role processes' environment, publishing a pings file in
 * pieces with a fault injected in the middle, and the batch engine's answer to compare with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CityOptions, generateCases, generatePings } from '@renxing/city-gen';
import { RenxingError } from '@renxing/contracts';
import {
  type CaseWindows,
  type CompanionParams,
  companionCsv,
  companionsFromCsv,
  decodeUtf8,
  readCases,
  resolveParams,
} from '@renxing/engine';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  destroyStream,
  openStream,
  publishPingsCsv,
  queryStreamed,
  type StreamClient,
  waitCaughtUp,
} from '../index.js';
import type { StreamConfig } from '../nats/config.js';
import { type Cluster, freePort, startCluster } from '../nats/testing/cluster.js';
import { metricSum, type RoleProcess, scrape, startCli, waitFor } from '../nats/testing/processes.js';

export function presetParams(name: string, overrides: Partial<CompanionParams> = {}): CompanionParams {
  const { params, problems } = resolveParams(name, overrides);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return params;
}

/** Retention for the tests (100 years): the seeded cities' dates are fixed, the clock is not. */
export const KEEP_DAYS = 36500;

/** A unique prefix: parallel test files (and reruns) never share a stream. */
export const uniquePrefix = (tag: string): string =>
  `t${process.pid}_${tag}_${Math.random().toString(36).slice(2, 8)}`;

export interface FaultStream {
  cfg: StreamConfig;
  /** The environment a role process needs to join this stream. */
  env: NodeJS.ProcessEnv;
  client: StreamClient;
  /** Deletes the streams, buckets and store of the prefix, then closes. */
  destroy(): Promise<void>;
}

export async function openFaultStream(
  urls: string[],
  prefix: string,
  opts: { replicas?: number; partitions?: number; shards?: number } = {},
): Promise<FaultStream> {
  const env: NodeJS.ProcessEnv = {
    RENXING_NATS_URL: urls.join(','),
    RENXING_STREAM_PREFIX: prefix,
    RENXING_STREAM_REPLICAS: String(opts.replicas ?? 3),
    RENXING_STREAM_PARTITIONS: String(opts.partitions ?? 4),
    RENXING_STREAM_SHARDS: String(opts.shards ?? 3),
    RENXING_STREAM_SNAPSHOT_SECONDS: '1',
    RENXING_STREAM_LEASE_SECONDS: '3',
    // The seeded city lives in November 2026: retention by the wall clock must not drop it.
    RENXING_STREAM_RETENTION_DAYS: String(KEEP_DAYS),
  };
  const cfg: StreamConfig = {
    servers: urls,
    prefix,
    partitions: opts.partitions ?? 4,
    shards: opts.shards ?? 3,
    replicas: opts.replicas ?? 3,
    params: presetParams('default'),
    snapshotDir: null,
    snapshotEverySeconds: 1,
    leaseSeconds: 3,
    retentionDays: KEEP_DAYS,
  };
  const client = await openStream(cfg);
  return {
    cfg,
    env,
    client,
    async destroy() {
      await destroyStream(client).catch(() => undefined);
      await client.close();
    },
  };
}

/** A role process (`renxing stream builder|index|all`) on the fault stream, with /metrics on a port. */
export function startRole(
  kind: 'builder' | 'index' | 'all',
  id: string,
  opts: { env: NodeJS.ProcessEnv; dir: string; metricsPort: number; extra?: string[] },
): RoleProcess {
  return startCli(
    ['stream', kind, '--id', id, '--metrics-port', String(opts.metricsPort), ...(opts.extra ?? [])],
    { env: opts.env, logFile: path.join(opts.dir, `${id}.log`) },
  );
}

/** Waits until a process's /metrics shows `name` ≥ `atLeast` (summed over labels). */
export async function waitMetric(
  port: number,
  name: string,
  atLeast: number,
  timeoutMs: number,
  p?: RoleProcess,
): Promise<number> {
  let last = Number.NaN;
  let bad = Number.NaN;
  await waitFor(
    `${name} ≥ ${atLeast} on :${port}`,
    async () => {
      const text = await scrape(port);
      last = metricSum(text, name);
      bad = metricSum(text, 'rx_stream_bad_messages_total');
      return last >= atLeast;
    },
    timeoutMs,
    () => `last value ${last}, bad messages ${bad}\n${p?.output().slice(-3000) ?? ''}`,
  );
  return last;
}

/** A role process and the port of its /metrics. */
export interface Running {
  p: RoleProcess;
  port: number;
}

/**
 * Waits until one of `roles` has made progress (`progress` ≥ 1) and written a snapshot, and returns
 * it with its progress: the victim of a kill -9 that hits real state, whichever role the leases gave
 * the work to.
 */
export async function waitForVictim(
  roles: readonly Running[],
  progress: string,
  timeoutMs: number,
): Promise<{ victim: Running; progress: number }> {
  let found: { victim: Running; progress: number } | null = null;
  const seen: string[] = [];
  await waitFor(
    `a role with ${progress} ≥ 1 and a snapshot`,
    async () => {
      seen.length = 0;
      for (const r of roles) {
        const text = await scrape(r.port);
        const done = metricSum(text, progress);
        const snaps = metricSum(text, 'rx_stream_snapshots_total');
        seen.push(`${r.p.args.join(' ')}: ${progress} ${done}, snapshots ${snaps}`);
        if (done >= 1 && snaps >= 1) found = { victim: r, progress: done };
      }
      return found !== null;
    },
    timeoutMs,
    () => `${seen.join('\n')}\n${roles.map((r) => r.p.output().slice(-1500)).join('\n')}`,
  );
  return found as unknown as { victim: Running; progress: number };
}

/** A fault injected while publishing: `run` starts once `at` (0–1) of the file has been handed over. */
export interface Fault {
  at: number;
  run: () => Promise<void>;
}

/**
 * Publishes the file in `pieces` slices through publishPingsCsv. A fault starts at its point and the
 * stream keeps flowing while it runs — slowed to a slice per `throttleMs`, since a fault may wait
 * for something only new messages cause (a snapshot is written as a batch is handled) — and runs
 * to its end before the next fault starts or the publishing ends.
 */
export async function publishWithFaults(
  client: StreamClient,
  file: Uint8Array,
  faults: readonly Fault[],
  pieces = 40,
  throttleMs = 250,
): Promise<{ rows: number; published: number; rejected: number }> {
  const size = Math.ceil(file.length / pieces);
  let running: Promise<void> | null = null;
  let done = false;
  let failure: unknown = null;
  const start = (f: Fault) => {
    done = false;
    running = f.run().then(
      () => {
        done = true;
      },
      (e) => {
        failure = e;
        done = true;
      },
    );
  };
  const settle = async () => {
    if (running) await running;
    running = null;
    if (failure) throw failure;
  };
  async function* slices(): AsyncGenerator<Uint8Array> {
    for (let k = 0; k * size < file.length; k++) {
      for (const f of faults)
        if (Math.floor(f.at * pieces) === k) {
          await settle();
          start(f);
        }
      if (running && !done) await new Promise((r) => setTimeout(r, throttleMs));
      if (running && done) await settle();
      yield file.subarray(k * size, Math.min(file.length, (k + 1) * size));
    }
    await settle();
  }
  return publishPingsCsv(client, slices(), { source: 'fault-test' });
}

export interface Expected {
  pings: number;
  rejects: number;
  duplicates: number;
  csv: string;
  companions: number;
}

/** The batch engine on the same bytes: what the stream must answer. */
export function batchAnswer(pings: Uint8Array, cases: Uint8Array, params: CompanionParams): Expected {
  const r = companionsFromCsv(pings, cases, params);
  return {
    pings: r.summary.pings,
    rejects: r.summary.ping_rejects,
    duplicates: r.summary.duplicates,
    csv: r.csv,
    companions: r.summary.companions,
  };
}

/**
 * Asks again while a shard has no live worker yet (a restarted worker restoring its snapshot, or a
 * shard handed back when members rebalance): the query itself must then be exact, not instant.
 */
export async function retryNoShard<T>(ask: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await ask();
    } catch (e) {
      if (!(e instanceof RenxingError && e.code === 'RX_STREAM_NO_SHARD') || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The stream's answer as the contract's CSV. */
export async function streamedAnswer(
  client: StreamClient,
  casesBytes: Uint8Array,
  params: CompanionParams,
): Promise<{ pings: number; csv: string; companions: number }> {
  const { cases } = readCases([casesBytes], params.tzOffset, () => undefined) as { cases: CaseWindows[] };
  const answer = await retryNoShard(() => queryStreamed(client, cases, params));
  const csv = [...companionCsv(answer.index, cases, answer.rows)].map(decodeUtf8).join('');
  return { pings: answer.pings, csv, companions: answer.rows.count };
}

/** The first differing line of two CSVs, for a readable failure. */
export function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}: stream ${la[i] ?? '(end)'} | batch ${lb[i] ?? '(end)'}`;
  return 'identical';
}

/** A test's folder under the OS temp dir (removed by the caller). */
export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), `rx-fault-${tag}-`));
}

export type { Cluster };

/**
 * The queries every fault test compares: both presets, and chengdu-2021 with its dwell clause at 3 h
 * (at 30 h a one-day city has no companion at all, so that comparison alone could not fail).
 */
export const COMPARED: readonly { name: string; params: CompanionParams }[] = [
  { name: 'default', params: presetParams('default') },
  { name: 'chengdu-2021', params: presetParams('chengdu-2021') },
  { name: 'chengdu-2021 dwell 3 h', params: presetParams('chengdu-2021', { minCellDwell: 10800 }) },
];

export interface Comparison {
  name: string;
  stream: { pings: number; csv: string; companions: number };
  batch: Expected;
}

/**
 * Streamed and batch answers side by side for every query of COMPARED, each asked once caught up:
 * a role may still lose a lease to the fault after catching up once, and its unit then replays
 * from its snapshot (its progress behind again until it has).
 */
export async function compareWithBatch(
  client: StreamClient,
  pings: Uint8Array,
  cases: Uint8Array,
): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const { name, params } of COMPARED) {
    await waitCaughtUp(client, { timeoutMs: 60_000 });
    out.push({
      name,
      stream: await streamedAnswer(client, cases, params),
      batch: batchAnswer(pings, cases, params),
    });
  }
  return out;
}

/**
 * After a fault: once caught up, every kept ping is built, the rejects are the batch engine's, and
 * the companions are byte-identical to the batch engine's for every query of COMPARED (two of
 * which must find companions, so the comparison can fail).
 */
export async function expectBatchAnswer(
  client: StreamClient,
  published: { rejected: number },
  pings: Uint8Array,
  cases: Uint8Array,
): Promise<void> {
  const results = await compareWithBatch(client, pings, cases);
  expect(published.rejected).toBe(results[0].batch.rejects);
  for (const r of results) {
    expect(r.stream.pings, `${r.name}: pings built`).toBe(r.batch.pings);
    expect(r.stream.csv === r.batch.csv, `${r.name}: ${firstDifference(r.stream.csv, r.batch.csv)}`).toBe(
      true,
    );
  }
  expect(results[0].batch.companions).toBeGreaterThan(0);
  expect(results[2].batch.companions).toBeGreaterThan(0);
}

/** Role processes started on a fault stream (see roleProcesses). */
export type Roles = ReturnType<typeof roleProcesses>;

/** Starts role processes on a fault stream (each with /metrics on a free port) and kills them all at the end. */
export function roleProcesses(s: FaultStream, dir: string) {
  const procs: RoleProcess[] = [];
  return {
    procs,
    /** Starts a role process and waits until it is up (it serves /metrics once its units have started). */
    async start(kind: 'builder' | 'index', id: string): Promise<Running> {
      const port = await freePort();
      const p = startRole(kind, id, { env: s.env, dir, metricsPort: port });
      procs.push(p);
      await waitFor(
        `${kind} ${id} serving /metrics`,
        async () => (await scrape(port)) !== '',
        30_000,
        () => p.output().slice(-2000),
      );
      return { p, port };
    },
    /** The processes' last output, for a failure's message. */
    output(): string {
      return procs.map((p) => `\n--- ${p.args.join(' ')}\n${p.output().slice(-2000)}`).join('');
    },
    killAll: () => Promise.all(procs.map((p) => p.kill9())),
  };
}

/** `e` with `more` added to its message (a new Error when the message cannot be written). */
function withMore(e: unknown, more: string): Error {
  if (e instanceof Error) {
    try {
      e.message += more;
      return e;
    } catch {
      // Some errors' message is a getter.
    }
  }
  return new Error(`${e instanceof Error ? e.message : String(e)}${more}`, { cause: e });
}

/** What a fault test file shares: a three-server cluster, a seeded city and a folder for the logs. */
export interface FaultFixture {
  readonly cluster: Cluster;
  readonly dir: string;
  readonly pings: Uint8Array;
  readonly cases: Uint8Array;
  /**
   * Runs `body` on a fresh fault stream (prefix from `tag`) with role processes started through
   * `roles`. On failure the processes' last output, and `explain()`'s text, are added to the error;
   * the processes are killed and the stream deleted in any case.
   */
  withRoles(
    tag: string,
    body: (s: FaultStream, roles: Roles) => Promise<void>,
    explain?: () => string,
  ): Promise<void>;
}

/**
 * Registers the file's beforeAll (a three-server cluster, the city's pings and cases, a temp
 * folder `rx-fault-<tag>-…`) and afterAll (the cluster stopped, the folder removed).
 */
export function faultFixture(tag: string, city: CityOptions): FaultFixture {
  let cluster: Cluster | null = null;
  let dir = '';
  let pings = new Uint8Array(0);
  let cases = new Uint8Array(0);
  beforeAll(async () => {
    cluster = await startCluster({ servers: 3 });
    dir = tempDir(tag);
    pings = new TextEncoder().encode([...generatePings(city)].join(''));
    cases = new TextEncoder().encode(generateCases(city));
  });
  afterAll(async () => {
    await cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const started = (): Cluster => {
    if (cluster === null) throw new Error('the fault fixture has no cluster (beforeAll has not run)');
    return cluster;
  };
  return {
    get cluster() {
      return started();
    },
    get dir() {
      return dir;
    },
    get pings() {
      return pings;
    },
    get cases() {
      return cases;
    },
    async withRoles(prefixTag, body, explain) {
      const s = await openFaultStream(started().urls, uniquePrefix(prefixTag));
      const roles = roleProcesses(s, dir);
      try {
        await body(s, roles);
      } catch (e) {
        throw withMore(e, roles.output() + (explain?.() ?? ''));
      } finally {
        await roles.killAll();
        await s.destroy();
      }
    },
  };
}
