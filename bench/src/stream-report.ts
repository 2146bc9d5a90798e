/**
 * The stream benchmark's report: the figures of each stream run beside the batch engine's, as
 * markdown tables and facts (bench/src/stream.ts measures them).
 */
import os from 'node:os';
import { big, f, mb, num, ratio } from './report.js';

export interface StreamRun {
  builders: number;
  indexWorkers: number;
  pings: number;
  publishSeconds: number;
  caughtUpSeconds: number;
  pingsPerSecond: number;
  lagP50: number;
  lagP99: number;
  builderCpu: number;
  indexCpu: number;
  indexRss: number;
  /** Index workers' resident memory grown since they started empty. */
  indexRssGrowth: number;
  indexStays: number;
  /** CPU seconds of the publisher (this process) and the NATS server from publish start to caught up. */
  publisherCpu: number;
  natsCpu: number;
  /** Bytes JetStream stores for the pings and the stays streams (one replica). */
  pingsBytes: number;
  staysBytes: number;
  query?: QueryFigures;
  identical: boolean;
}

export interface QueryFigures {
  allMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** What the report is made of. */
export interface StreamReportInput {
  started: Date;
  /** The load average when the bench started. */
  load0: number[];
  opts: {
    phones: number;
    days: number;
    seed: number;
    nats: string;
    partitions: number;
    shards: number;
    indexWorkers: number;
  };
  /** Size of the pings CSV, bytes. */
  csvBytes: number;
  cases: number;
  batch: { seconds: number; cpuSeconds: number; peakRss: number };
  /** The batch engine's summary (`renxing companions --summary`). */
  summary: Record<string, unknown>;
  /** Queries in process on the batch index. */
  local: QueryFigures;
  runs: StreamRun[];
}

/** The markdown tables (throughput and resources, then queries) and the facts. */
export function streamReport(x: StreamReportInput): string {
  const { started, load0, opts, batch, summary, local, runs } = x;
  const batchPings = num(summary.pings);
  const batchRate = batchPings / batch.seconds;
  const head = [
    'measure',
    ...runs.map((r) => `stream, ${r.builders} builder${r.builders > 1 ? 's' : ''}`),
    'batch engine',
  ];
  const rows: string[][] = [
    ['kept pings', ...runs.map((r) => big(r.pings)), big(batchPings)],
    [
      'publish start → caught up (batch: CSV → companions), s',
      ...runs.map((r) => f(r.caughtUpSeconds)),
      f(batch.seconds),
    ],
    ['of which publishing, s', ...runs.map((r) => f(r.publishSeconds)), 'n/a'],
    ['sustained pings/s', ...runs.map((r) => big(r.pingsPerSecond)), big(batchRate)],
    ['stream / batch pings/s', ...runs.map((r) => ratio(r.pingsPerSecond, batchRate)), '1.00×'],
    ['end-to-end lag p50, s', ...runs.map((r) => f(r.lagP50)), 'n/a'],
    ['end-to-end lag p99, s', ...runs.map((r) => f(r.lagP99)), 'n/a'],
    ['builder CPU s (all builders)', ...runs.map((r) => f(r.builderCpu)), f(batch.cpuSeconds)],
    [
      'pings per builder CPU second',
      ...runs.map((r) => big(r.pings / r.builderCpu)),
      big(batchPings / batch.cpuSeconds),
    ],
    ['index worker CPU s', ...runs.map((r) => f(r.indexCpu)), 'n/a'],
    ['publisher CPU s (CSV → pings messages)', ...runs.map((r) => f(r.publisherCpu)), 'n/a'],
    ['NATS server CPU s', ...runs.map((r) => f(r.natsCpu)), 'n/a'],
    [
      'pings per CPU second, all stream processes',
      ...runs.map((r) => big(r.pings / (r.builderCpu + r.indexCpu + r.publisherCpu + r.natsCpu))),
      big(batchPings / batch.cpuSeconds),
    ],
    ['index worker RSS (all)', ...runs.map((r) => mb(r.indexRss)), mb(batch.peakRss)],
    ['stays held by the shards', ...runs.map((r) => big(r.indexStays)), big(num(summary.index_stays))],
    [
      'pings stream, bytes per kept ping (one replica)',
      ...runs.map((r) => f(r.pingsBytes / r.pings, 1)),
      'n/a',
    ],
    [
      'stays stream, bytes per stay (one replica)',
      ...runs.map((r) => f(r.staysBytes / num(summary.index_stays), 1)),
      'n/a',
    ],
    [
      'index worker memory per stay, bytes (RSS growth; batch: index bytes)',
      ...runs.map((r) => f(r.indexRssGrowth / num(summary.index_stays), 0)),
      f(num(summary.bytes_per_stay)),
    ],
  ];
  const q = runs[0].query;
  const qRows: string[][] = q
    ? [
        ['one case, p50 ms', f(q.p50Ms, 2), f(local.p50Ms, 2), ratio(q.p50Ms, local.p50Ms)],
        ['one case, p99 ms', f(q.p99Ms, 2), f(local.p99Ms, 2), ratio(q.p99Ms, local.p99Ms)],
        [`all ${x.cases} cases at once, ms`, f(q.allMs, 1), f(local.allMs, 1), ratio(q.allMs, local.allMs)],
      ]
    : [];
  const md = (h: string[], body: string[][]) => {
    const all = [h, ...body];
    const w = h.map((_, i) => Math.max(...all.map((r) => r[i].length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
    return [line(h), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...body.map(line)].join('\n');
  };
  const facts = [
    `- date: ${started.toISOString()}; ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${load0.map((x) => x.toFixed(2)).join(' / ')} at start`,
    `- city: ${big(opts.phones)} phones × ${opts.days} day(s), seed ${opts.seed}, ${mb(x.csvBytes)} CSV, ${big(batchPings)} kept pings, ${big(num(summary.stays))} stays, ${x.cases} cases`,
    `- stream: NATS ${opts.nats}, replicas 1, ${opts.partitions} partitions, ${opts.shards} shards, ${opts.indexWorkers} index worker process(es); publisher in the bench process`,
    `- batch index: ${f(num(summary.bytes_per_stay))} bytes per stay, ${big(num(summary.index_bytes))} bytes`,
    ...runs.map(
      (r) =>
        `- ${r.builders} builder(s): streamed companions vs batch file ${r.identical ? 'IDENTICAL' : 'DIFFERENT'}, ${big(r.pings)} of ${big(batchPings)} kept pings in the index`,
    ),
  ];
  const text = [
    md(head, rows),
    '',
    md(['query', 'fan-out over NATS', 'in process', 'fan-out / in process'], qRows),
    '',
    'Facts:',
    ...facts,
  ].join('\n');
  return text;
}
