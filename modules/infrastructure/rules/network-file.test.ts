import { expect, it } from 'vitest';
import { admitAssetFields, badCells, featureRows, lonLat, placeRef } from './network-file.js';

it('reads a location from both cells or neither', () => {
  expect(lonLat(' 106.5 ', '29.5')).toEqual({ lon: 106.5, lat: 29.5 });
  expect(lonLat('', ' ')).toEqual({ lon: null, lat: null });
  expect(lonLat('106.5', '')).toBeNull();
  expect(lonLat('181', '0')).toBeNull();
  expect(lonLat('0', '-91')).toBeNull();
  expect(lonLat('east', '0')).toBeNull();
});

it('admits the extra cells of an asset row: the name defaults to the id', () => {
  expect(
    admitAssetFields('S1', 'power', { name: ' ', place: ' cq.yz ', operator: '', lon: '', lat: '' }),
  ).toEqual({
    fields: { name: 'S1', place: 'cq.yz', operator: null, lon: null, lat: null },
  });
  expect(admitAssetFields('x'.repeat(65), 'power', {}).reason).toBe('id_too_long');
  expect(admitAssetFields('S1', 'k'.repeat(33), {}).reason).toBe('kind_too_long');
  expect(admitAssetFields('S1', 'power', { name: 'n'.repeat(201) }).reason).toBe('name_too_long');
  expect(admitAssetFields('S1', 'power', { lon: '1' }).reason).toBe('bad_location');
});

it('tells a place id from a place path', () => {
  expect(placeRef('CQ.YZ')).toBeNull();
  expect(placeRef('cq.yz')).toEqual({ path: 'cq.yz' });
  expect(placeRef('0A0B0C0D-0000-4000-8000-000000000001')).toEqual({
    id: '0a0b0c0d-0000-4000-8000-000000000001',
  });
  expect(placeRef('')).toBeNull();
});

it('turns a FeatureCollection into asset and link rows, refusing other features by index', () => {
  const read = featureRows({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [106.5, 29.5, 12] },
        properties: { ID: 'A', population: 3, x: { y: 1 } },
      },
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [] },
        properties: { from: 'A', to: 'B' },
      },
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [] },
        properties: { from: 'A', to: 'B', relation: 'needs' },
      },
      { type: 'Feature', geometry: null, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1] } },
      'not an object',
    ],
  });
  expect(read).toEqual({
    rows: [
      { index: 0, what: 'asset', cells: { id: 'A', population: '3', x: '', lon: '106.5', lat: '29.5' } },
      { index: 1, what: 'link', cells: { from: 'A', to: 'B', relation: 'feeds' } },
      { index: 2, what: 'link', cells: { from: 'A', to: 'B', relation: 'needs' } },
      { index: 3, reason: 'unsupported_geometry' },
      { index: 4, reason: 'bad_location' },
      { index: 5, reason: 'not_a_feature' },
    ],
  });
  expect(featureRows({ type: 'Feature' })).toHaveProperty('error.en', 'not a GeoJSON FeatureCollection');
  expect(featureRows([])).toHaveProperty('error');
});

it('finds cells that cannot be stored', () => {
  expect(badCells({ id: 'A', name: '名字' })).toBe(false);
  expect(badCells({ id: 'A\u0000' })).toBe(true);
  expect(badCells({ name: 'x\udc00' })).toBe(true);
});
