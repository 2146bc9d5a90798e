import { expect, it } from 'vitest';
import { areaRadius, fitToBox } from './map-fit.js';

const box = { width: 400, height: 200, pad: 20 };

it('fits the points inside the box less its padding, north up, longitude shortened by cos(latitude)', () => {
  const points = [
    { lon: 106.5, lat: 29.5 },
    { lon: 106.6, lat: 29.6 },
  ];
  const { x, y } = fitToBox(points, box);
  // The taller side fills the height less the padding; the map is centred across.
  expect(y(29.6)).toBeCloseTo(20, 9);
  expect(y(29.5)).toBeCloseTo(180, 9);
  const k = Math.cos((29.55 * Math.PI) / 180);
  expect(x(106.6) - x(106.5)).toBeCloseTo(160 * k, 9);
  expect((x(106.5) + x(106.6)) / 2).toBeCloseTo(200, 9);
});

it('puts a single point at the centre, and grows circles by area', () => {
  const { x, y } = fitToBox([{ lon: 10, lat: 20 }], box);
  expect([x(10), y(20)]).toEqual([200, 100]);
  expect(areaRadius(0, 100, 4, 20)).toBe(4);
  expect(areaRadius(100, 100, 4, 20)).toBe(20);
  expect(areaRadius(25, 100, 4, 20)).toBe(12);
  expect(areaRadius(-5, 0, 4, 20)).toBe(4);
});
