import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitResult, TubeBook } from './files.js';
import { memberOutcomes } from './outcomes.js';
import { expectedTests, observedPrevalence, poolSizeAdvice, validPrevalence } from './pool-size.js';
import { countdown, roundProblem, zoneOf } from './rounds.js';
import type { MemberOutcome, ReportedResult, Tube } from './types.js';

const TZ = 8 * 3600;

describe('pool-size advisor', () => {
  it.each([
    [0.01, 11, 0.1956],
    [0.001, 32, 0.0628],
    [0.05, 5, 0.4262],
  ])('p = %f → k = %i, E = %f (the contract’s reference values)', (p, k, e) => {
    const a = poolSizeAdvice(p);
    expect(a.k).toBe(k);
    expect(a.expectedTests).toBeCloseTo(e, 4);
    expect(a.pooling).toBe(true);
    expect(a.compare.map((c) => c.k)).toEqual([5, 10, 20]);
    expect(a.compare[1].testsPer10000).toBeCloseTo(expectedTests(10, p) * 10_000, 9);
  });

  it('advises no pooling when no pool beats one test per person, and ties go to the smaller k', () => {
    const high = poolSizeAdvice(0.4);
    expect(high).toMatchObject({ k: 1, expectedTests: 1, pooling: false });
    for (const p of [0.0001, 0.003, 0.02, 0.2, 0.3]) {
      const a = poolSizeAdvice(p);
      for (let k = 1; k <= 50; k++) {
        const e = expectedTests(k, p);
        expect(e > a.expectedTests || (e === a.expectedTests && k >= a.k)).toBe(true);
      }
    }
  });

  it('accepts prevalences strictly between 0 and 1 only', () => {
    expect([0, 1, -0.1, Number.NaN, Number.POSITIVE_INFINITY].map(validPrevalence)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(validPrevalence(0.5)).toBe(true);
  });

  it('estimates prevalence from pooled tubes by inverting 1 − (1 − p)^k', () => {
    // 1 − 0.99^10 ≈ 9.56 % of 10-tubes positive at p = 1 %.
    const x = 1 - 0.99 ** 10;
    expect(observedPrevalence([{ k: 10, tubes: 100_000, positive: Math.round(x * 100_000) }])).toBeCloseTo(
      0.01,
      4,
    );
    expect(observedPrevalence([])).toBeNull();
  });
});

describe('the tubes file', () => {
  const row = (line: number, tube: string, k: string, sampledAt: string, person: string) => ({
    line,
    tube,
    k,
    sampledAt,
    person,
  });

  it('fills tubes in file order, refuses the row that overfills one as tube full, and treats a repeated member as one swab', () => {
    const book = new TubeBook(TZ);
    const at = '2026-12-06 08:00:00';
    for (const [i, p] of ['a', 'b', 'a', 'c'].entries()) book.add(row(i + 2, 'T', '2', at, p));
    book.add(row(6, '', '1', at, 'x'));
    book.add(row(7, 'U', '51', at, 'x'));
    book.add(row(8, 'U', '1', 'soon', 'x'));
    book.add(row(9, 'U', '1', at, ''));
    book.add(row(10, 'V', '1', at, 'x'));
    book.add(row(11, 'V', '2', at, 'y'));
    book.add(row(12, 'V', '1', '2026-12-06 09:00:00', 'y'));
    expect(book.tubes.get('T')).toEqual({
      barcode: 'T',
      k: 2,
      sampledAt: Date.parse('2026-12-06T00:00:00Z') / 1000,
      members: ['a', 'b'],
    });
    expect(book.rejects).toEqual([
      { line: 5, reason: 'tube_full' },
      { line: 6, reason: 'tube_empty' },
      { line: 7, reason: 'bad_k' },
      { line: 8, reason: 'bad_sampled_at' },
      { line: 9, reason: 'person_empty' },
      { line: 11, reason: 'k_differs' },
      { line: 12, reason: 'sampled_at_differs' },
    ]);
  });
});

describe('result rows', () => {
  const tube = { sampledAt: 1000 };
  const admit = (result: string, reportedAt: string, first?: ReportedResult) =>
    admitResult({ result, reportedAt }, tube, first, TZ);

  it('reads the result word case-insensitively with spaces trimmed, and the time by the instant grammar', () => {
    expect(admit('  NEGative ', '2000')).toEqual({
      kind: 'accept',
      result: { result: 'negative', reportedAt: 2000 },
    });
    expect(admit('neg', '2000')).toEqual({ kind: 'reject', reason: 'bad_result' });
    expect(admit('positive', '1970-01-01T08:30:00')).toEqual({
      kind: 'accept',
      result: { result: 'positive', reportedAt: 1800 },
    });
    expect(admit('positive', '1970-01-01 00:30:00Z')).toMatchObject({ kind: 'accept' });
    expect(admit('invalid', '12/06/2026')).toEqual({ kind: 'reject', reason: 'bad_reported_at' });
  });

  it('refuses a result reported before the sampling, an unknown tube, and a second result that differs; the same again is a no-op', () => {
    expect(admit('negative', '999')).toEqual({ kind: 'reject', reason: 'reported_before_sampling' });
    expect(admitResult({ result: 'negative', reportedAt: '2000' }, undefined, undefined, TZ)).toEqual({
      kind: 'reject',
      reason: 'unknown_tube',
    });
    const first: ReportedResult = { result: 'negative', reportedAt: 1500 };
    expect(admit('positive', '2000', first)).toEqual({ kind: 'reject', reason: 'result_conflict' });
    expect(admit('Negative', '3000', first)).toEqual({ kind: 'same' });
  });
});

describe('member outcomes', () => {
  const tube = (barcode: string, k: number, sampledAt: number, members: string[]): Tube => ({
    barcode,
    k,
    sampledAt,
    members,
  });
  const results = (r: Record<string, ReportedResult['result']>) =>
    new Map(Object.entries(r).map(([t, result]) => [t, { result, reportedAt: 99_999 }]));

  it('gives every outcome of the contract', () => {
    const tubes = [
      tube('P', 10, 100, ['a', 'b', 'c', 'd']),
      tube('A1', 1, 200, ['a']),
      tube('B1', 1, 50, ['b']), // before the pool: not a re-test
      tube('B2', 1, 300, ['b']),
      tube('C1', 1, 150, ['c']), // invalid: skipped
      tube('C2', 1, 400, ['c']),
      tube('N', 5, 100, ['e']),
      tube('I', 5, 100, ['f']),
      tube('Q', 5, 100, ['g']),
    ];
    const out = memberOutcomes(
      tubes,
      results({
        P: 'positive',
        A1: 'negative',
        B1: 'negative',
        B2: 'positive',
        C1: 'invalid',
        N: 'negative',
        I: 'invalid',
        C2: 'negative',
      }),
    );
    const of = (person: string, t: string) => out.find((o) => o.person === person && o.tube === t)?.outcome;
    expect(of('a', 'P')).toBe('retest_negative');
    expect(of('b', 'P')).toBe('retest_positive');
    expect(of('c', 'P')).toBe('retest_negative');
    expect(of('d', 'P')).toBe('awaiting_retest');
    expect(of('b', 'B2')).toBe('positive');
    expect(of('c', 'C1')).toBe('resample');
    expect(of('e', 'N')).toBe('negative');
    expect(of('f', 'I')).toBe('resample');
    expect(of('g', 'Q')).toBe('pending');
    expect(out.filter((o) => o.person === 'b').map((o) => o.tube)).toEqual(['B1', 'P', 'B2']);
  });

  /** The contract read literally, one member at a time, with no sorting tricks. */
  function oracle(tubes: Tube[], res: Map<string, ReportedResult>): MemberOutcome[] {
    const rows: MemberOutcome[] = [];
    for (const t of tubes) {
      const seen = new Set<string>();
      for (const person of t.members) {
        if (seen.has(person)) continue;
        seen.add(person);
        const r = res.get(t.barcode);
        let outcome: MemberOutcome['outcome'];
        if (!r) outcome = 'pending';
        else if (r.result === 'invalid') outcome = 'resample';
        else if (r.result === 'negative') outcome = 'negative';
        else if (t.k === 1) outcome = 'positive';
        else {
          let best: Tube | undefined;
          for (const s of tubes) {
            const sr = res.get(s.barcode);
            if (s.k !== 1 || !s.members.includes(person) || s.sampledAt <= t.sampledAt) continue;
            if (!sr || sr.result === 'invalid') continue;
            if (
              !best ||
              s.sampledAt < best.sampledAt ||
              (s.sampledAt === best.sampledAt &&
                Buffer.compare(Buffer.from(s.barcode), Buffer.from(best.barcode)) < 0)
            )
              best = s;
          }
          outcome = !best
            ? 'awaiting_retest'
            : res.get(best.barcode)!.result === 'positive'
              ? 'retest_positive'
              : 'retest_negative';
        }
        rows.push({ person, tube: t.barcode, outcome, at: t.sampledAt });
      }
    }
    const bytes = (s: string) => Buffer.from(s);
    return rows.sort(
      (x, y) =>
        Buffer.compare(bytes(x.person), bytes(y.person)) ||
        x.at - y.at ||
        Buffer.compare(bytes(x.tube), bytes(y.tube)),
    );
  }

  it('agrees with a brute-force reading of the contract on random rounds', () => {
    const person = fc.constantFrom('a', 'b', 'c', 'd', 'é', '张', '𝒳');
    const arbTube = fc.record({
      k: fc.constantFrom(1, 1, 2, 5),
      sampledAt: fc.integer({ min: 0, max: 6 }),
      members: fc.array(person, { minLength: 1, maxLength: 5 }),
      result: fc.constantFrom(undefined, 'negative', 'positive', 'invalid'),
    });
    fc.assert(
      fc.property(fc.array(arbTube, { maxLength: 12 }), (raw) => {
        const tubes = raw.map((t, i) =>
          tube(
            `T${String.fromCodePoint(0x41 + ((i * 7) % 26))}${i}`,
            t.k,
            t.sampledAt,
            t.members.slice(0, t.k),
          ),
        );
        const res = new Map<string, ReportedResult>();
        for (const [i, t] of raw.entries()) {
          if (t.result)
            res.set(tubes[i].barcode, { result: t.result as ReportedResult['result'], reportedAt: 10 });
        }
        const got = memberOutcomes(tubes, res).map(({ decidedBy: _, ...o }) => o);
        expect(got).toEqual(oracle(tubes, res));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rounds', () => {
  it('checks the window, the pooling and the places', () => {
    const ok = {
      from: 0,
      to: 10,
      pooling: { sealed: 1, controlled: 10, prevention: 20 },
      places: [{ path: 'cq.yz' }],
    };
    expect(roundProblem(ok)).toBeNull();
    expect(roundProblem({ ...ok, to: 0 })?.field).toBe('body.to');
    expect(roundProblem({ ...ok, pooling: { ...ok.pooling, prevention: 51 } })?.field).toBe(
      'body.pooling.prevention',
    );
    expect(roundProblem({ ...ok, places: [] })?.field).toBe('body.places');
    expect(roundProblem({ ...ok, places: [{ path: 'cq' }, { path: 'cq' }] })?.field).toBe(
      'body.places.1.path',
    );
  });

  it('gives a site the zone of the deepest round place above it', () => {
    const places = [
      { path: 'cq.yz', zone: 'prevention' as const },
      { path: 'cq.yz.jd01', zone: 'sealed' as const },
    ];
    expect(zoneOf('cq.yz.jd01.sq01', places)).toBe('sealed');
    expect(zoneOf('cq.yz.jd02', places)).toBe('prevention');
    expect(zoneOf('cq.yz1', places)).toBeNull();
  });

  it('counts down what remains against the sites’ capacity', () => {
    expect(countdown(600, 200, 0, 4 * 3600)).toEqual({
      untested: 600,
      hoursNeeded: 3,
      hoursLeft: 4,
      onTrack: true,
    });
    expect(countdown(600, 100, 0, 4 * 3600).onTrack).toBe(false);
    expect(countdown(5, 0, 10, 0)).toEqual({ untested: 5, hoursNeeded: null, hoursLeft: 0, onTrack: null });
  });
});
