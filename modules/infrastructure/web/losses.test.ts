import { describe, expect, it } from 'vitest';
import { kindColour, sortKinds } from './kinds.js';
import { lossByKind, peopleLost, spofsOf } from './losses.js';

// 较场口 loses water and power (the same 1,200 people), 民族路 water (900).
const rows = [
  { asset: 'P-SUB1', kind: 'water', community: 'sq01', populationLost: 1200 },
  { asset: 'P-SUB1', kind: 'power', community: 'sq01', populationLost: 1200 },
  { asset: 'P-SUB1', kind: 'water', community: 'sq02', populationLost: 900 },
];

describe("what failures take away, as infrastructure's screens count it", () => {
  it("counts a community's people once, however many of its services are lost", () => {
    expect(peopleLost(rows)).toBe(2100);
    expect(peopleLost([])).toBe(0);
    // A second, smaller loss in the same community adds nobody.
    expect(peopleLost([...rows, { community: 'sq02', populationLost: 300 }])).toBe(2100);
  });

  it('sums the services lost by kind, known kinds first in their order', () => {
    expect(lossByKind([...rows, { kind: 'cooling', community: 'sq01', populationLost: 50 }])).toEqual([
      { kind: 'water', communities: 2, people: 2100 },
      { kind: 'power', communities: 1, people: 1200 },
      { kind: 'cooling', communities: 1, people: 50 },
    ]);
  });

  it('names the single points of failure from the rows and the communities', () => {
    expect(
      [...spofsOf({ rows, spofs: [{ assets: ['P-SUB1', 'W-PUMP'] }, { assets: ['T-CORE'] }] })].sort(),
    ).toEqual(['P-SUB1', 'T-CORE', 'W-PUMP']);
    expect(spofsOf(null).size).toBe(0);
  });

  it('orders kinds and colours the unknown ones alike', () => {
    expect(sortKinds(['telecom', 'zeta', 'water', 'alpha', 'water', 'power'])).toEqual([
      'water',
      'power',
      'telecom',
      'alpha',
      'zeta',
    ]);
    expect(kindColour('alpha')).toBe(kindColour('zeta'));
    expect(kindColour('water')).not.toBe(kindColour('power'));
  });
});
