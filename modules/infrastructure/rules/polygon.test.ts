import { expect, it } from 'vitest';
import { idsInside, insidePolygon, type LonLat } from './polygon.js';

const square: LonLat[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

it('tells inside from outside, for open and closed rings alike', () => {
  expect(insidePolygon([5, 5], square)).toBe(true);
  expect(insidePolygon([15, 5], square)).toBe(false);
  expect(insidePolygon([5, -1], square)).toBe(false);
  expect(insidePolygon([5, 5], [...square, square[0]])).toBe(true);
  expect(insidePolygon([15, 5], [...square, square[0]])).toBe(false);
  expect(insidePolygon([5, 5], square.slice(0, 2))).toBe(false);
});

it('follows a concave ring (a U: the notch is outside)', () => {
  const u: LonLat[] = [
    [0, 0],
    [9, 0],
    [9, 9],
    [6, 9],
    [6, 3],
    [3, 3],
    [3, 9],
    [0, 9],
  ];
  expect(insidePolygon([1, 6], u)).toBe(true);
  expect(insidePolygon([4.5, 6], u)).toBe(false);
  expect(insidePolygon([4.5, 1], u)).toBe(true);
  expect(insidePolygon([7.5, 8], u)).toBe(true);
});

it('picks the located items inside, in the given order', () => {
  expect(
    idsInside(
      [
        { id: 'b', lon: 1, lat: 1 },
        { id: 'a', lon: 5, lat: 5 },
        { id: 'c', lon: null, lat: null },
        { id: 'd', lon: 50, lat: 5 },
      ],
      square,
    ),
  ).toEqual(['b', 'a']);
});
