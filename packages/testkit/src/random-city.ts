/**
 * fast-check arbitraries of small cities for property tests of companion detection.
 *
 * Tuned to land on the contract's edges often: instants on a 60 s lattice plus small offsets
 * (so gaps hit max_gap and max_gap+1, overlaps hit min_overlap and min_overlap−1), points
 * clustered in 2–4 cells around the origin (including negative cells, and coordinates that are
 * the first / last doubles on either side of a cell edge), duplicates (same subject and instant
 * with a different place), subject names whose byte-wise order differs from naive order, and
 * case windows that are repeated, unbounded, or cut through stays.
 */
import fc from 'fast-check';
import { EARTH_RADIUS_M, type OCase, type OParams, type OPing } from './oracle.js';

export interface City {
  pings: OPing[];
  cases: OCase[];
  params: OParams;
}

export type CityMode = OParams['mode'];

/**
 * Subject names: digit strings ("10" sorts before "9" byte-wise), CJK, an astral character
 * ("𝒜" sorts after "ｚ" in UTF-8 but before it in UTF-16), and CSV-hostile names.
 */
export const SUBJECT_NAMES: readonly string[] = [
  'a',
  'b',
  'A',
  '10',
  '9',
  '0',
  '张三',
  '李四',
  '𝒜',
  'ｚ',
  'é',
  'x,y',
  'q"t',
  'a b',
];

/** Lattice origin: a multiple of 60 s (2023-11-14T22:14:00Z). */
export const T0 = 1_700_000_040;

export const ORIGINS: readonly (readonly [number, number])[] = [
  [106.55, 29.56], // contract default (Chongqing)
  [-0.1276, 51.5072], // crosses the prime meridian
  [151.21, -33.87], // southern hemisphere
];

// ---------------------------------------------------------------------------------------------
// Coordinates from metre offsets

const scratch = new DataView(new ArrayBuffer(8));

/** The next double after `x` towards +∞ (`up`) or −∞. */
function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  scratch.setFloat64(0, x);
  let bits = scratch.getBigUint64(0);
  bits += x > 0 === up ? 1n : -1n;
  scratch.setBigUint64(0, bits);
  return scratch.getFloat64(0);
}

/** Metres along one axis for a coordinate, in exactly the contract's order of operations. */
function projectAxis(axis: 'x' | 'y', c: number, lon0: number, lat0: number): number {
  if (axis === 'x') return (c - lon0) * Math.cos((lat0 * Math.PI) / 180) * (Math.PI / 180) * EARTH_RADIUS_M;
  return (c - lat0) * (Math.PI / 180) * EARTH_RADIUS_M;
}

/** Approximate inverse of the projection for one axis. */
function coordOfMetres(axis: 'x' | 'y', m: number, lon0: number, lat0: number): number {
  if (axis === 'x') return lon0 + m / (Math.cos((lat0 * Math.PI) / 180) * (Math.PI / 180) * EARTH_RADIUS_M);
  return lat0 + m / ((Math.PI / 180) * EARTH_RADIUS_M);
}

/**
 * The smallest double whose projected metres are >= `m` (projection is monotone). With
 * m = k·size this is the first coordinate of cell k; its predecessor is the last of cell k−1.
 */
export function firstCoordAtOrAbove(axis: 'x' | 'y', m: number, lon0: number, lat0: number): number {
  let c = coordOfMetres(axis, m, lon0, lat0);
  while (projectAxis(axis, c, lon0, lat0) >= m) c = nextDouble(c, false);
  while (projectAxis(axis, c, lon0, lat0) < m) c = nextDouble(c, true);
  return c;
}

/** Where a point sits along one axis of its cell. */
export type AxisPos = 'edge' | 'below-edge' | 'mid' | 'near-low' | 'near-high';

function axisCoord(
  axis: 'x' | 'y',
  cell: number,
  pos: AxisPos,
  size: number,
  lon0: number,
  lat0: number,
): number {
  switch (pos) {
    case 'edge':
      return firstCoordAtOrAbove(axis, cell * size, lon0, lat0);
    case 'below-edge':
      // last double of the previous cell: floor lands on cell − 1
      return nextDouble(firstCoordAtOrAbove(axis, cell * size, lon0, lat0), false);
    case 'mid':
      return coordOfMetres(axis, (cell + 0.5) * size, lon0, lat0);
    case 'near-low':
      return coordOfMetres(axis, cell * size + 0.001, lon0, lat0);
    case 'near-high':
      return coordOfMetres(axis, (cell + 1) * size - 0.001, lon0, lat0);
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const axisPosArb: fc.Arbitrary<AxisPos> = fc.constantFrom<AxisPos>(
  'mid',
  'mid',
  'mid',
  'edge',
  'edge',
  'below-edge',
  'near-low',
  'near-high',
);

/** Small offsets from the 60 s lattice: mostly on it, sometimes ±1, ±2 or half way. */
const offsetArb = fc.constantFrom(0, 0, 0, 0, 1, -1, 2, 30);

interface PingSpec {
  cell: number; // index into the city's chosen cells
  k: number; // lattice step
  off: number;
  px: AxisPos;
  py: AxisPos;
}

const pingLookArb = fc.record({ off: offsetArb, px: axisPosArb, py: axisPosArb });

/** A run of pings in one cell at a regular lattice step. */
interface VisitSpec {
  cell: number;
  startK: number;
  step: number;
  count: number;
}

const visitSpecArb: fc.Arbitrary<VisitSpec> = fc.record({
  cell: fc.nat(3),
  startK: fc.integer({ min: 0, max: 120 }),
  step: fc.constantFrom(1, 1, 1, 2, 3, 5),
  count: fc.constantFrom(1, 2, 4, 6, 8, 10, 12, 12),
});

/**
 * A subject's take on a visit: shifted by a few lattice steps, missing a few pings at either
 * end, with per-ping offsets and positions (cycled). Several subjects joining one city-wide
 * visit is what makes companions (and near-misses) common.
 */
const joinArb = fc.record({
  visit: fc.nat(7),
  shift: fc.constantFrom(0, 0, 0, 1, -1, 2, -2, 5, -5),
  skipHead: fc.constantFrom(0, 0, 1, 2),
  skipTail: fc.constantFrom(0, 0, 1, 2),
  looks: fc.array(pingLookArb, { minLength: 1, maxLength: 4 }),
});

function joinPings(v: VisitSpec, j: JoinSpec): PingSpec[] {
  const out: PingSpec[] = [];
  for (let n = j.skipHead; n < v.count - j.skipTail; n++) {
    const look = j.looks[n % j.looks.length];
    out.push({ cell: v.cell, k: v.startK + j.shift + n * v.step, ...look });
  }
  return out;
}

type JoinSpec = typeof joinArb extends fc.Arbitrary<infer T> ? T : never;

const loosePingArb: fc.Arbitrary<PingSpec> = fc.record({
  cell: fc.nat(3),
  k: fc.integer({ min: 0, max: 130 }),
  off: offsetArb,
  px: axisPosArb,
  py: axisPosArb,
});

/** One subject's plan: joins of city-wide visits, visits of its own, stray pings; or no pings at all. */
const trajectoryArb = fc.record({
  silent: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  joins: fc.array(joinArb, { minLength: 1, maxLength: 4 }),
  own: fc.array(fc.tuple(visitSpecArb, joinArb), { maxLength: 2 }),
  loose: fc.array(loosePingArb, { maxLength: 4 }),
});

const instantArb = fc
  .tuple(fc.integer({ min: -10, max: 140 }), offsetArb)
  .map(([k, off]) => T0 + 60 * k + off);

const windowEndArb = fc.option(instantArb, { nil: null, freq: 2 });

export interface CityOptions {
  /** Fix the mode; both when omitted. */
  mode?: CityMode;
  /** true: min_cell_dwell on (small values); false: off; omitted: either. */
  dwell?: boolean;
}

/** Deterministic shuffle (mulberry32) so input order is not sorted by subject or instant. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function paramsArb(options: CityOptions = {}): fc.Arbitrary<OParams> {
  const dwellOn = fc.record({
    minCellDwell: fc.constantFrom(60, 120, 240, 300, 600, 601, 900),
    dwellWindow: fc.constantFrom(600, 1800, 3600, 14 * 86400),
  });
  const dwellOff = fc.constant({ minCellDwell: 0, dwellWindow: 14 * 86400 });
  const dwellArb =
    options.dwell === true ? dwellOn : options.dwell === false ? dwellOff : fc.oneof(dwellOff, dwellOn);
  return fc
    .record({
      origin: fc.constantFrom(...ORIGINS),
      size: fc.constantFrom(800, 800, 500, 250),
      maxGap: fc.constantFrom(0, 59, 60, 61, 119, 120, 120, 121, 180, 181, 300, 1800),
      minOverlap: fc.constantFrom(1, 59, 60, 60, 61, 119, 120, 120, 121, 180, 181, 240, 300, 600),
      mode:
        options.mode === undefined
          ? fc.constantFrom<CityMode>('contiguous', 'cumulative')
          : fc.constant(options.mode),
      dwell: dwellArb,
    })
    .map(
      (r): OParams => ({
        originLon: r.origin[0],
        originLat: r.origin[1],
        size: r.size,
        maxGap: r.maxGap,
        minOverlap: r.minOverlap,
        mode: r.mode,
        minCellDwell: r.dwell.minCellDwell,
        dwellWindow: r.dwell.dwellWindow,
      }),
    );
}

export function cityArb(options: CityOptions = {}): fc.Arbitrary<City> {
  return fc
    .record({
      params: paramsArb(options),
      subjects: fc.uniqueArray(fc.constantFrom(...SUBJECT_NAMES), { minLength: 2, maxLength: 8 }),
      // 2–4 cells near the origin, negative indices included.
      cells: fc.uniqueArray(fc.tuple(fc.integer({ min: -2, max: 1 }), fc.integer({ min: -2, max: 1 })), {
        minLength: 2,
        maxLength: 4,
        selector: ([i, j]) => `${i}:${j}`,
      }),
      visits: fc.array(visitSpecArb, { minLength: 1, maxLength: 3 }),
      trajectories: fc.array(trajectoryArb, { minLength: 8, maxLength: 8 }),
      caseRows: fc.array(
        fc.record({
          who: fc.nat(7),
          anyone: fc.boolean(),
          from: windowEndArb,
          to: windowEndArb,
          // same subject as the previous row, its window starting where the previous ends (or 1 s later)
          link: fc.constantFrom<'none' | 'touch' | 'gap1'>('none', 'none', 'touch', 'gap1'),
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      shuffleSeed: fc.integer(),
    })
    .map(({ params, subjects, cells, visits, trajectories, caseRows, shuffleSeed }): City => {
      const { originLon: lon0, originLat: lat0, size } = params;
      const pings: OPing[] = [];
      subjects.forEach((subject, n) => {
        const plan = trajectories[n];
        const specs = [
          ...plan.joins.flatMap((j) => joinPings(visits[j.visit % visits.length], j)),
          ...plan.own.flatMap(([v, j]) => joinPings(v, j)),
          ...plan.loose,
        ].slice(0, plan.silent ? 0 : 40); // 0–40 pings per subject
        for (const spec of specs) {
          const [i, j] = cells[spec.cell % cells.length];
          pings.push({
            subject,
            t: T0 + 60 * spec.k + spec.off,
            lon: axisCoord('x', i, spec.px, size, lon0, lat0),
            lat: axisCoord('y', j, spec.py, size, lon0, lat0),
          });
        }
      });
      const active = subjects.filter((name) => pings.some((x) => x.subject === name));
      const cases: OCase[] = [];
      for (const r of caseRows) {
        let { from, to } = r;
        if (from !== null && to !== null && from > to) [from, to] = [to, from];
        // Mostly a subject with pings; sometimes anyone (possibly one without pings).
        const pool = r.anyone || active.length === 0 ? subjects : active;
        let subject = pool[r.who % pool.length];
        const prev = cases[cases.length - 1];
        if (r.link !== 'none' && prev !== undefined && prev.to !== null) {
          subject = prev.subject;
          from = prev.to + (r.link === 'gap1' ? 1 : 0);
          if (to !== null && to < from) to = null;
        }
        cases.push({ subject, from, to });
      }
      return { pings: shuffle(pings, shuffleSeed), cases, params };
    });
}
