/** Admission of asset and link rows (network-rows.ts): each refusal, and what is ignored. */
import { describe, expect, it } from 'vitest';
import type { Asset } from './network.js';
import { admitAssetRow, admitLinkRow, REJECT_REASONS } from './network-rows.js';

describe('an asset row', () => {
  it('admits a source, a node and a sink; community and population are read for sinks only', () => {
    const seen = new Set<string>();
    expect(
      admitAssetRow({ id: ' W1 ', kind: 'water', type: 'Source', community: 'c1', population: 'x' }, seen),
    ).toEqual({
      asset: { id: 'W1', kind: 'water', type: 'source', community: null, population: 0 },
    });
    expect(
      admitAssetRow({ id: 'P3', kind: 'water', type: 'node', community: '', population: '' }, seen),
    ).toEqual({
      asset: { id: 'P3', kind: 'water', type: 'node', community: null, population: 0 },
    });
    expect(
      admitAssetRow({ id: 'T1', kind: 'water', type: 'sink', community: '社区1', population: '0' }, seen),
    ).toEqual({
      asset: { id: 'T1', kind: 'water', type: 'sink', community: '社区1', population: 0 },
    });
    expect([...seen]).toEqual(['W1', 'P3', 'T1']);
  });

  it.each([
    [{ id: '', kind: 'water', type: 'source' }, 'id_empty'],
    [{ id: 'A', kind: 'water', type: 'source' }, 'id_duplicate'],
    [{ id: 'B', kind: ' ', type: 'source' }, 'kind_empty'],
    [{ id: 'B', kind: 'water', type: 'pump' }, 'bad_type'],
    [{ id: 'B', kind: 'water', type: '' }, 'bad_type'],
    [{ id: 'B', kind: 'water', type: 'sink', community: '', population: '5' }, 'community_empty'],
    [{ id: 'B', kind: 'water', type: 'sink', community: 'c', population: '' }, 'bad_population'],
    [{ id: 'B', kind: 'water', type: 'sink', community: 'c', population: '-1' }, 'bad_population'],
    [{ id: 'B', kind: 'water', type: 'sink', community: 'c', population: '1.5' }, 'bad_population'],
    [{ id: 'B', kind: 'water', type: 'sink', community: 'c', population: '1e3' }, 'bad_population'],
  ])('refuses %j: %s', (cells, reason) => {
    const seen = new Set(['A']);
    expect(admitAssetRow(cells, seen)).toEqual({ reason });
    expect([...seen]).toEqual(['A']);
  });
});

describe('a link row', () => {
  const assets = new Map<string, Asset>([
    ['S1', { id: 'S1', kind: 'power', type: 'node', community: null, population: 0 }],
    ['G1', { id: 'G1', kind: 'power', type: 'source', community: null, population: 0 }],
    ['P3', { id: 'P3', kind: 'water', type: 'node', community: null, population: 0 }],
  ]);

  it('admits feeds within a kind and needs across kinds', () => {
    expect(admitLinkRow({ from: 'G1', to: 'S1', relation: 'feeds' }, assets)).toEqual({
      link: { from: 'G1', to: 'S1', relation: 'feeds' },
    });
    expect(admitLinkRow({ from: ' S1', to: 'P3 ', relation: 'NEEDS' }, assets)).toEqual({
      link: { from: 'S1', to: 'P3', relation: 'needs' },
    });
  });

  it.each([
    [{ from: 'X', to: 'S1', relation: 'feeds' }, 'unknown_from'],
    [{ from: '', to: 'S1', relation: 'feeds' }, 'unknown_from'],
    [{ from: 'G1', to: 'Y', relation: 'feeds' }, 'unknown_to'],
    [{ from: 'G1', to: 'S1', relation: 'powers' }, 'bad_relation'],
    [{ from: 'S1', to: 'P3', relation: 'feeds' }, 'feeds_across_kinds'],
  ])('refuses %j: %s', (cells, reason) => {
    expect(admitLinkRow(cells, assets)).toEqual({ reason });
  });

  it('every reason is worded in both languages, naming its field', () => {
    for (const [key, text] of Object.entries(REJECT_REASONS)) {
      expect(text.en.length, key).toBeGreaterThan(0);
      expect(text['zh-CN'].length, key).toBeGreaterThan(0);
    }
    expect(REJECT_REASONS.bad_population.en).toContain('population');
  });
});
