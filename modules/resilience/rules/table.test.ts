/** Admission of the scoring CLI's two tables: each refusal on its own row, everything valid kept. */
import { describe, expect, it } from 'vitest';
import {
  admitIndicatorRow,
  admitScoreTables,
  admitValueRow,
  type IndicatorCells,
  TABLE_REJECT_REASONS,
  type ValueCells,
} from './table.js';

const ind = (key: string, mechanism: string, trait: string, direction: string): IndicatorCells => ({
  key,
  mechanism,
  trait,
  direction,
});
const val = (community: string, key: string, value: string): ValueCells => ({ community, key, value });
const lines = <C>(...cells: C[]) => cells.map((cell, i) => ({ line: i + 2, cell }));

describe('admitIndicatorRow', () => {
  it('keeps a row with the words in any case and spaces around them', () => {
    const seen = new Set<string>();
    expect(admitIndicatorRow(ind(' k.a ', 'Engineering', ' REDUNDANCY', 'lower '), seen)).toEqual({
      spec: { key: 'k.a', mechanism: 'engineering', trait: 'redundancy', direction: 'lower' },
    });
    expect([...seen]).toEqual(['k.a']);
  });

  it.each([
    [ind('', 'social', 'redundancy', 'higher'), 'key_empty'],
    [ind('k.a', 'social', 'redundancy', 'higher'), 'key_duplicate'],
    [ind('k.b', 'economic', 'redundancy', 'higher'), 'bad_mechanism'],
    [ind('k.b', 'social', 'robustness', 'higher'), 'bad_trait'],
    [ind('k.b', 'social', 'redundancy', 'up'), 'bad_direction'],
    [ind('k.b', 'social', 'redundancy', ''), 'bad_direction'],
  ])('%o → %s', (cells, reason) => {
    const seen = new Set(['k.a']);
    expect(admitIndicatorRow(cells, seen)).toEqual({ reason });
    expect([...seen]).toEqual(['k.a']);
  });
});

describe('admitValueRow', () => {
  const keys = new Set(['k.a', 'k.b']);

  it.each([
    ['12', 12],
    [' -0.5 ', -0.5],
    ['+3', 3],
    ['1e3', 1000],
    ['.25', 0.25],
    ['7.', 7],
    ['-0', 0],
    ['', null],
    ['  ', null],
  ])('value %j → %j', (text, value) => {
    const r = admitValueRow(val('c1', 'k.a', text), keys, new Set());
    expect(r).toEqual({ community: 'c1', key: 'k.a', value });
    if (value === 0) expect(Object.is((r as { value: number }).value, -0)).toBe(false);
  });

  it.each(['abc', '1,5', '0x10', '1e999', 'NaN', 'Infinity', '1_000', '--1', '1 2'])(
    'value %j is refused',
    (text) => {
      expect(admitValueRow(val('c1', 'k.a', text), keys, new Set())).toEqual({ reason: 'bad_value' });
    },
  );

  it('refuses an empty community, a key not in the indicators, and a second row of a pair', () => {
    const seen = new Set<string>();
    expect(admitValueRow(val(' ', 'k.a', '1'), keys, seen)).toEqual({ reason: 'community_empty' });
    expect(admitValueRow(val('c1', 'k.z', '1'), keys, seen)).toEqual({ reason: 'unknown_key' });
    expect(admitValueRow(val('c1', 'k.a', ''), keys, seen)).toEqual({
      community: 'c1',
      key: 'k.a',
      value: null,
    });
    expect(admitValueRow(val('c1', 'k.a', '2'), keys, seen)).toEqual({ reason: 'value_duplicate' });
    expect(admitValueRow(val('c1', 'k.b', '2'), keys, seen).reason).toBeUndefined();
    // A refused row takes no pair: a valid row of the pair later is kept.
    expect(admitValueRow(val('c2', 'k.a', 'x'), keys, seen)).toEqual({ reason: 'bad_value' });
    expect(admitValueRow(val('c2', 'k.a', '3'), keys, seen)).toEqual({
      community: 'c2',
      key: 'k.a',
      value: 3,
    });
  });
});

describe('admitScoreTables', () => {
  it('keeps every valid row and says why each other row is refused, indicators first', () => {
    const t = admitScoreTables(
      lines(
        ind('k.a', 'engineering', 'redundancy', 'higher'), // 2
        ind('k.b', 'social', 'self_organisation', 'lower'), // 3
        ind('k.a', 'social', 'redundancy', 'higher'), // 4: duplicate key
        ind('k.c', 'cultural', 'redundancy', 'higher'), // 5: bad mechanism
      ),
      lines(
        val('c2', 'k.a', '1'), // 2
        val('c1', 'k.a', '3'), // 3
        val('c1', 'k.c', '3'), // 4: k.c was refused
        val('c1', 'k.a', '4'), // 5: duplicate pair
        val('c3', 'k.b', ''), // 6: no value, c3 still listed
        val('c4', 'k.b', 'n/a'), // 7: bad number, c4 not listed
        val('c1', 'k.b', '0.5'), // 8
      ),
    );
    expect(t.indicators).toEqual([
      { key: 'k.a', mechanism: 'engineering', trait: 'redundancy', direction: 'higher' },
      { key: 'k.b', mechanism: 'social', trait: 'self_organisation', direction: 'lower' },
    ]);
    expect(t.values).toEqual([
      { community: 'c2', key: 'k.a', value: 1 },
      { community: 'c1', key: 'k.a', value: 3 },
      { community: 'c1', key: 'k.b', value: 0.5 },
    ]);
    expect(t.communities).toEqual(['c2', 'c1', 'c3']);
    expect(t.rejects).toEqual([
      { file: 'indicators', line: 4, reason: 'key_duplicate' },
      { file: 'indicators', line: 5, reason: 'bad_mechanism' },
      { file: 'values', line: 4, reason: 'unknown_key' },
      { file: 'values', line: 5, reason: 'value_duplicate' },
      { file: 'values', line: 7, reason: 'bad_value' },
    ]);
  });

  it('every reason reads in both languages', () => {
    for (const t of Object.values(TABLE_REJECT_REASONS)) {
      expect(t.en).toMatch(/\S/);
      expect(t['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
