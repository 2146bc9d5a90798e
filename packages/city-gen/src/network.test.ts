import { describe, expect, it } from 'vitest';
import { generateNetwork, type NetworkAsset, type NetworkLink, networkCsv } from './network.js';

/**
 * The contract's least fixed point, naively (repeat until nothing changes): an asset works when
 * not failed, everything it needs works, and it is a source or a working same-kind asset feeds it.
 */
function working(assets: NetworkAsset[], links: NetworkLink[], failed: ReadonlySet<string>): Set<string> {
  const kind = new Map(assets.map((a) => [a.id, a.kind]));
  const works = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assets) {
      if (works.has(a.id) || failed.has(a.id)) continue;
      const ins = links.filter((l) => l.to === a.id);
      const needs = ins.filter((l) => l.relation === 'needs').every((l) => works.has(l.from));
      const fed =
        a.type === 'source' ||
        ins.some((l) => l.relation === 'feeds' && kind.get(l.from) === a.kind && works.has(l.from));
      if (needs && fed) {
        works.add(a.id);
        changed = true;
      }
    }
  }
  return works;
}

/** Communities with a service of a kind (one working sink of it). */
function served(assets: NetworkAsset[], works: Set<string>): Set<string> {
  return new Set(
    assets.filter((a) => a.type === 'sink' && works.has(a.id)).map((a) => `${a.kind}/${a.community}`),
  );
}

describe('generateNetwork', () => {
  it('makes exactly the assets asked for, the same for the same seed, sorted by id', () => {
    const a = generateNetwork({ assets: 1000, seed: 3 });
    expect(a.assets).toHaveLength(1000);
    expect(generateNetwork({ assets: 1000, seed: 3 })).toEqual(a);
    expect(generateNetwork({ assets: 1000, seed: 4 }).links).not.toEqual(a.links);
    const ids = a.assets.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(ids);
    expect(new Set(a.assets.map((x) => x.kind))).toEqual(new Set(['power', 'water', 'telecom', 'gas']));
    expect(new Set(a.assets.map((x) => x.type))).toEqual(new Set(['source', 'node', 'sink']));
  });

  it('links within a kind by feeds, across kinds by needs, and sinks name a community and people', () => {
    const net = generateNetwork({ assets: 800, seed: 1 });
    const byId = new Map(net.assets.map((a) => [a.id, a]));
    const seen = new Set<string>();
    for (const l of net.links) {
      const from = byId.get(l.from)!;
      const to = byId.get(l.to)!;
      expect(from && to).toBeTruthy();
      expect(seen.has(`${l.from},${l.to},${l.relation}`)).toBe(false);
      seen.add(`${l.from},${l.to},${l.relation}`);
      if (l.relation === 'feeds') expect(from.kind).toBe(to.kind);
      else expect(from.kind).not.toBe(to.kind);
      expect(to.type).not.toBe(l.relation === 'feeds' ? 'source' : 'sink');
    }
    expect(net.links.some((l) => l.relation === 'needs')).toBe(true);
    for (const a of net.assets) {
      if (a.type === 'sink') {
        expect(net.communities).toContain(a.community);
        expect(a.population).toBeGreaterThan(0);
      } else expect([a.community, a.population]).toEqual([null, 0]);
    }
    // Power needs nothing; every other kind's nodes need power.
    const needers = new Set(net.links.filter((l) => l.relation === 'needs').map((l) => byId.get(l.to)!.kind));
    expect(needers).toEqual(new Set(['water', 'telecom', 'gas']));
  });

  it('works whole, is redundant almost everywhere, and has a few single points of failure', () => {
    const net = generateNetwork({ assets: 400, seed: 2, singleFed: 0.05, commonMode: 0.05 });
    const all = working(net.assets, net.links, new Set());
    expect(all.size).toBe(net.assets.length);
    const everywhere = served(net.assets, all);
    expect(everywhere.size).toBe(net.communities.length * 4);
    const spofs: string[] = [];
    let losses = 0;
    for (const a of net.assets) {
      const left = served(net.assets, working(net.assets, net.links, new Set([a.id])));
      const lost = everywhere.size - left.size;
      if (lost > 0) spofs.push(a.id);
      losses += lost;
    }
    expect(spofs.length).toBeGreaterThan(0);
    expect(spofs.length).toBeLessThan(net.assets.length / 20);
    expect(losses).toBeLessThan(everywhere.size);
    // With no single feeds and no common mode left, nothing is a single point of failure.
    const sound = generateNetwork({ assets: 400, seed: 2, singleFed: 0, commonMode: 0 });
    const base = served(sound.assets, working(sound.assets, sound.links, new Set()));
    for (const a of sound.assets)
      expect(served(sound.assets, working(sound.assets, sound.links, new Set([a.id]))).size).toBe(base.size);
  });

  it('writes the CLI files: community and population only for sinks', () => {
    const net = generateNetwork({ assets: 40, seed: 1, kinds: ['power', 'water'] });
    const csv = networkCsv(net);
    const rows = csv.assets.trim().split('\n');
    expect(rows[0]).toBe('id,kind,type,community,population');
    expect(rows).toHaveLength(41);
    expect(rows).toContain('power-a1,power,source,,');
    expect(rows.find((r) => r.startsWith('water-d'))).toMatch(/^water-d\d+,water,sink,c\d+,\d+$/);
    expect(csv.links.trim().split('\n')).toHaveLength(net.links.length + 1);
  });

  it('refuses too few assets and repeated kinds', () => {
    expect(() => generateNetwork({ assets: 10 })).toThrow(RangeError);
    expect(() => generateNetwork({ kinds: ['power', 'power'] })).toThrow(RangeError);
  });
});
