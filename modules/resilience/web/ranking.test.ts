import { describe, expect, it } from 'vitest';
import type { IndexRow } from './api.js';
import { areasOf, rank } from './ranking.js';

const row = (path: string, name: string, index: number | null, social: number | null): IndexRow => {
  const [, district, street] = path.split('.');
  return {
    community: {
      id: path,
      path,
      name,
      nameEn: `${name} EN`,
      lon: 106,
      lat: 29,
      street: `cq.${district}.${street}`,
      streetName: `街道${street}`,
      district: `cq.${district}`,
      districtName: `区${district}`,
      residents: 10,
    },
    engineering: null,
    institutional: null,
    social,
    index,
    self_organisation: null,
    redundancy: null,
    adaptability: null,
    rank: null,
    indicators: 1,
  };
};

const ROWS = [
  row('cq.yz.s1.c1', '较场口', 1.2, 0.1),
  row('cq.yz.s1.c2', '民族路', 2.5, null),
  row('cq.yz.s2.c3', '朝东路', null, 0.9),
  row('cq.jb.s3.c4', '观音桥', 1.2, 0.5),
];

describe('the ranking', () => {
  it('orders by the chosen score, best first, no score last, ties by path', () => {
    expect(rank(ROWS, { sort: 'index' }).map((r) => r.community.path)).toEqual([
      'cq.yz.s1.c2',
      'cq.jb.s3.c4',
      'cq.yz.s1.c1',
      'cq.yz.s2.c3',
    ]);
    expect(rank(ROWS, { sort: 'social' }).map((r) => r.community.name)).toEqual([
      '朝东路',
      '观音桥',
      '较场口',
      '民族路',
    ]);
  });

  it('filters by district, street and a part of the name', () => {
    expect(rank(ROWS, { sort: 'index', district: 'cq.yz' })).toHaveLength(3);
    expect(rank(ROWS, { sort: 'index', street: 'cq.yz.s1' }).map((r) => r.community.name)).toEqual([
      '民族路',
      '较场口',
    ]);
    expect(rank(ROWS, { sort: 'index', q: '朝东' }).map((r) => r.community.name)).toEqual(['朝东路']);
    expect(rank(ROWS, { sort: 'index', q: 'en' })).toHaveLength(4);
    expect(rank(ROWS, { sort: 'index', q: '  ' })).toHaveLength(4);
  });

  it('lists the districts and streets once each', () => {
    const { districts, streets } = areasOf(ROWS);
    expect(districts.map((d) => d.path).sort()).toEqual(['cq.jb', 'cq.yz']);
    expect(streets).toHaveLength(3);
    expect(streets.find((s) => s.path === 'cq.jb.s3')).toMatchObject({ district: 'cq.jb', name: '街道s3' });
  });
});
