/**
 * A seeded synthetic utility network for benchmarks and tests of the infrastructure contract
 * (`shared/contracts/infrastructure.md`): several kinds (power first: every other kind's nodes
 * need it), each a layered tree made redundant — sources, primary nodes fed by two sources,
 * secondary nodes fed by two primaries with some ring links between neighbours (cycles), and each
 * community's sinks fed by two neighbouring secondaries — plus cross-kind `needs` (a pumping
 * station needs a substation, gas needs telecom too) and a few single points of failure: sinks fed
 * once, and sinks whose two feeds need the same upstream asset of another kind.
 *
 * Pure computation; the same options always give the same network (ids sort in byte order).
 */
import { mulberry32 } from './city-setup.js';

export interface NetworkOptions {
  /** Assets in all (default 10,000; at least 8 per kind). */
  assets?: number;
  /** Generator seed (default 1). */
  seed?: number;
  /** Kinds; the first is the base every other kind's nodes need (default power, water, telecom, gas). */
  kinds?: readonly string[];
  /** Share of (kind, community) pairs fed by one node only (default 0.01). */
  singleFed?: number;
  /** Share of (kind, community) pairs whose two feeds are left as they fall, needing the same asset maybe (default 0.01). */
  commonMode?: number;
}

export interface NetworkAsset {
  id: string;
  kind: string;
  type: 'source' | 'node' | 'sink';
  /** The community a sink serves (null for sources and nodes). */
  community: string | null;
  /** People a sink serves (0 for sources and nodes). */
  population: number;
}

/** `from → to`: service flows from `from` (for `needs`: `to` needs `from`). */
export interface NetworkLink {
  from: string;
  to: string;
  relation: 'feeds' | 'needs';
}

export interface SyntheticNetwork {
  assets: NetworkAsset[];
  links: NetworkLink[];
  communities: string[];
}

const DEFAULT_KINDS = ['power', 'water', 'telecom', 'gas'] as const;

interface Layers {
  sources: string[];
  primary: string[];
  secondary: string[];
}

const pad = (n: number, count: number) => String(n + 1).padStart(String(count).length, '0');
/** The index of the cell of an `n`-cell split of [0, 1) holding position x. */
const cell = (x: number, n: number) => Math.min(n - 1, Math.floor(x * n));
const at = (i: number, n: number) => (i + 0.5) / n;

export function generateNetwork(options: NetworkOptions = {}): SyntheticNetwork {
  const total = options.assets ?? 10_000;
  const kinds = options.kinds ?? DEFAULT_KINDS;
  const singleFed = options.singleFed ?? 0.01;
  const commonMode = options.commonMode ?? 0.01;
  if (kinds.length === 0 || new Set(kinds).size !== kinds.length)
    throw new RangeError('kinds: distinct words');
  if (!Number.isInteger(total) || total < 8 * kinds.length)
    throw new RangeError(`assets: an integer of at least ${8 * kinds.length}`);
  const rnd = mulberry32(((options.seed ?? 1) * 0x9e3779b1) ^ 0x51ed270b);

  const budget = kinds.map((_, k) => Math.floor(total / kinds.length) + (k < total % kinds.length ? 1 : 0));
  const shape = budget.map((b) => {
    const sources = Math.max(2, Math.round(b / 1000));
    const primary = Math.max(2, Math.round(b * 0.03));
    const secondary = Math.max(3, Math.round(b * 0.15));
    return { sources, primary, secondary, sinks: b - sources - primary - secondary };
  });
  const communityCount = Math.max(1, Math.round(Math.min(...shape.map((s) => s.sinks)) / 2.5));
  const communities = Array.from({ length: communityCount }, (_, c) => `c${pad(c, communityCount)}`);

  const assets: NetworkAsset[] = [];
  const links: NetworkLink[] = [];
  const needsOf = new Map<string, string[]>();
  const feed = (from: string, to: string) => links.push({ from, to, relation: 'feeds' });
  const need = (to: string, from: string) => {
    links.push({ from, to, relation: 'needs' });
    const list = needsOf.get(to);
    if (list) list.push(from);
    else needsOf.set(to, [from]);
  };
  const layers: Layers[] = [];

  kinds.forEach((kind, k) => {
    const s = shape[k];
    const made: Layers = {
      sources: Array.from({ length: s.sources }, (_, i) => `${kind}-a${pad(i, s.sources)}`),
      primary: Array.from({ length: s.primary }, (_, i) => `${kind}-b${pad(i, s.primary)}`),
      secondary: Array.from({ length: s.secondary }, (_, i) => `${kind}-c${pad(i, s.secondary)}`),
    };
    layers.push(made);
    const base = layers[0];
    const nodeAsset = (id: string, type: 'source' | 'node'): NetworkAsset => ({
      id,
      kind,
      type,
      community: null,
      population: 0,
    });
    // Sources; those of other kinds need a primary node of the base kind (a waterworks needs power).
    made.sources.forEach((id, i) => {
      assets.push(nodeAsset(id, 'source'));
      if (k > 0) need(id, base.primary[cell(at(i, s.sources), base.primary.length)]);
    });
    // Primary nodes: two sources each.
    made.primary.forEach((id, i) => {
      assets.push(nodeAsset(id, 'node'));
      const j = cell(at(i, s.primary), s.sources);
      feed(made.sources[j], id);
      feed(made.sources[(j + 1) % s.sources], id);
      if (k > 0)
        need(id, base.primary[(cell(at(i, s.primary), base.primary.length) + i) % base.primary.length]);
    });
    // Secondary nodes: two primaries each, some ring links to the next (cycles when both ways).
    made.secondary.forEach((id, i) => {
      assets.push(nodeAsset(id, 'node'));
      const j = cell(at(i, s.secondary), s.primary);
      feed(made.primary[j], id);
      feed(made.primary[(j + 1) % s.primary], id);
      const next = made.secondary[(i + 1) % s.secondary];
      const r = rnd();
      if (r < 0.2) feed(id, next);
      if (r < 0.08) feed(next, id);
      if (k > 0) {
        const p = base.secondary.length;
        need(id, base.secondary[(cell(at(i, s.secondary), p) + (i % 2)) % p]);
        // The fourth kind and later (gas) also need telecom (the third) for their control.
        if (k >= 3) {
          const t = layers[2].secondary.length;
          need(id, layers[2].secondary[(cell(at(i, s.secondary), t) + ((i + 1) % 2)) % t]);
        }
      }
    });
  });

  // Everything an asset needs, directly or through what those need.
  const needed = new Map<string, Set<string>>();
  const neededBy = (id: string): Set<string> => {
    let set = needed.get(id);
    if (set) return set;
    set = new Set();
    for (const p of needsOf.get(id) ?? []) {
      set.add(p);
      for (const q of neededBy(p)) set.add(q);
    }
    needed.set(id, set);
    return set;
  };
  const shares = (a: string, b: string) => {
    const na = neededBy(a);
    for (const x of neededBy(b)) if (na.has(x)) return true;
    return false;
  };

  // Sinks: spread over the communities in order. A community's sinks of a kind are fed by the
  // secondary node nearest it and a neighbour that needs nothing in common with it — except the
  // few communities left fed once, or by two nodes that need the same asset (common mode).
  kinds.forEach((kind, k) => {
    const s = shape[k];
    const secondary = layers[k].secondary;
    const n = secondary.length;
    const feeders: string[][] = communities.map((_, c) => {
      const a = cell(at(c, communityCount), n);
      const r = rnd();
      if (r < singleFed) return [secondary[a]];
      let b = (a + 1) % n;
      if (r >= singleFed + commonMode)
        for (let step = 1; step < n && shares(secondary[a], secondary[b]); step++)
          b = (a + (step % 2 === 1 ? n - (step + 1) / 2 : step / 2 + 1)) % n;
      return b === a ? [secondary[a]] : [secondary[a], secondary[b]];
    });
    for (let i = 0; i < s.sinks; i++) {
      const c = Math.floor((i * communityCount) / s.sinks);
      const id = `${kind}-d${pad(i, s.sinks)}`;
      assets.push({
        id,
        kind,
        type: 'sink',
        community: communities[c],
        population: 50 + Math.floor(rnd() * 3000),
      });
      for (const f of feeders[c]) feed(f, id);
    }
  });

  const byte = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  assets.sort((x, y) => byte(x.id, y.id));
  return { assets, links, communities };
}

/** The network as the CLI's `A.csv` (`id,kind,type,community,population`) and `L.csv` (`from,to,relation`). */
export function networkCsv(net: SyntheticNetwork): { assets: string; links: string } {
  const a = ['id,kind,type,community,population'];
  for (const x of net.assets)
    a.push(
      x.type === 'sink'
        ? `${x.id},${x.kind},${x.type},${x.community},${x.population}`
        : `${x.id},${x.kind},${x.type},,`,
    );
  const l = ['from,to,relation'];
  for (const x of net.links) l.push(`${x.from},${x.to},${x.relation}`);
  return { assets: `${a.join('\n')}\n`, links: `${l.join('\n')}\n` };
}
