/**
 * Streaming ≡ batch on random cities: the CSV must be byte-identical to the batch engine's on the
 * same pings, for any partition/shard counts, message splits, redeliveries, shuffled and duplicated
 * op messages, and builder/shard restarts from snapshots.
 */
import { cityArb, T0, toCasesCsv, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchRun, streamedCsv } from './test-support.js';

const simArb = fc.record({
  partitions: fc.constantFrom(1, 2, 3, 5),
  shards: fc.constantFrom(1, 2, 3, 7),
  split: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
  seed: fc.integer(),
  snapshotAt: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  shuffleOps: fc.boolean(),
});

describe.each([
  { mode: 'contiguous' as const, dwell: false },
  { mode: 'cumulative' as const, dwell: false },
  { mode: 'contiguous' as const, dwell: true },
  { mode: 'cumulative' as const, dwell: true },
])('streamed ≡ batch ($mode, dwell $dwell)', ({ mode, dwell }) => {
  it('on random cities, any arrival order, batching, redelivery and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(cityArb({ mode, dwell }), simArb, fc.integer(), async (city, sim, unbounded) => {
        const params = { ...city.params, tzOffset: 8 * 3600 };
        // Sometimes a case open-ended at the latest ping (E of the dwell clause).
        const cases = unbounded % 3 === 0 ? city.cases.map((c) => ({ ...c, to: null })) : city.cases;
        const pingsCsv = toPingsCsv(city.pings);
        const casesCsv = toCasesCsv(cases);
        const batch = batchRun(pingsCsv, casesCsv, params);
        const got = await streamedCsv(city.pings, casesCsv, params, sim);
        expect(got.csv, `${pingsCsv}\n${casesCsv}`).toBe(batch.csv);
        expect(got.duplicates).toBe(batch.summary.duplicates);
        expect(got.pings).toBe(batch.summary.pings);
      }),
      { seed: 20261207, numRuns: 150 },
    );
  });
});

it('a lattice sanity check: T0 is on the minute', () => {
  expect(T0 % 60).toBe(0);
});
