/**
 * The service graph (network.ts): a hand-computed city, each rule of the contract's graph, and a
 * property test of the fast N-1 (and drills, and the brute-force peer) against an oracle written
 * here from the contract's words alone.
 */
import { RenxingError } from '@renxing/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Asset,
  type AssetType,
  drillRows,
  type Link,
  type LossRow,
  n1Rows,
  n1RowsBruteForce,
  type Relation,
  ServiceGraph,
} from './network.js';

const source = (id: string, kind: string): Asset => ({
  id,
  kind,
  type: 'source',
  community: null,
  population: 0,
});
const node = (id: string, kind: string): Asset => ({
  id,
  kind,
  type: 'node',
  community: null,
  population: 0,
});
const sink = (id: string, kind: string, community: string, population: number): Asset => ({
  id,
  kind,
  type: 'sink',
  community,
  population,
});
const feeds = (from: string, to: string): Link => ({ from, to, relation: 'feeds' });
const needs = (from: string, to: string): Link => ({ from, to, relation: 'needs' });

/** A small city: pumping station P3 needs substation S1; c2 has a second source of each service. */
const CITY_ASSETS: Asset[] = [
  source('W1', 'water'),
  node('P3', 'water'),
  sink('WS1', 'water', 'c1', 100),
  sink('WS2', 'water', 'c2', 50),
  sink('WS3', 'water', 'c2', 20),
  source('G1', 'power'),
  node('S1', 'power'),
  node('S2', 'power'),
  sink('PS1', 'power', 'c1', 100),
  sink('PS2', 'power', 'c2', 50),
  sink('PS3', 'power', 'c2', 30),
  sink('PS4', 'power', 'c3', 0),
];
const CITY_LINKS: Link[] = [
  feeds('W1', 'P3'),
  feeds('P3', 'WS1'),
  feeds('W1', 'WS2'),
  feeds('P3', 'WS3'),
  feeds('G1', 'S1'),
  feeds('G1', 'S2'),
  feeds('S1', 'PS1'),
  feeds('S2', 'PS2'),
  feeds('S1', 'PS3'),
  feeds('S2', 'PS4'),
  needs('S1', 'P3'),
];

const row = (asset: string, kind: string, community: string, populationLost: number): LossRow => ({
  asset,
  kind,
  community,
  populationLost,
});

const CITY_N1: LossRow[] = [
  row('G1', 'power', 'c1', 100),
  row('G1', 'power', 'c2', 80),
  row('G1', 'power', 'c3', 0),
  row('G1', 'water', 'c1', 100),
  row('P3', 'water', 'c1', 100),
  row('PS1', 'power', 'c1', 100),
  row('PS4', 'power', 'c3', 0),
  row('S1', 'power', 'c1', 100),
  row('S1', 'water', 'c1', 100),
  row('S2', 'power', 'c3', 0),
  row('W1', 'water', 'c1', 100),
  row('W1', 'water', 'c2', 70),
  row('WS1', 'water', 'c1', 100),
];

const worksSet = (g: ServiceGraph, failed: string[]) => {
  const w = g.working(failed.map((id) => g.indexOf(id) as number));
  return g.ids.filter((_, i) => w[i] === 1);
};

describe('the service graph', () => {
  const city = ServiceGraph.build(CITY_ASSETS, CITY_LINKS);

  it('orders ids by bytes and finds them', () => {
    expect(city.ids).toEqual(['G1', 'P3', 'PS1', 'PS2', 'PS3', 'PS4', 'S1', 'S2', 'W1', 'WS1', 'WS2', 'WS3']);
    expect(city.indexOf('S1')).toBe(6);
    expect(city.indexOf('nope')).toBeUndefined();
    const g = ServiceGraph.build(
      [source('😀', 'x'), source('ｚ', 'x'), source('b', 'x'), source('B', 'x')],
      [],
    );
    expect(g.ids).toEqual(['B', 'b', 'ｚ', '😀']);
  });

  it('everything works when nothing fails', () => {
    expect(worksSet(city, [])).toEqual(city.ids);
  });

  it('a failed substation stops its sinks and the pumping station that needs it (a cross-kind need)', () => {
    expect(worksSet(city, ['S1'])).toEqual(['G1', 'PS2', 'PS4', 'S2', 'W1', 'WS2']);
  });

  it('a source works alone; a node or sink needs a working upstream of its kind', () => {
    const g = ServiceGraph.build(
      [source('A', 'w'), node('B', 'w'), sink('C', 'w', 'c', 1), node('D', 'w')],
      [feeds('A', 'B'), feeds('B', 'C')],
    );
    expect(worksSet(g, [])).toEqual(['A', 'B', 'C']);
  });

  it('a feeds link between kinds is left out (the contract refuses it)', () => {
    const g = ServiceGraph.build([source('A', 'power'), sink('C', 'water', 'c', 1)], [feeds('A', 'C')]);
    expect(worksSet(g, [])).toEqual(['A']);
  });

  it('a cycle without a source does not work (least fixed point); with one it does', () => {
    const loop = [node('A', 'w'), node('B', 'w'), sink('C', 'w', 'c', 1)];
    const links = [feeds('A', 'B'), feeds('B', 'A'), feeds('B', 'C')];
    expect(worksSet(ServiceGraph.build(loop, links), [])).toEqual([]);
    const fed = ServiceGraph.build([...loop, source('S', 'w')], [...links, feeds('S', 'A')]);
    expect(worksSet(fed, [])).toEqual(['A', 'B', 'C', 'S']);
    expect(worksSet(fed, ['A'])).toEqual(['S']);
  });

  it('mutual needs never start (least fixed point); an asset needing itself never works', () => {
    const g = ServiceGraph.build(
      [source('P', 'power'), source('W', 'water'), source('X', 'gas')],
      [needs('P', 'W'), needs('W', 'P'), needs('X', 'X')],
    );
    expect(worksSet(g, [])).toEqual([]);
  });

  it('a source that needs another kind stops with it', () => {
    const g = ServiceGraph.build(
      [source('G', 'power'), source('W', 'water'), sink('T', 'water', 'c', 5)],
      [needs('G', 'W'), feeds('W', 'T')],
    );
    expect(n1Rows(g)).toEqual([
      row('G', 'water', 'c', 5),
      row('T', 'water', 'c', 5),
      row('W', 'water', 'c', 5),
    ]);
  });

  it('N-1: the contract’s rows, in order, fast and by brute force', () => {
    expect(n1Rows(city)).toEqual(CITY_N1);
    expect(n1RowsBruteForce(city)).toEqual(CITY_N1);
  });

  it('a community that never had the service loses nothing; one that keeps a sink loses nothing', () => {
    const g = ServiceGraph.build(
      [
        source('A', 'w'),
        sink('B', 'w', 'c', 3),
        sink('C', 'w', 'c', 4),
        sink('D', 'w', 'd', 9),
        node('N', 'w'),
      ],
      [feeds('A', 'B'), feeds('N', 'C'), feeds('N', 'D')],
    );
    // C never worked: c's population lost is B's alone; d never had water: no row.
    expect(n1Rows(g)).toEqual([row('A', 'w', 'c', 3), row('B', 'w', 'c', 3)]);
  });

  it('a drill fails the set at once; the asset column joins the ids in given order, once each', () => {
    expect(drillRows(city, ['S2', 'S1', 'S2'])).toEqual([
      row('S2+S1', 'power', 'c1', 100),
      row('S2+S1', 'power', 'c2', 80),
      row('S2+S1', 'power', 'c3', 0),
      row('S2+S1', 'water', 'c1', 100),
    ]);
    // Neither alone cuts c2's power; together they do.
    expect(drillRows(city, ['PS2', 'PS3'])).toEqual([row('PS2+PS3', 'power', 'c2', 80)]);
    expect(drillRows(city, [])).toEqual([]);
  });

  it('a drill naming an unknown asset is RX_NO_SUCH_ASSET', () => {
    try {
      drillRows(city, ['S1', 'NOPE']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RenxingError);
      expect((e as RenxingError).code).toBe('RX_NO_SUCH_ASSET');
      expect((e as RenxingError).localized('en')).toContain('NOPE');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: straight from the contract's words, sharing nothing with network.ts.

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const byBytes = (a: string, b: string) => Buffer.compare(utf8(a), utf8(b));

/**
 * "Start with nothing working; add what the rules allow until nothing changes": an asset that is
 * not failed, whose needs all work, and that is a source or has a working upstream neighbour of
 * its own kind that reaches a working source of its kind through working assets (BFS).
 */
function oracleWorking(assets: Asset[], links: Link[], failed: Set<string>): Set<string> {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const works = new Set<string>();
  const reachesSource = (start: string, kind: string): boolean => {
    const seen = new Set([start]);
    const todo = [start];
    while (todo.length > 0) {
      const x = todo.shift() as string;
      if (byId.get(x)?.type === 'source') return true;
      for (const l of links) {
        if (l.relation !== 'feeds' || l.to !== x || seen.has(l.from)) continue;
        const up = byId.get(l.from);
        if (!up || up.kind !== kind || !works.has(up.id)) continue;
        seen.add(up.id);
        todo.push(up.id);
      }
    }
    return false;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assets) {
      if (works.has(a.id) || failed.has(a.id)) continue;
      const needsAll = links
        .filter((l) => l.relation === 'needs' && l.to === a.id)
        .every((l) => works.has(l.from));
      if (!needsAll) continue;
      const fed =
        a.type === 'source' ||
        links.some(
          (l) =>
            l.relation === 'feeds' &&
            l.to === a.id &&
            byId.get(l.from)?.kind === a.kind &&
            works.has(l.from) &&
            reachesSource(l.from, a.kind),
        );
      if (fed) {
        works.add(a.id);
        changed = true;
      }
    }
  }
  return works;
}

/** The rows of one failure: communities with a working sink of a kind before and none after. */
function oracleRows(assets: Asset[], before: Set<string>, after: Set<string>, label: string): LossRow[] {
  const rows: LossRow[] = [];
  const keys = new Set(
    assets.filter((a) => a.type === 'sink').map((a) => JSON.stringify([a.kind, a.community])),
  );
  for (const key of keys) {
    const [kind, community] = JSON.parse(key) as [string, string];
    const sinks = assets.filter((a) => a.type === 'sink' && a.kind === kind && a.community === community);
    const had = sinks.some((s) => before.has(s.id));
    const has = sinks.some((s) => after.has(s.id));
    if (!had || has) continue;
    const populationLost = sinks
      .filter((s) => before.has(s.id) && !after.has(s.id))
      .reduce((sum, s) => sum + s.population, 0);
    rows.push({ asset: label, kind, community, populationLost });
  }
  return rows.sort((x, y) => byBytes(x.kind, y.kind) || byBytes(x.community, y.community));
}

function oracleN1(assets: Asset[], links: Link[]): LossRow[] {
  const base = oracleWorking(assets, links, new Set());
  const ids = assets.map((a) => a.id).sort(byBytes);
  return ids.flatMap((id) => oracleRows(assets, base, oracleWorking(assets, links, new Set([id])), id));
}

const IDS = ['A', 'B', 'a', 'b', '10', '9', '张', '😀', 'ｚ', 'S1', 'P3', 'W', 'X', 'Y', 'Z', 'n'];
const KINDS = ['water', 'power', 'gas'];
const COMMUNITIES = ['c1', 'c2', '社区'];

/**
 * Random networks: mostly same-kind feeds (a `to` picked among the `from`'s kind), some feeds
 * across kinds (which the contract refuses: no effect), needs across kinds, cycles, self-links,
 * several sinks per community, population 0.
 */
const networks = fc
  .uniqueArray(fc.constantFrom(...IDS), { minLength: 3, maxLength: 14, size: 'max' })
  .chain((ids) =>
    fc.record({
      assets: fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            kind: fc.constantFrom(...KINDS),
            type: fc.constantFrom<AssetType>(
              'source',
              'source',
              'node',
              'node',
              'node',
              'sink',
              'sink',
              'sink',
            ),
            community: fc.constantFrom(...COMMUNITIES),
            population: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
          }),
        ),
      ),
      links: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          relation: fc.constantFrom<Relation | 'any-feeds'>(
            'feeds',
            'feeds',
            'feeds',
            'feeds',
            'feeds',
            'feeds',
            'any-feeds',
            'needs',
            'needs',
          ),
        }),
        { maxLength: 40, size: 'max' },
      ),
    }),
  )
  .map(({ assets, links }) => {
    const list = assets.map((a): Asset => (a.type === 'sink' ? a : { ...a, community: null, population: 0 }));
    return {
      assets: list,
      links: links.map(({ from, to, relation }): Link => {
        const ups = list.filter((a) => a.type !== 'sink');
        const any = list[from % list.length];
        // Feeds and needs mostly from a source or node (when there is one).
        const f =
          relation === 'any-feeds' || ups.length === 0 || from % 7 === 0 ? any : ups[from % ups.length];
        if (relation !== 'feeds') {
          const t = list[to % list.length];
          return { from: f.id, to: t.id, relation: relation === 'needs' ? 'needs' : 'feeds' };
        }
        const same = list.filter((a) => a.kind === f.kind);
        return { from: f.id, to: same[to % same.length].id, relation: 'feeds' };
      }),
    };
  });

describe('N-1 against the oracle (property)', () => {
  it('the fast N-1, the brute force and the oracle agree on random networks with cycles and needs', () => {
    fc.assert(
      fc.property(networks, ({ assets, links }) => {
        const g = ServiceGraph.build(assets, links);
        const expected = oracleN1(assets, links);
        expect(n1Rows(g)).toEqual(expected);
        expect(n1RowsBruteForce(g)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('drills agree with the oracle', () => {
    fc.assert(
      fc.property(
        networks.chain((net) =>
          fc.record({
            net: fc.constant(net),
            failed: fc.array(fc.constantFrom(...net.assets.map((a) => a.id)), { maxLength: 4 }),
          }),
        ),
        ({ net: { assets, links }, failed }) => {
          const g = ServiceGraph.build(assets, links);
          const set = [...new Set(failed)];
          const base = oracleWorking(assets, links, new Set());
          const expected = oracleRows(
            assets,
            base,
            oracleWorking(assets, links, new Set(set)),
            set.join('+'),
          );
          expect(drillRows(g, failed)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('working() is the oracle’s least fixed point under any failures', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.nat(), { maxLength: 3 }), ({ assets, links }, picks) => {
        const g = ServiceGraph.build(assets, links);
        const failed = picks.map((p) => p % g.size);
        const expected = oracleWorking(assets, links, new Set(failed.map((i) => g.ids[i])));
        expect(new Set(g.ids.filter((_, i) => g.working(failed)[i] === 1))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
