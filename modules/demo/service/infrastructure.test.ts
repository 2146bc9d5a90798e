import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import {
  countReadings,
  defineSensor,
  getN1Analysis,
  listAssets,
  listSensors,
  n1Rows,
  ServiceGraph,
} from '@renxing/modules/infrastructure';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { describe, expect, it } from 'vitest';
import { DEMO_QUANTITIES, demoNetwork, demoSensorFeed, seedInfrastructure } from './infrastructure.js';
import { demoCity } from './places.js';

const NOW = new Date('2026-12-06T06:00:00Z'); // 14:00 in the city
const FOCUS = 'cq.yz.jd01.sq01';
const city = demoCity([106.55, 29.56]);
const places = city.places.map((p) => ({
  path: p.parentPath ? `${p.parentPath}.${p.code}` : p.code,
  name: p.name,
  level: p.level,
  lon: p.lon!,
  lat: p.lat!,
}));
const residents = new Map(city.communities.map((c, i) => [c, 300 + 7 * i]));

describe('the demo network', () => {
  const net = demoNetwork(places, residents, FOCUS);
  const graph = ServiceGraph.build(net.assets, net.links);

  it('is the same every time, and everything works when nothing fails', () => {
    expect(demoNetwork(places, residents, FOCUS)).toEqual(net);
    expect([...graph.working([])].every((w) => w === 1)).toBe(true);
    expect(new Set(net.assets.map((a) => a.kind))).toEqual(new Set(['power', 'water', 'telecom']));
    // Every community has two sinks of each kind, serving its residents between them.
    for (const c of city.communities)
      for (const kind of ['power', 'water', 'telecom']) {
        const sinks = net.assets.filter((a) => a.community === c && a.kind === kind);
        expect(sinks).toHaveLength(2);
        expect(sinks[0].population + sinks[1].population).toBe(residents.get(c));
      }
  });

  it('feeds every node and sink from two upstream assets', () => {
    for (const a of net.assets) {
      if (a.type === 'source') continue;
      const up = net.links.filter((l) => l.to === a.id && l.relation === 'feeds');
      expect(up.length, a.id).toBe(2);
    }
    // Sources and nodes of water and telecom need power; pumping stations and switches need a substation.
    for (const a of net.assets.filter((x) => x.id.startsWith('ws-pump-') || x.id.startsWith('tc-sw-'))) {
      const needs = net.links.filter((l) => l.to === a.id && l.relation === 'needs');
      expect(needs.map((l) => l.from)).toEqual([expect.stringMatching(/^pw-110-/)]);
    }
  });

  it('has exactly one single point of failure: a substation, on which two streets’ water hangs', () => {
    const rows = n1Rows(graph);
    expect(new Set(rows.map((r) => r.asset))).toEqual(new Set([net.spof]));
    expect(net.spof).toMatch(/^pw-110-/);
    expect(rows.map((r) => r.kind)).toEqual(rows.map(() => 'water'));
    expect(rows.map((r) => r.community)).toEqual(net.atRisk);
    expect(net.atRisk).toHaveLength(8);
    expect(net.atRisk).toContain(FOCUS);
    for (const r of rows) expect(r.populationLost).toBe(residents.get(r.community));
    // Hidden: it is not the focus street's own substation, and its name says nothing of the pumps.
    const spof = net.assets.find((a) => a.id === net.spof)!;
    expect(spof.place).not.toBe('cq.yz.jd01');
    expect(spof.name).toMatch(/^.+110千伏变电站$/);
  });

  it('puts its assets near their places, and watches pumps, substations, reservoirs and switches', () => {
    const at = new Map(places.map((p) => [p.path, p]));
    for (const a of net.assets) {
      const p = at.get(a.place)!;
      const metres = Math.hypot((a.lon - p.lon) * 96_800, (a.lat - p.lat) * 111_000);
      expect(metres, a.id).toBeLessThan(a.place === 'cq' ? 16_000 : 2_200);
    }
    const quantities = new Map<string, number>();
    for (const s of net.sensors) quantities.set(s.quantity, (quantities.get(s.quantity) ?? 0) + 1);
    expect(Object.fromEntries(quantities)).toEqual({ level: 4, voltage: 16, pressure: 16, link: 16 });
    expect(net.drifting).toBe(`${net.spof}-u`);
    expect(net.sensors.find((s) => s.id === net.drifting)!.rules).toEqual(DEMO_QUANTITIES.voltage.rules);
  });
});

forEachDatabase(
  'demo city: infrastructure',
  (t) => {
    it('imports the network and its sensors through the services; seeding again changes nothing', async () => {
      const db = t.db;
      await insertPlaces(db, city.places);
      await upsertPeople(
        db,
        Array.from({ length: 60 }, (_, i) => ({
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          community: ['cq.yz.jd01.sq01', 'cq.yz.jd01.sq02', 'cq.yz.jd02.sq05', 'cq.jb.jd05.sq17'][i % 4],
          household: `h${Math.floor(i / 3)}`,
        })),
        { secret: Buffer.from('d'.repeat(32)) },
      );
      const admin = await insertUser(db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      const lines: string[] = [];
      const first = await seedInfrastructure(db, {
        now: NOW,
        admin: admin.id,
        focus: FOCUS,
        log: (l) => lines.push(l),
      });
      expect(first).toMatchObject({ assets: 446, sensors: 52, n1Rows: 8 });
      expect(lines.join('\n')).toMatch(
        /infrastructure: 446 assets, \d+ links, 52 sensors .*N-1: 8 rows, 1 single point/,
      );

      const n1 = await getN1Analysis(db, 'cq');
      expect(new Set(n1.rows.map((r) => r.asset))).toEqual(new Set([first.spof]));
      expect(n1.rows.map((r) => r.communityPath)).toEqual(first.atRisk);
      // The people lost are the residents of those communities (15 each in sq01, sq02 and sq05).
      const lost = Object.fromEntries(n1.rows.map((r) => [r.communityPath, r.populationLost]));
      expect(lost).toMatchObject({ 'cq.yz.jd01.sq01': 15, 'cq.yz.jd01.sq02': 15, 'cq.yz.jd02.sq05': 15 });
      expect(n1.spofs).toHaveLength(8);

      const list = await listAssets(db, 'cq');
      expect(list.assets).toHaveLength(446);
      expect(list.assets.every((a) => a.lon !== null && a.lat !== null)).toBe(true);
      const sensors = await listSensors(db, { scope: 'cq' });
      expect(sensors).toHaveLength(52);
      expect(sensors.every((s) => s.last !== null && !s.offline)).toBe(true);
      const readings = await countReadings(db);
      expect(readings).toBe(first.readings);

      // Again: nothing new, not even readings.
      const again = await seedInfrastructure(db, { now: NOW, admin: admin.id, focus: FOCUS, log: () => {} });
      expect(again).toMatchObject({ assets: 446, sensors: 52, readings: 0, n1Rows: 8, spof: first.spof });
      expect((await listAssets(db, 'cq')).assets).toHaveLength(446);
      expect(await listSensors(db, { scope: 'cq' })).toHaveLength(52);
      expect(await countReadings(db)).toBe(readings);
      expect((await getN1Analysis(db, 'cq')).computedAt).toEqual(n1.computedAt);

      // The simulator's feed: every sensor, the weak substation's voltage drifting.
      const feed = await demoSensorFeed(db, 'cq');
      expect(feed).toHaveLength(52);
      expect(feed.filter((s) => s.drift).map((s) => s.sensor)).toEqual([`${first.spof}-u`]);
      // A sensor of the city's own is never given made-up readings.
      await defineSensor(
        db,
        { id: 'own-u', assetId: first.spof, quantity: 'voltage', unit: 'kV', timeoutS: 60, rules: [] },
        { userId: admin.id, scope: 'cq', now: NOW },
      );
      expect((await demoSensorFeed(db, 'cq')).map((s) => s.sensor)).toEqual(feed.map((s) => s.sensor));
      expect(await demoSensorFeed(db, 'other')).toEqual([]);
    });
  },
  { migrate: true },
);
