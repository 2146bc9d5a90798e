/**
 * The service graph of shared/contracts/infrastructure.md: which assets work, and which
 * communities lose a service when assets fail (N-1, drills).
 *
 * An asset works when it is not failed, every asset it `needs` works, and — unless it is a
 * source — at least one upstream `feeds` neighbour (same kind) works. That is the contract's
 * least fixed point: in it, a working upstream neighbour reaches a working source of its kind
 * through working assets by induction. `working` computes it by worklist propagation in
 * O(V + E): an asset joins when its last missing provider joins, or its first upstream does.
 *
 * N-1 (`n1Rows`) only fails what works in the baseline (failing anything else changes nothing:
 * it never contributed), and for such an asset recomputes only its downstream closure (feeds and
 * needs edges): the assets outside it have no path from the failed one, their upstream is
 * unchanged, so they keep their baseline state.
 */
import { RenxingError } from '@renxing/contracts';
import { compareUtf8 } from '@renxing/engine';
import '../errors.js';

export const ASSET_TYPES = ['source', 'node', 'sink'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const RELATIONS = ['feeds', 'needs'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface Asset {
  id: string;
  kind: string;
  type: AssetType;
  /** The community a sink serves (null for sources and nodes). */
  community: string | null;
  /** The people a sink serves there (0 for sources and nodes). */
  population: number;
}

/** `from → to`: `feeds` passes service of one kind on; `needs` says `to` needs `from` to work. */
export interface Link {
  from: string;
  to: string;
  relation: Relation;
}

/** A community that had a service of `kind` and loses it when `asset` (or a drill's set) fails. */
export interface LossRow {
  asset: string;
  kind: string;
  community: string;
  populationLost: number;
}

const SOURCE = 0;
const TYPE_CODE: Record<AssetType, number> = { source: 0, node: 1, sink: 2 };

/** Compressed adjacency: the neighbours of i are `to[start[i] .. start[i + 1])`. */
interface Csr {
  start: Int32Array;
  to: Int32Array;
}

function csr(n: number, from: readonly number[], to: readonly number[]): Csr {
  const start = new Int32Array(n + 1);
  for (const f of from) start[f + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const out = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) out[fill[from[e]]++] = to[e];
  return { start, to: out };
}

function byteOrder<T>(values: Iterable<T>, key: (v: T) => string): T[] {
  return [...values].sort((a, b) => compareUtf8(key(a), key(b)));
}

export class ServiceGraph {
  /** Asset ids in byte order; an asset's index is its position here. */
  readonly ids: readonly string[];
  /** The assets in the same order. */
  readonly assets: readonly Asset[];
  private readonly index: Map<string, number>;
  private readonly type: Uint8Array;
  /** Feeds edges (same kind only), downstream and upstream. */
  private readonly feedsOut: Csr;
  private readonly feedsIn: Csr;
  /** Needs edges: `needsOut` of a provider lists who needs it; `needsIn` of an asset its providers. */
  private readonly needsOut: Csr;
  private readonly needsIn: Csr;
  /** A sink's (kind, community) group, -1 for other assets. */
  private readonly group: Int32Array;
  private readonly population: Float64Array;
  /** Per group: its kind and community. */
  private readonly groupKind: string[];
  private readonly groupCommunity: string[];

  private constructor(assets: readonly Asset[], links: readonly Link[]) {
    const sorted = byteOrder(assets, (a) => a.id);
    const n = sorted.length;
    this.assets = sorted;
    this.ids = sorted.map((a) => a.id);
    this.index = new Map();
    for (let i = 0; i < n; i++) {
      if (this.index.has(this.ids[i])) throw new Error(`duplicate asset id ${this.ids[i]}`);
      this.index.set(this.ids[i], i);
    }
    this.type = new Uint8Array(n);
    this.population = new Float64Array(n);
    this.group = new Int32Array(n).fill(-1);
    const groups = new Map<string, number>();
    this.groupKind = [];
    this.groupCommunity = [];
    for (let i = 0; i < n; i++) {
      const a = sorted[i];
      this.type[i] = TYPE_CODE[a.type];
      if (a.type !== 'sink' || a.community === null) continue;
      this.population[i] = a.population;
      const key = `${a.kind}\u0000${a.community}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = this.groupKind.length;
        groups.set(key, g);
        this.groupKind.push(a.kind);
        this.groupCommunity.push(a.community);
      }
      this.group[i] = g;
    }
    // Links naming an unknown asset, and feeds between kinds (refused by the contract), are left out.
    const feedFrom: number[] = [];
    const feedTo: number[] = [];
    const needFrom: number[] = [];
    const needTo: number[] = [];
    for (const l of links) {
      const f = this.index.get(l.from);
      const t = this.index.get(l.to);
      if (f === undefined || t === undefined) continue;
      if (l.relation === 'needs') {
        needFrom.push(f);
        needTo.push(t);
      } else if (sorted[f].kind === sorted[t].kind) {
        feedFrom.push(f);
        feedTo.push(t);
      }
    }
    this.feedsOut = csr(n, feedFrom, feedTo);
    this.feedsIn = csr(n, feedTo, feedFrom);
    this.needsOut = csr(n, needFrom, needTo);
    this.needsIn = csr(n, needTo, needFrom);
  }

  static build(assets: readonly Asset[], links: readonly Link[]): ServiceGraph {
    return new ServiceGraph(assets, links);
  }

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** 1 for each asset that works when the `failed` assets (indexes) fail, else 0. */
  working(failed: readonly number[]): Uint8Array {
    const n = this.ids.length;
    const works = new Uint8Array(n);
    const blocked = new Uint8Array(n);
    for (const f of failed) blocked[f] = 1;
    // Providers still missing, and whether an upstream neighbour (or being a source) feeds it.
    const missing = new Int32Array(n);
    const fed = new Uint8Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    const { start: nis } = this.needsIn;
    for (let i = 0; i < n; i++) {
      missing[i] = nis[i + 1] - nis[i];
      if (this.type[i] === SOURCE) fed[i] = 1;
      if (!blocked[i] && missing[i] === 0 && fed[i]) {
        works[i] = 1;
        queue[tail++] = i;
      }
    }
    const { start: fs, to: ft } = this.feedsOut;
    const { start: ns, to: nt } = this.needsOut;
    for (let head = 0; head < tail; head++) {
      const a = queue[head];
      for (let e = fs[a]; e < fs[a + 1]; e++) {
        const b = ft[e];
        if (fed[b]) continue;
        fed[b] = 1;
        if (!works[b] && !blocked[b] && missing[b] === 0) {
          works[b] = 1;
          queue[tail++] = b;
        }
      }
      for (let e = ns[a]; e < ns[a + 1]; e++) {
        const b = nt[e];
        missing[b]--;
        if (!works[b] && !blocked[b] && missing[b] === 0 && fed[b]) {
          works[b] = 1;
          queue[tail++] = b;
        }
      }
    }
    return works;
  }

  /**
   * The rows of a failure: for each (kind, community) that had a working sink in `before` and has
   * none in `after`, the population of its sinks that worked before and not after; sorted by
   * kind, community (byte order), all with `asset` as the asset column.
   */
  lossRows(before: Uint8Array, after: Uint8Array, asset: string): LossRow[] {
    const groups = this.groupKind.length;
    const had = new Int32Array(groups);
    const lost = new Int32Array(groups);
    const people = new Float64Array(groups);
    for (let i = 0; i < before.length; i++) {
      const g = this.group[i];
      if (g < 0 || !before[i]) continue;
      had[g]++;
      if (!after[i]) {
        lost[g]++;
        people[g] += this.population[i];
      }
    }
    const rows: LossRow[] = [];
    for (let g = 0; g < groups; g++)
      if (had[g] > 0 && lost[g] === had[g])
        rows.push({
          asset,
          kind: this.groupKind[g],
          community: this.groupCommunity[g],
          populationLost: people[g],
        });
    return rows.sort(byKindCommunity);
  }

  /**
   * The N-1 rows of every asset, in id order, from the baseline: an asset that works is failed
   * alone and only its downstream closure recomputed, the rest held at the baseline.
   */
  n1Rows(): LossRow[] {
    const n = this.ids.length;
    const base = this.working([]);
    const groups = this.groupKind.length;
    // Working sinks per group in the baseline.
    const had = new Int32Array(groups);
    for (let i = 0; i < n; i++) if (base[i] && this.group[i] >= 0) had[this.group[i]]++;

    const inClosure = new Int32Array(n); // stamp: a + 1 when in a's closure
    const works = new Int32Array(n); // stamp: a + 1 when it works with a failed
    const fed = new Int32Array(n); // stamp: a + 1 when fed with a failed
    const missing = new Int32Array(n);
    const closure = new Int32Array(n);
    const queue = new Int32Array(n);
    const lost = new Int32Array(groups);
    const people = new Float64Array(groups);
    const touched: number[] = [];
    const { start: fos, to: fot } = this.feedsOut;
    const { start: nos, to: not } = this.needsOut;
    const { start: fis, to: fit } = this.feedsIn;
    const { start: nis, to: nit } = this.needsIn;
    const rows: LossRow[] = [];

    for (let a = 0; a < n; a++) {
      if (!base[a]) continue;
      const stamp = a + 1;
      // The downstream closure of a (a first).
      let size = 0;
      inClosure[a] = stamp;
      closure[size++] = a;
      for (let head = 0; head < size; head++) {
        const x = closure[head];
        for (let e = fos[x]; e < fos[x + 1]; e++) {
          const y = fot[e];
          if (inClosure[y] !== stamp) {
            inClosure[y] = stamp;
            closure[size++] = y;
          }
        }
        for (let e = nos[x]; e < nos[x + 1]; e++) {
          const y = not[e];
          if (inClosure[y] !== stamp) {
            inClosure[y] = stamp;
            closure[size++] = y;
          }
        }
      }
      // Inside the closure, nothing works yet; outside, everything is at its baseline.
      let tail = 0;
      for (let k = 1; k < size; k++) {
        const x = closure[k];
        let m = 0;
        for (let e = nis[x]; e < nis[x + 1]; e++) {
          const p = nit[e];
          if (inClosure[p] === stamp || !base[p]) m++;
        }
        missing[x] = m;
        let f = this.type[x] === SOURCE;
        for (let e = fis[x]; !f && e < fis[x + 1]; e++) {
          const p = fit[e];
          if (inClosure[p] !== stamp && base[p]) f = true;
        }
        if (f) fed[x] = stamp;
        if (m === 0 && f) {
          works[x] = stamp;
          queue[tail++] = x;
        }
      }
      for (let head = 0; head < tail; head++) {
        const x = queue[head];
        for (let e = fos[x]; e < fos[x + 1]; e++) {
          const y = fot[e];
          if (fed[y] === stamp || y === a) continue;
          fed[y] = stamp;
          if (works[y] !== stamp && missing[y] === 0) {
            works[y] = stamp;
            queue[tail++] = y;
          }
        }
        for (let e = nos[x]; e < nos[x + 1]; e++) {
          const y = not[e];
          if (y === a) continue;
          missing[y]--;
          if (works[y] !== stamp && missing[y] === 0 && fed[y] === stamp) {
            works[y] = stamp;
            queue[tail++] = y;
          }
        }
      }
      // Sinks of the closure that worked and stopped.
      for (let k = 0; k < size; k++) {
        const x = closure[k];
        const g = this.group[x];
        if (g < 0 || !base[x] || works[x] === stamp) continue;
        if (lost[g] === 0) touched.push(g);
        lost[g]++;
        people[g] += this.population[x];
      }
      const mine: LossRow[] = [];
      for (const g of touched) {
        if (lost[g] === had[g])
          mine.push({
            asset: this.ids[a],
            kind: this.groupKind[g],
            community: this.groupCommunity[g],
            populationLost: people[g],
          });
        lost[g] = 0;
        people[g] = 0;
      }
      touched.length = 0;
      if (mine.length > 1) mine.sort(byKindCommunity);
      for (const r of mine) rows.push(r);
    }
    return rows;
  }
}

function byKindCommunity(x: LossRow, y: LossRow): number {
  return compareUtf8(x.kind, y.kind) || compareUtf8(x.community, y.community);
}

/** The contract's N-1 rows: every asset failed alone, in id order; rows by asset, kind, community. */
export function n1Rows(graph: ServiceGraph): LossRow[] {
  return graph.n1Rows();
}

/** The same rows by full recomputation for every asset (the benchmark's peer, and a check). */
export function n1RowsBruteForce(graph: ServiceGraph): LossRow[] {
  const base = graph.working([]);
  const rows: LossRow[] = [];
  for (let a = 0; a < graph.size; a++) rows.push(...graph.lossRows(base, graph.working([a]), graph.ids[a]));
  return rows;
}

/** The ids of a drill: the given order, duplicates dropped. Unknown ids are RX_NO_SUCH_ASSET. */
export function drillSet(graph: ServiceGraph, failedIds: readonly string[]): string[] {
  const set = [...new Set(failedIds)];
  for (const id of set)
    if (graph.indexOf(id) === undefined) throw new RenxingError('RX_NO_SUCH_ASSET', { asset: id });
  return set;
}

/** A drill: the set fails at once; the asset column holds the ids joined by `+` (given order). */
export function drillRows(graph: ServiceGraph, failedIds: readonly string[]): LossRow[] {
  const set = drillSet(graph, failedIds);
  const failed = set.map((id) => graph.indexOf(id) as number);
  return graph.lossRows(graph.working([]), graph.working(failed), set.join('+'));
}
