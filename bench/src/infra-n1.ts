/**
 * Part (a) of `bench:infra`: N-1 of a synthetic city (`generateNetwork` of @renxing/city-gen:
 * power, water, telecom and gas, cross-kind `needs`, two feeds almost everywhere, a few single
 * points of failure). Ours (`n1Rows`: the baseline once, then for each working asset only its
 * downstream closure recomputed) against two peers on the same graph: `n1RowsBruteForce` (the
 * whole fixed point recomputed for every failure) and networkx (bench/src/infra-networkx.ts: the
 * fixed point by iteration with `nx.bfs_layers`, per failure). networkx on every failure of a
 * 10,000-asset city takes the better part of an hour, so by default it fails every k-th asset
 * only (k chosen for about `networkxFailures` failures), its answer is checked on those, and its
 * time for all failures is extrapolated from the time per failure (said so in the output).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNetwork, networkCsv } from '@renxing/city-gen';
import { type LossRow, n1Rows, n1RowsBruteForce, ServiceGraph } from '@renxing/modules/infrastructure';
import { runNetworkx } from './infra-networkx.js';
import { fmt, int, log, type Table } from './infra-report.js';

export interface N1Options {
  assets: number;
  seed: number;
  /** networkx failures to compute (0: all of them). */
  networkxFailures: number;
  /** Runs of n1Rows (the best is kept). */
  runs: number;
  dataDir: string;
}

const rowCsv = (rows: readonly LossRow[]) =>
  `asset,kind,community,population_lost\n${rows.map((r) => `${r.asset},${r.kind},${r.community},${r.populationLost}\n`).join('')}`;

const best = (xs: number[]) => Math.min(...xs);
/** Single points of failure added to networkx's sample of failures. */
const SPOFS = 10;

export async function benchN1(o: N1Options): Promise<Table> {
  log(`N-1: generating a ${int(o.assets)}-asset network (seed ${o.seed}) …`);
  const net = generateNetwork({ assets: o.assets, seed: o.seed });
  const dir = join(o.dataDir, `infra-a${o.assets}-s${o.seed}`);
  mkdirSync(dir, { recursive: true });
  const csv = networkCsv(net);
  writeFileSync(join(dir, 'assets.csv'), csv.assets);
  writeFileSync(join(dir, 'links.csv'), csv.links);
  const needs = net.links.filter((l) => l.relation === 'needs').length;
  log(
    `  ${int(net.assets.length)} assets (${[...new Set(net.assets.map((a) => a.kind))].join(', ')}), ` +
      `${int(net.links.length)} links (${int(needs)} needs), ${int(net.communities.length)} communities; files in ${dir}`,
  );

  let t0 = performance.now();
  const graph = ServiceGraph.build(net.assets, net.links);
  const buildMs = performance.now() - t0;

  const times: number[] = [];
  let rows: LossRow[] = [];
  for (let r = 0; r < o.runs; r++) {
    t0 = performance.now();
    rows = n1Rows(graph);
    times.push(performance.now() - t0);
  }
  const oursMs = best(times);
  log(`  n1Rows: ${rows.length} rows, best of ${o.runs}: ${fmt(oursMs)} ms (build ${fmt(buildMs)} ms)`);

  log('  n1RowsBruteForce (every failure recomputed) …');
  t0 = performance.now();
  const brute = n1RowsBruteForce(graph);
  const bruteMs = performance.now() - t0;
  const bruteSame = rowCsv(brute) === rowCsv(rows);
  log(`  n1RowsBruteForce: ${fmt(bruteMs / 1000, 2)} s, ${bruteSame ? 'identical rows' : 'ROWS DIFFER'}`);

  // networkx fails every k-th asset in id order and, so that its rows are compared where there
  // are rows, the first SPOFS single points of failure ours found.
  const n = graph.size;
  const spofIds = [...new Set(rows.map((r) => r.asset))];
  const every = o.networkxFailures <= 0 ? 1 : Math.max(1, Math.floor(n / o.networkxFailures));
  const picked = new Set(graph.ids.filter((_, i) => i % every === 0));
  if (every > 1) for (const id of spofIds.slice(0, SPOFS)) picked.add(id);
  log(`  networkx: ${int(picked.size)} failures …`);
  const out = join(dir, 'n1-networkx.csv');
  const nx = await runNetworkx(dir, out, [...picked]);
  const oursOnPicked = rowCsv(rows.filter((r) => picked.has(r.asset)));
  const nxRows = readFileSync(out, 'utf8');
  const nxSame = nxRows === oursOnPicked;
  const nxRowCount = nxRows.trim().split('\n').length - 1;
  const nxPerFailure = nx.failures_s / nx.failures;
  const nxAllS = nx.baseline_s + nxPerFailure * n;
  const extrapolated = nx.failures < n;
  log(
    `  networkx ${nx.networkx}: ${nx.failures} failures in ${fmt(nx.failures_s, 1)} s (${fmt(nxPerFailure * 1000, 1)} ms each), ` +
      `baseline ${fmt(nx.baseline_s * 1000, 1)} ms, load ${fmt(nx.load_s, 2)} s; ${nxSame ? 'identical rows' : 'ROWS DIFFER'} on those failures`,
  );

  const spofs = spofIds.length;
  const communities = new Set(rows.map((r) => r.community)).size;
  const perFailure = (ms: number) => `${fmt((ms * 1000) / n, 1)} µs`;
  return {
    title: `(a) N-1 of ${int(n)} assets, ${int(net.links.length)} links: ${int(spofs)} single points of failure, ${int(communities)} communities at risk, ${int(rows.length)} rows`,
    head: ['N-1 of every asset', 'time', 'per failure', 'vs n1Rows', 'answer'],
    rows: [
      ['n1Rows (ours: downstream closure only)', `${fmt(oursMs)} ms`, perFailure(oursMs), '1×', 'reference'],
      [
        'n1RowsBruteForce (fixed point per failure)',
        `${fmt(bruteMs)} ms`,
        perFailure(bruteMs),
        `${fmt(bruteMs / oursMs, 0)}× slower`,
        bruteSame ? 'identical' : 'DIFFER',
      ],
      [
        `networkx ${nx.networkx} (fixed point per failure)`,
        `${extrapolated ? '≈ ' : ''}${fmt(nxAllS, 1)} s`,
        `${fmt(nxPerFailure * 1e3, 1)} ms`,
        `${extrapolated ? '≈ ' : ''}${int((nxAllS * 1000) / oursMs)}× slower`,
        nxSame ? `identical on its ${int(nx.failures)} failures (${int(nxRowCount)} rows)` : 'DIFFER',
      ],
    ],
    notes: [
      `ServiceGraph.build: ${fmt(buildMs)} ms (not in the times above). n1Rows: best of ${o.runs} runs.` +
        (extrapolated
          ? ` networkx ran ${int(nx.failures)} of the ${int(n)} failures (every ${every}th asset in id order and ${Math.min(SPOFS, spofIds.length)} single points of failure): its time is its baseline plus ${int(n)} × its mean time per failure (extrapolated, not measured); --networkx-failures 0 runs all of them.`
          : ' networkx ran every failure.'),
    ],
  };
}
