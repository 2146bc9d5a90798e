import { describe, expect, it } from 'vitest';
import { cutSlices } from './query-parallel.js';

describe('cutSlices', () => {
  it.each([
    [1000, 2],
    [150, 3],
    [64, 2],
    [7, 4],
  ])(
    'cuts %i cases for %i threads into contiguous slices that shrink to a minimum of 8',
    (total, threads) => {
      const b = cutSlices(total, threads);
      expect(b[0]).toBe(0);
      expect(b[b.length - 1]).toBe(total);
      const sizes = b.slice(1).map((x, k) => x - b[k]);
      for (const s of sizes) expect(s).toBeGreaterThan(0);
      for (let k = 1; k < sizes.length; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1]);
      for (const s of sizes.slice(0, -1)) expect(s).toBeGreaterThanOrEqual(8);
      // The first slice leaves most of the work to the others; there are never more than a few dozen.
      expect(sizes[0]).toBeLessThanOrEqual(Math.max(8, Math.ceil(total / (threads * 4))));
      expect(sizes.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(total / 8)));
    },
  );

  it('gives 1,000 cases on 2 threads as 125, 110, 96 … cases', () => {
    expect(cutSlices(1000, 2).slice(0, 4)).toEqual([0, 125, 235, 331]);
  });
});
