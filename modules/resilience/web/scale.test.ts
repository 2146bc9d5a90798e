import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, bandRanges } from './scale.js';

describe('the map colour scale', () => {
  it('puts a score in one of five equal bands of [0, most], clamped, and none without a score', () => {
    expect(bandOf(0, 3)).toBe(0);
    expect(bandOf(0.59, 3)).toBe(0);
    expect(bandOf(0.6, 3)).toBe(1);
    expect(bandOf(1.5, 3)).toBe(2);
    expect(bandOf(2.99, 3)).toBe(4);
    expect(bandOf(3, 3)).toBe(4);
    expect(bandOf(0.8, 1)).toBe(4);
    expect(bandOf(0.79, 1)).toBe(3);
    expect(bandOf(-1, 1)).toBe(0);
    expect(bandOf(7, 3)).toBe(4);
    expect(bandOf(null, 3)).toBeNull();
    expect(bandOf(undefined, 3)).toBeNull();
    expect(bandOf(Number.NaN, 3)).toBeNull();
  });

  it("describes each band's range for the legend, covering [0, most]", () => {
    const ranges = bandRanges(3);
    expect(ranges).toHaveLength(BANDS.length);
    expect(ranges[0]).toMatchObject({ from: 0, colour: BANDS[0].colour });
    expect(ranges.at(-1)!.to).toBeCloseTo(3);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBeCloseTo(ranges[i - 1]!.to);
    // every band's middle falls in that band
    ranges.forEach((r, i) => {
      expect(bandOf((r.from + r.to) / 2, 3)).toBe(i);
      expect(bandOf(r.from, 3)).toBe(i);
    });
  });
});
