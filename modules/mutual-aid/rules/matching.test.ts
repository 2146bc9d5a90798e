/**
 * The contract's matching: each rule on a small hand-made case, optimal against a brute-force
 * optimum of our own on small random instances (weight first, then distance; reasons), and a
 * constructed case where greedy nearest-first loses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MatchRequest,
  type MatchVolunteer,
  UNMATCHED_REASONS,
  type UnmatchedReason,
  URGENCY_WEIGHT,
} from './match-types.js';
import { greedyNearestFirst, matchOptimal } from './matching.js';

const LON = 106.55;
const LAT = 29.56;
/** Metres per degree of latitude on the contract's sphere. */
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
/** A point `north` metres north of the origin (and `east` degrees-of-lon·1e-3 east). */
const at = (north: number, eastDeg = 0) => ({ lon: LON + eastDeg, lat: LAT + north / M_PER_DEG });

const req = (id: string, need: string, north: number, o: Partial<MatchRequest> = {}): MatchRequest => ({
  id,
  need,
  urgency: 'normal',
  ...at(north),
  from: 0,
  to: 3600,
  ...o,
});
const vol = (
  id: string,
  skills: string[],
  north: number,
  o: Partial<MatchVolunteer> = {},
): MatchVolunteer => ({
  id,
  skills,
  ...at(north),
  windows: [{ from: 0, to: 3600 }],
  capacity: 1,
  ...o,
});

const byRequest = (rows: { request: string; volunteer: string | null; reason: string | null }[]) =>
  Object.fromEntries(rows.map((r) => [r.request, r.volunteer ?? r.reason]));

describe('can(v, r) and the reasons', () => {
  it('names no skill, no availability, too far and no capacity in that order', () => {
    const volunteers = [
      vol('A', ['food_delivery'], 0, { capacity: 1 }),
      vol('B', ['transport'], 0, { windows: [{ from: 7200, to: 9000 }] }),
      vol('C', ['medical'], 5000),
      vol('D', ['elderly_care'], 0, { capacity: 0 }),
    ];
    const requests = [
      req('r1', 'translation', 0), // nobody has the skill
      req('r2', 'transport', 0), // B's window does not overlap
      req('r3', 'medical', 0), // C is 5 km away
      req('r4', 'elderly_care', 0), // D has no capacity left
      req('r5', 'food_delivery', 10), // A is taken by r6 (nearer)
      req('r6', 'food_delivery', 5),
    ];
    const res = matchOptimal(requests, volunteers);
    expect(byRequest(res.rows)).toEqual({
      r1: 'no skill',
      r2: 'no availability',
      r3: 'too far',
      r4: 'no capacity',
      r5: 'no capacity',
      r6: 'A',
    });
    expect(res.weight).toBe(1);
  });

  it('needs an overlap of positive length: touching windows do not overlap', () => {
    const v = vol('A', ['transport'], 0, { windows: [{ from: 3600, to: 7200 }] });
    expect(matchOptimal([req('r', 'transport', 0)], [v]).rows[0].reason).toBe('no availability');
    const v2 = vol('A', ['transport'], 0, {
      windows: [
        { from: 3600, to: 7200 },
        { from: 3599, to: 3600 },
      ],
    });
    expect(matchOptimal([req('r', 'transport', 0)], [v2]).rows[0].volunteer).toBe('A');
  });

  it('takes max_km inclusively on the haversine distance (Earth radius 6,371,008.8 m)', () => {
    const v = vol('A', ['transport'], 3000);
    const r = req('r', 'transport', 0);
    const res = matchOptimal([r], [v]);
    expect(res.rows[0].volunteer).toBe('A');
    expect(res.rows[0].distanceM).toBeCloseTo(3000, 6);
    expect(matchOptimal([r], [v], { maxKm: 2.999 }).rows[0].reason).toBe('too far');
    expect(matchOptimal([r], [v], { maxKm: 10 }).rows[0].volunteer).toBe('A');
  });

  it('lets a volunteer take as many requests as capacity left', () => {
    const requests = [req('r1', 'transport', 1), req('r2', 'transport', 2), req('r3', 'transport', 3)];
    const res = matchOptimal(requests, [vol('A', ['transport'], 0, { capacity: 2 })]);
    expect(byRequest(res.rows)).toEqual({ r1: 'A', r2: 'A', r3: 'no capacity' });
    expect(res.distanceMm).toBe(3000);
  });

  it('prefers an urgent request (weight 3) to a nearer normal one (1)', () => {
    // A can take one; the urgent one is farther.
    const res = matchOptimal(
      [req('n1', 'medical', 10), req('u', 'medical', 900, { urgency: 'urgent' })],
      [vol('A', ['medical'], 0)],
    );
    expect(byRequest(res.rows)).toEqual({ n1: 'no capacity', u: 'A' });
    expect(res.weight).toBe(3);
  });
});

describe('optimal beats greedy nearest-first', () => {
  it('on weight: the nearest volunteer of the first request is the only one of the second', () => {
    const volunteers = [vol('A', ['food_delivery'], 0), vol('B', ['food_delivery'], 2950)];
    const requests = [req('r1', 'food_delivery', 100), req('r2', 'food_delivery', -100)];
    const greedy = greedyNearestFirst(requests, volunteers);
    expect(byRequest(greedy.rows)).toEqual({ r1: 'A', r2: 'no capacity' });
    const best = matchOptimal(requests, volunteers);
    expect(byRequest(best.rows)).toEqual({ r1: 'B', r2: 'A' });
    expect([greedy.weight, best.weight]).toEqual([1, 2]);
  });

  it('on distance: greedy takes the shared volunteer for the request that had another close by', () => {
    const volunteers = [vol('A', ['transport'], 0), vol('B', ['transport'], 300)];
    const requests = [req('r1', 'transport', 100), req('r2', 'transport', -2000)];
    // greedy: r1→A (100), r2→B (2300) = 2400 m; optimal: r1→B (200), r2→A (2000) = 2200 m.
    const greedy = greedyNearestFirst(requests, volunteers);
    const best = matchOptimal(requests, volunteers);
    expect(byRequest(greedy.rows)).toEqual({ r1: 'A', r2: 'B' });
    expect(byRequest(best.rows)).toEqual({ r1: 'B', r2: 'A' });
    expect(greedy.distanceMm).toBe(2_400_000);
    expect(best.distanceMm).toBe(2_200_000);
  });
});

// ---- Brute force, written independently of matching.ts ----

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

const fits = (v: MatchVolunteer, r: MatchRequest) =>
  v.windows.some((w) => Math.max(w.from, r.from) < Math.min(w.to, r.to));

function expectedReason(r: MatchRequest, vs: MatchVolunteer[], maxKm: number): UnmatchedReason {
  const skilled = vs.filter((v) => v.skills.includes(r.need));
  if (skilled.length === 0) return 'no skill';
  const avail = skilled.filter((v) => fits(v, r));
  if (avail.length === 0) return 'no availability';
  if (!avail.some((v) => metres(r, v) <= maxKm * 1000)) return 'too far';
  return 'no capacity';
}

/** Every assignment: the best (weight, then whole-mm distance). */
function bruteForce(rs: MatchRequest[], vs: MatchVolunteer[], maxKm: number) {
  const options = rs.map((r) =>
    vs.flatMap((v, j) =>
      v.skills.includes(r.need) && fits(v, r) && metres(r, v) <= maxKm * 1000
        ? [{ j, mm: Math.round(metres(r, v) * 1000) }]
        : [],
    ),
  );
  const left = vs.map((v) => v.capacity);
  let best = { weight: -1, mm: 0 };
  const go = (i: number, weight: number, mm: number) => {
    if (i === rs.length) {
      if (weight > best.weight || (weight === best.weight && mm < best.mm)) best = { weight, mm };
      return;
    }
    go(i + 1, weight, mm);
    for (const o of options[i])
      if (left[o.j] > 0) {
        left[o.j]--;
        go(i + 1, weight + URGENCY_WEIGHT[rs[i].urgency], mm + o.mm);
        left[o.j]++;
      }
  };
  go(0, 0, 0);
  return best;
}

const SKILLS = ['medical', 'transport', 'food_delivery'];
const point = fc.record({
  lon: fc.double({ min: LON, max: LON + 0.05, noNaN: true }),
  lat: fc.double({ min: LAT, max: LAT + 0.04, noNaN: true }),
});
const window = fc
  .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 4 }))
  .map(([from, len]) => ({ from, to: from + len }));
const requestArb = fc.tuple(
  fc.constantFrom(...SKILLS, 'translation'),
  fc.constantFrom('urgent' as const, 'normal' as const),
  point,
  window,
);
const volunteerArb = fc.tuple(
  fc.subarray(SKILLS, { minLength: 1 }),
  point,
  fc.array(window, { minLength: 1, maxLength: 2 }),
  fc.integer({ min: 0, max: 2 }),
);

describe('optimal = brute force on small random instances', () => {
  it('has the brute force optimum (weight, then distance), feasible matches and the contract reasons', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { minLength: 1, maxLength: 7 }),
        fc.array(volunteerArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(1, 2, 3),
        (rq, vl, maxKm) => {
          const rs: MatchRequest[] = rq.map(([need, urgency, p, w], i) => ({
            id: `r${i}`,
            need,
            urgency,
            ...p,
            ...w,
          }));
          const vs: MatchVolunteer[] = vl.map(([skills, p, windows, capacity], j) => ({
            id: `v${j}`,
            skills,
            ...p,
            windows,
            capacity,
          }));
          const res = matchOptimal(rs, vs, { maxKm });
          const best = bruteForce(rs, vs, maxKm);
          expect([res.weight, res.distanceMm]).toEqual([best.weight, best.mm]);
          const used = new Map<string, number>();
          res.rows.forEach((row, i) => {
            const r = rs[i];
            expect(row.request).toBe(r.id);
            if (row.volunteer !== null) {
              const v = vs.find((x) => x.id === row.volunteer) as MatchVolunteer;
              expect(v.skills.includes(r.need) && fits(v, r)).toBe(true);
              expect(row.distanceM).toBeCloseTo(metres(r, v), 6);
              expect(row.distanceM as number).toBeLessThanOrEqual(maxKm * 1000 + 1e-6);
              used.set(v.id, (used.get(v.id) ?? 0) + 1);
              expect(row.reason).toBeNull();
            } else {
              expect(row.reason).toBe(expectedReason(r, vs, maxKm));
              expect(UNMATCHED_REASONS).toContain(row.reason);
            }
          });
          for (const v of vs) expect(used.get(v.id) ?? 0).toBeLessThanOrEqual(v.capacity);
          // Greedy is feasible and never better.
          const greedy = greedyNearestFirst(rs, vs, { maxKm });
          expect(
            greedy.weight < res.weight ||
              (greedy.weight === res.weight && greedy.distanceMm >= res.distanceMm),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
