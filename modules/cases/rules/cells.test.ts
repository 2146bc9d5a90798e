import { DEFAULT_PARAMS, Grid } from '@renxing/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellFeatures, cellRing } from './cells.js';

describe('cell rings', () => {
  it('puts every point of a cell inside its ring (the inverse of the contract grid)', () => {
    const grid = new Grid(DEFAULT_PARAMS);
    fc.assert(
      fc.property(
        fc.double({ min: 105, max: 108, noNaN: true }),
        fc.double({ min: 28, max: 31, noNaN: true }),
        (lon, lat) => {
          const i = grid.cellX(lon);
          const j = grid.cellY(lat);
          const ring = cellRing(`${i}:${j}`, DEFAULT_PARAMS)!;
          const [[w, s], , [e, n]] = ring;
          const eps = 1e-9;
          expect(lon).toBeGreaterThanOrEqual(w - eps);
          expect(lon).toBeLessThanOrEqual(e + eps);
          expect(lat).toBeGreaterThanOrEqual(s - eps);
          expect(lat).toBeLessThanOrEqual(n + eps);
        },
      ),
    );
  });

  it('skips what is not a square cell and keeps the counts', () => {
    const fcol = cellFeatures(
      [
        { cell: '0:0', companions: 3 },
        { cell: '8a2a1072b59ffff', companions: 1 },
      ],
      DEFAULT_PARAMS,
    );
    expect(fcol.features).toHaveLength(1);
    expect(fcol.features[0].properties).toEqual({ cell: '0:0', companions: 3 });
    expect(fcol.features[0].geometry.coordinates[0][0]).toEqual([106.55, 29.56]);
  });
});
