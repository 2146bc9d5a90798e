/**
 * The demo city's water, power and telecom network, with sensors on its key assets.
 *
 * Power: two sources (a power plant and the grid's 500 kV supply point) feed a 220 kV substation
 * per district; each street's 110 kV substation is fed by its district's and the next district's.
 * Water: two waterworks (each needing a different district's 220 kV substation) fill a reservoir
 * per district; each street's pumping station draws from its district's reservoir and the next
 * one's and needs power from its street's substation. Telecom: two core exchanges (power from two
 * districts) feed every street's aggregation switch, which needs its street's substation. Every
 * community has two sinks of each kind (half its residents each), fed by its street's node and
 * by its partner street's (streets pair up within a district: 1–2, 3–4).
 *
 * So everything has two upstream feeds — and one hidden single point of failure: the focus
 * street's pumping station takes its power from the partner street's substation (a feeder laid
 * across the street boundary), the one the partner's own pumping station needs too. Both
 * streets' water hangs on that substation; its name says nothing of it, and it shows only in the
 * N-1 analysis. The simulated voltage sensor on that substation is the one that drifts.
 *
 * Deterministic: the places, the residents per community and the focus give the same network.
 * Everything goes in through the infrastructure services (import, sensors), audited as the system.
 */

import type { Db } from '@renxing/db';
import {
  defineSensor,
  getN1Analysis,
  importAssets,
  ingestReadings,
  listSensors,
  type RawReading,
} from '@renxing/modules/infrastructure';
import { type SimSensor, simulatedValue } from './sensor-sim.js';

/** A place as the demo reads it. */
export interface DemoPlace {
  path: string;
  name: string;
  level: string;
  lon: number;
  lat: number;
}

export interface DemoAsset {
  id: string;
  kind: 'power' | 'water' | 'telecom';
  type: 'source' | 'node' | 'sink';
  name: string;
  /** The place path it stands at. */
  place: string;
  /** The community a sink serves (null otherwise). */
  community: string | null;
  population: number;
  lon: number;
  lat: number;
}

export interface DemoLink {
  from: string;
  to: string;
  relation: 'feeds' | 'needs';
}

export interface DemoRule {
  op: 'above' | 'below';
  threshold: number;
  hysteresis: number;
  forS: number;
}

export interface DemoSensor {
  id: string;
  assetId: string;
  quantity: 'pressure' | 'voltage' | 'level' | 'link';
  unit: string;
  timeoutS: number;
  /** Each rule raises its own alarm (no combination). */
  rules: DemoRule[];
}

export interface DemoNetwork {
  assets: DemoAsset[];
  links: DemoLink[];
  sensors: DemoSensor[];
  /** The hidden single point of failure (a substation). */
  spof: string;
  /** The communities whose water hangs on it. */
  atRisk: string[];
  /** The sensor the simulator drifts into an alarm (the voltage on that substation). */
  drifting: string;
}

/** Sensors are silent for this long before they are offline (the simulator publishes every 5 s). */
export const DEMO_SENSOR_TIMEOUT_S = 60;

/**
 * Each quantity's rules, and the plausible value and noise the simulator publishes around (the
 * rules' band: values between the thresholds are normal).
 */
export const DEMO_QUANTITIES = {
  // Outlet pressure of a pumping station (MPa): too low starves the upper floors, too high bursts mains.
  pressure: {
    unit: 'MPa',
    rules: [
      { op: 'below', threshold: 0.2, hysteresis: 0.02, forS: 30 },
      { op: 'above', threshold: 0.75, hysteresis: 0.03, forS: 10 },
    ],
    normal: 0.42,
    noise: 0.01,
    decimals: 3,
  },
  // The 10 kV bus of a 110 kV substation (kV).
  voltage: {
    unit: 'kV',
    rules: [
      { op: 'below', threshold: 9.5, hysteresis: 0.1, forS: 20 },
      { op: 'above', threshold: 10.9, hysteresis: 0.1, forS: 20 },
    ],
    normal: 10.3,
    noise: 0.04,
    decimals: 2,
  },
  // Water level in a reservoir (m).
  level: {
    unit: 'm',
    rules: [
      { op: 'below', threshold: 1.5, hysteresis: 0.2, forS: 60 },
      { op: 'above', threshold: 5.8, hysteresis: 0.1, forS: 30 },
    ],
    normal: 4.2,
    noise: 0.03,
    decimals: 2,
  },
  // An aggregation switch's uplink (1 up, 0 down).
  link: {
    unit: 'up',
    rules: [{ op: 'below', threshold: 0.5, hysteresis: 0, forS: 0 }],
    normal: 1,
    noise: 0,
    decimals: 0,
  },
} as const satisfies Record<
  DemoSensor['quantity'],
  { unit: string; rules: readonly DemoRule[]; normal: number; noise: number; decimals: number }
>;

const R = 6371008.8;
const DEG = Math.PI / 180;

/** A point `east` and `north` metres from a place. */
function nudge(p: { lon: number; lat: number }, east: number, north: number): { lon: number; lat: number } {
  const lon = p.lon + east / (Math.cos(p.lat * DEG) * DEG * R);
  const lat = p.lat + north / (DEG * R);
  return { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

/** mulberry32: a small seeded stream, so the demo's jitter is the same every time. */
function stream(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const code = (path: string) => path.slice(path.lastIndexOf('.') + 1);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'));
const short = (name: string) => name.replace(/(街道|社区|区)$/, '');

/**
 * The network over `places` (the city, its districts, streets and communities), with
 * `residents` per community path and the focus community (its street hides the weak point).
 */
export function demoNetwork(
  places: readonly DemoPlace[],
  residents: ReadonlyMap<string, number>,
  focus: string,
): DemoNetwork {
  const byLevel = (level: string) =>
    places.filter((p) => p.level === level).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const city = byLevel('city')[0];
  const districts = byLevel('district');
  const streets = byLevel('street');
  const communities = byLevel('community');
  if (!city || districts.length < 2) throw new Error('demo network: needs a city with two districts or more');
  const rnd = stream(0x13);
  const jitter = (p: DemoPlace, metres: number) =>
    nudge(p, (rnd() - 0.5) * 2 * metres, (rnd() - 0.5) * 2 * metres);

  const assets: DemoAsset[] = [];
  const links: DemoLink[] = [];
  const feeds = (from: string, to: string) => links.push({ from, to, relation: 'feeds' });
  const needs = (to: string, from: string) => links.push({ from, to, relation: 'needs' });
  const node = (
    id: string,
    kind: DemoAsset['kind'],
    type: 'source' | 'node',
    name: string,
    place: DemoPlace,
    where: { lon: number; lat: number },
  ) => assets.push({ id, kind, type, name, place: place.path, community: null, population: 0, ...where });

  // Sources, at the city's edges.
  node('pw-g1', 'power', 'source', '九龙发电厂', city, nudge(city, -11_800, -6_400));
  node('pw-g2', 'power', 'source', '思源500千伏变电站（电网受电点）', city, nudge(city, 12_600, 9_100));
  node('ws-w1', 'water', 'source', '和尚山水厂', city, nudge(city, -7_300, 11_200));
  node('ws-w2', 'water', 'source', '丰收坝水厂', city, nudge(city, 9_400, -10_800));
  node('tc-core1', 'telecom', 'source', '渝州通信枢纽楼', city, nudge(city, -1_200, 800));
  node('tc-core2', 'telecom', 'source', '两江通信枢纽楼', city, nudge(city, 2_300, 3_100));

  // Per district: a 220 kV substation fed by both power sources, a reservoir filled by both waterworks.
  const d220 = (d: number) => `pw-220-${code(districts[d % districts.length].path)}`;
  const dRes = (d: number) => `ws-res-${code(districts[d % districts.length].path)}`;
  districts.forEach((d, i) => {
    node(d220(i), 'power', 'node', `${short(d.name)}220千伏变电站`, d, jitter(d, 1500));
    feeds('pw-g1', d220(i));
    feeds('pw-g2', d220(i));
    node(dRes(i), 'water', 'node', `${short(d.name)}高位水池`, d, jitter(d, 1500));
    feeds('ws-w1', dRes(i));
    feeds('ws-w2', dRes(i));
  });
  // The waterworks and the exchanges need power from 220 kV substations (each a different one).
  needs('ws-w1', d220(0));
  needs('ws-w2', d220(1));
  needs('tc-core1', d220(2));
  needs('tc-core2', d220(3));

  // Per street: a 110 kV substation, a pumping station and an aggregation switch.
  const districtIndex = new Map(districts.map((d, i) => [d.path, i]));
  const sub = (s: DemoPlace) => `pw-110-${code(s.path)}`;
  const pump = (s: DemoPlace) => `ws-pump-${code(s.path)}`;
  const sw = (s: DemoPlace) => `tc-sw-${code(s.path)}`;
  // Streets pair up within their district (1–2, 3–4, …; an odd one out pairs with the first).
  const partner = new Map<string, DemoPlace>();
  for (const d of districts) {
    const mine = streets.filter((s) => parentOf(s.path) === d.path);
    mine.forEach((s, i) => {
      const j = i % 2 === 0 ? i + 1 : i - 1;
      partner.set(s.path, mine[j < mine.length ? j : 0]);
    });
  }
  const focusStreet = streets.find((s) => focus.startsWith(`${s.path}.`)) ?? streets[0];
  const weakStreet = partner.get(focusStreet.path)!;
  if (weakStreet.path === focusStreet.path) throw new Error('demo network: the focus street has no partner');
  for (const s of streets) {
    const d = districtIndex.get(parentOf(s.path)) ?? 0;
    const base = short(s.name);
    node(sub(s), 'power', 'node', `${base}110千伏变电站`, s, jitter(s, 900));
    feeds(d220(d), sub(s));
    feeds(d220(d + 1), sub(s));
    node(pump(s), 'water', 'node', `${base}加压泵站`, s, jitter(s, 900));
    feeds(dRes(d), pump(s));
    feeds(dRes(d + 1), pump(s));
    // The hidden weak point: the focus street's pumps hang on the partner street's substation.
    needs(pump(s), sub(s.path === focusStreet.path ? weakStreet : s));
    node(sw(s), 'telecom', 'node', `${base}汇聚机房`, s, jitter(s, 900));
    feeds('tc-core1', sw(s));
    feeds('tc-core2', sw(s));
    needs(sw(s), sub(s));
  }

  // Per community: two sinks of each kind, fed by its street's node and the partner street's.
  const streetOf = new Map(streets.map((s) => [s.path, s]));
  const atRisk: string[] = [];
  for (const c of communities) {
    const s = streetOf.get(parentOf(c.path));
    if (!s) continue;
    const p = partner.get(s.path)!;
    if (s.path === focusStreet.path || s.path === weakStreet.path) atRisk.push(c.path);
    const people = residents.get(c.path) ?? 0;
    const halves = [Math.ceil(people / 2), Math.floor(people / 2)];
    const base = short(c.name);
    const kinds = [
      { kind: 'power', prefix: 'pw', name: '配电台区', up: [sub(s), sub(p)] },
      { kind: 'water', prefix: 'ws', name: '供水分区', up: [pump(s), pump(p)] },
      { kind: 'telecom', prefix: 'tc', name: '光交接箱', up: [sw(s), sw(p)] },
    ] as const;
    for (const k of kinds) {
      ['一', '二'].forEach((n, i) => {
        const id = `${k.prefix}-${code(c.path)}-${i + 1}`;
        assets.push({
          id,
          kind: k.kind,
          type: 'sink',
          name: `${base}${k.name}${n}`,
          place: c.path,
          community: c.path,
          population: halves[i],
          ...jitter(c, 450),
        });
        for (const up of k.up) feeds(up, id);
      });
    }
  }

  // Sensors: pressure at every pumping station, voltage at every 110 kV substation, level at every
  // reservoir, the uplink of every switch.
  const sensors: DemoSensor[] = [];
  const sense = (assetId: string, quantity: DemoSensor['quantity'], suffix: string) => {
    const q = DEMO_QUANTITIES[quantity];
    sensors.push({
      id: `${assetId}-${suffix}`,
      assetId,
      quantity,
      unit: q.unit,
      timeoutS: DEMO_SENSOR_TIMEOUT_S,
      rules: q.rules.map((r) => ({ ...r })),
    });
  };
  districts.forEach((_, i) => {
    sense(dRes(i), 'level', 'lv');
  });
  for (const s of streets) {
    sense(sub(s), 'voltage', 'u');
    sense(pump(s), 'pressure', 'p');
    sense(sw(s), 'link', 'st');
  }
  const spof = sub(weakStreet);
  return { assets, links, sensors, spof, atRisk, drifting: `${spof}-u` };
}

/** The assets as the import's table (`id,kind,type,community,population,name,place,lon,lat`). */
export function assetCells(assets: readonly DemoAsset[]): Record<string, string>[] {
  return assets.map((a) => ({
    id: a.id,
    kind: a.kind,
    type: a.type,
    community: a.community ?? '',
    population: a.type === 'sink' ? String(a.population) : '',
    name: a.name,
    place: a.place,
    lon: String(a.lon),
    lat: String(a.lat),
  }));
}

/** The links as the import's table (`from,to,relation`). */
export function linkCells(links: readonly DemoLink[]): Record<string, string>[] {
  return links.map((l) => ({ from: l.from, to: l.to, relation: l.relation }));
}

/** What the simulator needs of a stored sensor. */
export interface SensorForSim {
  id: string;
  assetId: string;
  quantity: string;
  rules: readonly DemoRule[];
}

/** The drift: 45 s after the start the value starts to slide, and 75 s later it is past the threshold. */
const DRIFT_AFTER_S = 45;
const DRIFT_OVER_S = 75;

/**
 * The simulator's sensors for the demo's stored ones (quantities it knows), the `drifting` one
 * sliding from its normal level to past its first threshold — far enough that noise does not
 * clear the alarm again.
 */
export function demoSimSensors(sensors: readonly SensorForSim[], drifting: string | null): SimSensor[] {
  const out: SimSensor[] = [];
  for (const s of sensors) {
    if (!Object.hasOwn(DEMO_QUANTITIES, s.quantity)) continue;
    const q = DEMO_QUANTITIES[s.quantity as DemoSensor['quantity']];
    const sim: SimSensor = {
      asset: s.assetId,
      sensor: s.id,
      normal: q.normal,
      noise: q.noise,
      decimals: q.decimals,
    };
    const rule = s.rules[0];
    if (s.id === drifting && rule) {
      const margin = Math.max(0.3 * Math.abs(q.normal - rule.threshold), 3 * rule.hysteresis, 4 * q.noise);
      const to = rule.op === 'below' ? rule.threshold - margin : rule.threshold + margin;
      const f = 10 ** q.decimals;
      sim.drift = { afterS: DRIFT_AFTER_S, overS: DRIFT_OVER_S, to: Math.round(to * f) / f };
    }
    out.push(sim);
  }
  return out;
}

/** The city's places down to its communities, with a centre. */
async function demoPlaces(db: Db, city: string): Promise<DemoPlace[]> {
  const { rows } = await db.query<DemoPlace>(
    `SELECT path, name, level, lon, lat FROM places
      WHERE (path = $1 OR (path > $1 || '.' AND path < $1 || '/'))
        AND level IN ('city', 'district', 'street', 'community') AND lon IS NOT NULL
      ORDER BY path`,
    [city],
  );
  return rows;
}

/** A CSV of `rows` with the given columns (cells quoted when they need it). */
function csv(columns: readonly string[], rows: readonly Record<string, string>[]): Uint8Array {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export interface DemoInfrastructureResult {
  assets: number;
  links: number;
  sensors: number;
  /** Readings of the last half hour given to sensors that had none. */
  readings: number;
  /** The hidden single point of failure, and the communities whose water hangs on it. */
  spof: string;
  atRisk: string[];
  /** Rows of the stored N-1 analysis. */
  n1Rows: number;
}

/** The half hour of history a new sensor gets, a reading a minute. */
const HISTORY_S = 1800;
const HISTORY_STEP_S = 60;

/**
 * Seeds the network of the demo city (the places under the focus's city) through the import, its
 * sensors through defineSensor, and half an hour of normal readings for sensors without any.
 * Running it again changes nothing: the same rows import as unchanged, the same definitions keep
 * their rules, and sensors with readings get no more.
 */
export async function seedInfrastructure(
  db: Db,
  o: { now: Date; admin: string; focus: string; log: (line: string) => void },
): Promise<DemoInfrastructureResult> {
  const city = o.focus.split('.')[0];
  const places = await demoPlaces(db, city);
  const { rows: counts } = await db.query<{ path: string; people: number }>(
    `SELECT p.path, c.people::int AS people FROM places p JOIN people_place_counts c ON c.place_id = p.id
      WHERE p.level = 'community' AND p.path > $1 || '.' AND p.path < $1 || '/'`,
    [city],
  );
  const net = demoNetwork(places, new Map(counts.map((c) => [c.path, c.people])), o.focus);
  const actor = { userId: o.admin, scope: city, now: o.now };

  const assetColumns = ['id', 'kind', 'type', 'name', 'community', 'population', 'place', 'lon', 'lat'];
  const assets = await importAssets(db, actor, csv(assetColumns, assetCells(net.assets)), {
    what: 'assets',
    kind: 'csv',
    source: { file: 'demo-network-assets.csv' },
  });
  const links = await importAssets(db, actor, csv(['from', 'to', 'relation'], linkCells(net.links)), {
    what: 'links',
    kind: 'csv',
    source: { file: 'demo-network-links.csv' },
  });
  const rejects = [...assets.rejects, ...links.rejects];
  if (rejects.length > 0)
    throw new Error(`demo network: ${rejects.length} rows refused, first ${JSON.stringify(rejects[0])}`);

  for (const s of net.sensors)
    await defineSensor(
      db,
      {
        id: s.id,
        assetId: s.assetId,
        quantity: s.quantity,
        unit: s.unit,
        timeoutS: s.timeoutS,
        rules: s.rules,
      },
      actor,
    );

  // Half an hour of normal readings for the sensors that have none yet, so the charts have a past.
  const stored = await listSensors(db, { scope: city });
  const fresh = new Set(stored.filter((s) => s.last === null).map((s) => s.id));
  const sims = demoSimSensors(
    net.sensors.filter((s) => fresh.has(s.id)),
    null,
  );
  const end = Math.floor(o.now.getTime() / 1000 / HISTORY_STEP_S) * HISTORY_STEP_S;
  const rnd = stream(0x1e57);
  const batch: RawReading[] = [];
  for (let t = end - HISTORY_S; t <= end; t += HISTORY_STEP_S)
    sims.forEach((s, i) => {
      const gauss = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
      batch.push({ sensor: s.sensor, ts: t, value: simulatedValue(s, t - end, gauss, i) });
    });
  if (batch.length > 0) {
    const r = await ingestReadings(db, batch, o.now, { actor: 'system:demo', source: 'demo' });
    if (r.rejected.length > 0) throw new Error(`demo readings: ${r.rejected.length} refused`);
  }

  const n1 = await getN1Analysis(db, city);
  o.log(
    `infrastructure: ${net.assets.length} assets, ${net.links.length} links, ${net.sensors.length} sensors ` +
      `(${batch.length} readings of history); N-1: ${n1.rows.length} rows, ${new Set(n1.rows.map((r) => r.asset)).size} single point(s) of failure`,
  );
  return {
    assets: net.assets.length,
    links: net.links.length,
    sensors: net.sensors.length,
    readings: batch.length,
    spof: net.spof,
    atRisk: net.atRisk,
    n1Rows: n1.rows.length,
  };
}

/**
 * The simulator's sensors: the demo network's sensors as stored (only those: a city's own sensors,
 * imported by its users, are never given made-up readings; none when the places are not the
 * demo's). The voltage sensor of the substation with most people at risk in the stored N-1
 * analysis drifts — the demo's hidden weak point, as long as the network is the demo's.
 */
export async function demoSensorFeed(db: Db, city: string): Promise<SimSensor[]> {
  const places = await demoPlaces(db, city);
  const focus = places.find((p) => p.level === 'community');
  let ours: Map<string, DemoSensor>;
  try {
    if (!focus) return [];
    ours = new Map(demoNetwork(places, new Map(), focus.path).sensors.map((s) => [s.id, s]));
  } catch {
    return [];
  }
  const sensors = (await listSensors(db, { scope: city })).filter(
    (s) => ours.get(s.id)?.assetId === s.assetId && ours.get(s.id)?.quantity === s.quantity,
  );
  const n1 = await getN1Analysis(db, city);
  const risk = new Map<string, number>();
  for (const r of n1.rows) risk.set(r.asset, (risk.get(r.asset) ?? 0) + r.populationLost);
  const ranked = sensors
    .filter((s) => s.quantity === 'voltage' && s.rules.length > 0)
    .sort((a, b) => (risk.get(b.assetId) ?? 0) - (risk.get(a.assetId) ?? 0) || (a.id < b.id ? -1 : 1));
  return demoSimSensors(
    sensors.map((s) => ({ id: s.id, assetId: s.assetId, quantity: s.quantity, rules: s.rules })),
    ranked[0]?.id ?? null,
  );
}
