/**
 * Transmission chains of stored cases: the service's chain (stored pings, the registry's people)
 * equals the chain by definition — the companion rule's brute-force oracle run generation after
 * generation from each subject's exposure on — on small seeded cities of people walking between
 * cells; a reader sees the names of the people living under their place only; each read leaves one
 * audit row naming whom it showed.
 */
import { seedCity } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { DEFAULT_PARAMS } from '@renxing/engine';
import { listAudit } from '@renxing/modules/audit';
import { upsertPeople } from '@renxing/modules/people';
import { importPings } from '@renxing/modules/trajectories';
import { compareBytewise, type OCase, type OPing, oracleCompanions } from '@renxing/testkit';
import { expect, it } from 'vitest';
import { caseChain } from './chain.js';
import { registerCase } from './register.js';

const secret = Buffer.from('chain-service-secret-chain-service-secret');
const T = Date.parse('2026-11-20T08:00:00+08:00') / 1000;
const COMMUNITIES = ['cq.yz.jd01.sq01', 'cq.yz.jd01.sq02', 'cq.yz.jd02.sq03'];

/** A small PRNG (mulberry32): the same city for the same seed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Walker {
  phone: string;
  name: string;
  community: string;
}

/**
 * `count` people walking between 3 cells of their own part of town (`area`), 2–40 minutes in each,
 * a ping every 2 minutes, each setting out about 15 minutes after the one before, so that later
 * walkers meet earlier walkers' companions. The first one is the case.
 */
function crowd(seed: number, area: number, count: number): { walkers: Walker[]; pings: OPing[] } {
  const rnd = random(seed);
  const walkers: Walker[] = [];
  const pings: OPing[] = [];
  for (let k = 0; k < count; k++) {
    const phone = `139${String(area).padStart(2, '0')}${String(k).padStart(6, '0')}`;
    walkers.push({ phone, name: `城${area}人${k}`, community: COMMUNITIES[rnd(3)] });
    let t = T + 60 * (15 * k + rnd(21));
    for (let s = 1 + rnd(6); s > 0; s--) {
      const cell = rnd(3);
      const minutes = 2 + rnd(39);
      for (let m = 0; m < minutes; m += 2)
        pings.push({ subject: phone, t: t + 60 * m, lon: 106.552 + 0.01 * cell, lat: 29.5 + 0.05 * area });
      t += 60 * minutes;
    }
  }
  return { walkers, pings };
}

type Hop = [
  generation: number,
  source: string,
  subject: string,
  cell: string,
  start: number,
  end: number,
  s: number,
];

/** The chain by definition: the oracle for each generation's sources, first generation wins. */
function bruteChain(pings: OPing[], cases: OCase[], depth: number): Hop[] {
  const generation = new Map<string, number>();
  const since = new Map<string, number>();
  let sources = cases.filter((c) => pings.some((p) => p.subject === c.subject));
  for (const c of sources) generation.set(c.subject, 0);
  const hops: Hop[] = [];
  for (let g = 1; g <= depth && sources.length > 0; g++) {
    const found: string[] = [];
    for (const row of oracleCompanions(pings, sources, DEFAULT_PARAMS)) {
      const known = generation.get(row.subject);
      if (known !== undefined && known < g) continue;
      if (known === undefined) {
        generation.set(row.subject, g);
        found.push(row.subject);
      }
      since.set(row.subject, Math.min(since.get(row.subject) ?? Infinity, row.overlap_start));
      hops.push([g, row.case, row.subject, row.cell, row.overlap_start, row.overlap_end, row.overlap_s]);
    }
    sources = found.map((s) => ({ subject: s, from: since.get(s)!, to: null }));
  }
  return hops;
}

const csv = (pings: OPing[]) =>
  new TextEncoder().encode(
    `subject,ts,lon,lat\n${pings.map((p) => `${p.subject},${p.t},${p.lon},${p.lat}`).join('\n')}\n`,
  );

async function seed(db: Db, cities: { walkers: Walker[]; pings: OPing[] }[]) {
  await seedCity(db);
  await upsertPeople(
    db,
    cities.flatMap((c) => c.walkers),
    { secret },
  );
  const imported = await importPings(db, csv(cities.flatMap((c) => c.pings)), {
    secret,
    source: 'chain.csv',
  });
  expect(imported.rejected).toBe(0);
  const cases: string[] = [];
  for (const c of cities) {
    const registered = await registerCase(
      db,
      { phone: c.walkers[0].phone, confirmedAt: T + 86400, from: T + 600 },
      { secret, preset: 'default', actorId: 'system:test', now: T + 86400 },
    );
    cases.push(registered.case.id);
  }
  return cases;
}

forEachDatabase(
  'transmission chains of stored cases',
  (t) => {
    it('equals the chain by definition, to depth 3, on seeded cities', async () => {
      const cities = [crowd(7, 1, 10), crowd(11, 2, 10), crowd(6, 3, 10)];
      const caseIds = await seed(t.db, cities);
      const reached = [0, 0, 0, 0];
      for (const [k, c] of cities.entries()) {
        const names = new Map(c.walkers.map((w) => [w.phone, w.name]));
        const cases: OCase[] = [{ subject: c.walkers[0].phone, from: T + 600, to: null }];
        for (const depth of [1, 3]) {
          const expected = bruteChain(c.pings, cases, depth)
            .map(([g, source, subject, ...evidence]) => [
              g,
              names.get(source),
              names.get(subject),
              ...evidence,
            ])
            .sort((a, b) => compareBytewise(a.join('|'), b.join('|')));
          const chain = await caseChain(t.db, { caseIds: [caseIds[k]], depth }, { scope: 'cq', actor: 'u1' });
          const nodes = new Map(chain.nodes.map((n) => [n.id, n]));
          const got = chain.edges
            .map((e) => [
              nodes.get(e.to)!.generation,
              nodes.get(e.from)!.name,
              nodes.get(e.to)!.name,
              e.cell,
              e.overlapStart,
              e.overlapEnd,
              e.seconds,
            ])
            .sort((a, b) => compareBytewise(a.join('|'), b.join('|')));
          expect(got).toEqual(expected);
          expect(chain.truncated).toBe(false);
          // Each node once, in the first generation reaching it, exposed from its earliest hop.
          for (const n of chain.nodes.filter((x) => x.generation > 0)) {
            const into = chain.edges.filter((e) => e.to === n.id);
            expect(Math.min(...into.map((e) => e.overlapStart))).toBe(n.exposure);
            if (depth === 3) reached[n.generation]++;
          }
        }
      }
      // The cities reach the second and third generations.
      expect(reached[2]).toBeGreaterThanOrEqual(8);
      expect(reached[3]).toBeGreaterThanOrEqual(7);
    });

    it('names only the people living under the reader, and audits each read with whom it showed', async () => {
      const city = crowd(11, 1, 10);
      const [caseId] = await seed(t.db, [city]);
      const full = await caseChain(t.db, { caseIds: [caseId], depth: 3 }, { scope: 'cq', actor: 'u-city' });
      expect(full.nodes.length).toBeGreaterThan(4);
      expect(full.nodes.every((n) => n.name !== undefined)).toBe(true);

      // The case's person lives in one community; a reader there sees the names of that community only.
      const home = city.walkers[0].community;
      const local = await caseChain(t.db, { caseIds: [caseId], depth: 3 }, { scope: home, actor: 'u-local' });
      expect(local.nodes.map((n) => n.generation)).toEqual(full.nodes.map((n) => n.generation));
      expect(local.edges).toEqual(full.edges);
      const community = new Map(city.walkers.map((w) => [w.name, w.community]));
      for (const [k, n] of local.nodes.entries()) {
        const named = community.get(full.nodes[k].name!) === home;
        expect(n.name, n.label).toBe(named ? full.nodes[k].name : undefined);
        expect(n.personId).toBe(named ? full.nodes[k].personId : undefined);
        if (!named) expect(n.label).toMatch(k === 0 ? /^C\d{4}$/ : /^#\d+$/);
      }
      expect(local.nodes.some((n) => n.name === undefined)).toBe(true);

      const rows = await listAudit(t.db, { action: 'chain.read' });
      expect(rows.map((r) => [r.actor, r.subjectType, r.subjectId])).toEqual([
        ['u-city', 'case', caseId],
        ['u-local', 'case', caseId],
      ]);
      const shown = (chain: typeof local) => chain.nodes.flatMap((n) => (n.personId ? [n.personId] : []));
      expect(rows[1].detail).toMatchObject({
        caseIds: [caseId],
        depth: 3,
        shown: local.nodes.length,
        personIds: shown(local),
      });
      expect(rows[0].detail.personIds).toEqual(shown(full));
    });

    it('filters by place and exposure, refuses what the reader cannot see', async () => {
      const city = crowd(11, 1, 10);
      const [caseId] = await seed(t.db, [city]);
      const full = await caseChain(t.db, { caseIds: [caseId], depth: 3 }, { scope: 'cq', actor: 'u' });
      const place = 'cq.yz.jd01.sq02';
      const inPlace = await caseChain(
        t.db,
        { caseIds: [caseId], depth: 3, place },
        { scope: 'cq', actor: 'u' },
      );
      const living = new Set(city.walkers.filter((w) => w.community === place).map((w) => w.name));
      const chosen = inPlace.nodes.filter((n) => n.generation > 0 && living.has(n.name!));
      expect(chosen.length).toBeGreaterThan(0);
      // Everyone else kept leads to one of them.
      for (const n of inPlace.nodes.filter((x) => x.generation > 0 && !living.has(x.name!)))
        expect(inPlace.edges.some((e) => e.from === n.id)).toBe(true);
      expect(inPlace.nodes.length).toBeLessThan(full.nodes.length);

      const gen1 = full.nodes.filter((n) => n.generation === 1).map((n) => n.exposure!);
      const early = await caseChain(
        t.db,
        { caseIds: [caseId], depth: 3, to: Math.max(...gen1) },
        { scope: 'cq', actor: 'u' },
      );
      expect(early.nodes.filter((n) => n.generation > 0).every((n) => n.exposure! <= Math.max(...gen1))).toBe(
        true,
      );
      expect(early.nodes.filter((n) => n.generation === 1)).toHaveLength(gen1.length);

      const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      await refused(
        caseChain(t.db, { caseIds: [caseId], depth: 2, place: 'cq.jb' }, { scope: 'cq.yz', actor: 'u' }),
      );
      await refused(caseChain(t.db, { caseIds: [caseId], depth: 2 }, { scope: 'cq.jb', actor: 'u' }));
      await expect(
        caseChain(t.db, { caseIds: [caseId], depth: 2, from: T + 10, to: T }, { scope: 'cq', actor: 'u' }),
      ).rejects.toMatchObject({ code: 'RX_CHAIN_RANGE', field: 'query.to' });
      await expect(
        caseChain(t.db, { caseIds: [caseId], depth: 4 }, { scope: 'cq', actor: 'u' }),
      ).rejects.toMatchObject({
        code: 'RX_VALIDATION',
        field: 'query.depth',
      });
    });

    it('chains several cases of one preset together, and refuses cases of two presets', async () => {
      const city = crowd(11, 1, 10);
      const [first] = await seed(t.db, [city]);
      const register = (phone: string, preset: string) =>
        registerCase(
          t.db,
          { phone, confirmedAt: T + 86400, from: T + 600 },
          { secret, preset, actorId: 'system:test', now: T + 86400 },
        );
      const second = await register(city.walkers[1].phone, 'default');
      const both = await caseChain(
        t.db,
        { caseIds: [first, second.case.id], depth: 2 },
        { scope: 'cq', actor: 'u' },
      );
      const cases: OCase[] = [0, 1].map((k) => ({ subject: city.walkers[k].phone, from: T + 600, to: null }));
      expect(both.nodes.filter((n) => n.generation === 0).map((n) => n.kind)).toEqual(['case', 'case']);
      expect(both.edges).toHaveLength(bruteChain(city.pings, cases, 2).length);
      const third = await register(city.walkers[2].phone, 'chengdu-2021');
      await expect(
        caseChain(t.db, { caseIds: [first, third.case.id], depth: 1 }, { scope: 'cq', actor: 'u' }),
      ).rejects.toMatchObject({ code: 'RX_CHAIN_PRESETS' });
    });
  },
  { migrate: true },
);
