import { describe, expect, it } from 'vitest';
import { admitItem } from './catalogue.js';
import { cascadeGaps, communityGap, coveredGap } from './gaps.js';
import { expiredAt, expiredLots, expiringSoon, fefo, type LotLike, takeFefo } from './stock.js';

const DAY = 86_400_000;
const lot = (id: string, quantity: number, expiresDay: number | null, receivedDay = 0): LotLike => ({
  id,
  quantity,
  expiresAt: expiresDay === null ? null : expiresDay * DAY,
  receivedAt: receivedDay * DAY,
});

describe('stock rules', () => {
  it('a lot is expired from its expiry instant on; one without an expiry never is', () => {
    expect(expiredAt(lot('a', 1, 3), 3 * DAY - 1)).toBe(false);
    expect(expiredAt(lot('a', 1, 3), 3 * DAY)).toBe(true);
    expect(expiredAt(lot('a', 1, null), 1e15)).toBe(false);
    expect(expiringSoon(lot('a', 1, 30), 0)).toBe(true);
    expect(expiringSoon(lot('a', 1, 31), 0)).toBe(false);
    expect(expiringSoon(lot('a', 0, 1), 0)).toBe(false);
  });

  it('FEFO: first expiring first, never-expiring last, then the oldest receipt, then id', () => {
    const lots = [lot('n', 1, null), lot('b', 1, 5, 2), lot('a', 1, 5, 2), lot('c', 1, 5, 1), lot('d', 1, 2)];
    expect([...lots].sort(fefo).map((l) => l.id)).toEqual(['d', 'c', 'a', 'b', 'n']);
  });

  it('an issue takes usable lots first expiring first, or is refused whole with what is available', () => {
    const lots = [lot('late', 10, 90), lot('gone', 50, 1), lot('soon', 5, 10), lot('never', 20, null)];
    expect(takeFefo(lots, 12, 2 * DAY)).toEqual({
      ok: true,
      takes: [
        { lotId: 'soon', quantity: 5 },
        { lotId: 'late', quantity: 7 },
      ],
    });
    expect(takeFefo(lots, 35, 2 * DAY)).toEqual({ ok: true, takes: expect.any(Array) });
    expect(takeFefo(lots, 36, 2 * DAY)).toEqual({ ok: false, available: 35 });
    expect(expiredLots(lots, 2 * DAY).map((l) => l.id)).toEqual(['gone']);
  });
});

describe('gap rules', () => {
  it('gap = max(0, requirement − stock) in a community; max(0, gaps below − own stock) above', () => {
    expect(communityGap(40, 35)).toBe(5);
    expect(communityGap(40, 50)).toBe(0);
    expect(coveredGap(55, 60)).toBe(0);
    expect(coveredGap(0.1 + 0.2, 0)).toBe(0.3);
  });

  it('higher places cover the gaps below them, each level its own stock', () => {
    const places = [
      { path: 'c', parent: null, level: 'city', residents: 0 },
      { path: 'c.d', parent: 'c', level: 'district', residents: 0 },
      { path: 'c.d.s', parent: 'c.d', level: 'street', residents: 0 },
      { path: 'c.d.s.a', parent: 'c.d.s', level: 'community', residents: 10 },
      { path: 'c.d.s.b', parent: 'c.d.s', level: 'community', residents: 20 },
      // A community straight under the district.
      { path: 'c.d.x', parent: 'c.d', level: 'community', residents: 5 },
    ];
    const stock: [string, string, number][] = [
      ['c.d.s.a', 'm', 10],
      ['c.d.s.b', 'm', 30],
      ['c.d.s.b', 'm', 40],
      ['c.d.s', 'm', 12],
      ['c.d', 'm', 20],
      ['c', 'w', 3],
      ['elsewhere', 'm', 1000],
    ];
    const { rows, residents } = cascadeGaps(
      places,
      ['m', 'w'],
      [
        // 3 a resident over the street; a, b and x: 1 more over the district (and again over b: once).
        { item: 'm', perResident: 2, places: ['c.d.s'] },
        { item: 'm', perResident: 1, places: ['c.d', 'c.d.s.b'] },
        { item: 'm', perResident: 2, places: ['c.d.x'] },
        { item: 'nope', perResident: 9, places: ['c'] },
      ],
      (visit) => {
        for (const [p, i, q] of stock) visit(p, i, q);
      },
    );
    const of = (path: string, item = 'm') => rows.find((r) => r.place.path === path && r.item === item);
    expect(of('c.d.s.a')).toMatchObject({ requirement: 30, stock: 10, gapsBelow: 0, gap: 20 });
    expect(of('c.d.s.b')).toMatchObject({ gap: 0 });
    expect(of('c.d.s')).toMatchObject({ requirement: 90, stock: 12, gapsBelow: 20, gap: 8 });
    expect(of('c.d')).toMatchObject({ requirement: 105, stock: 20, gapsBelow: 23, gap: 3 });
    expect(of('c')).toMatchObject({ requirement: 105, stock: 0, gapsBelow: 3, gap: 3 });
    expect(of('c', 'w')).toMatchObject({ stock: 3, gap: 0 });
    expect(residents.get('c')).toBe(35);
    expect(residents.get('c.d.s')).toBe(30);
    // Deepest first: communities before their street.
    expect(rows.findIndex((r) => r.place.path === 'c.d.s.a')).toBeLessThan(
      rows.findIndex((r) => r.place.path === 'c.d.s'),
    );
  });
});

describe('catalogue rows', () => {
  const row = (o: Partial<Record<'code' | 'name' | 'unit' | 'shelfLifeDays' | 'minPerStore', string>>) =>
    admitItem({ code: 'MASK', name: '口罩', unit: '个', shelfLifeDays: '', minPerStore: '', ...o });
  it('admits an item or names what is wrong with the row', () => {
    expect(row({ code: ' MASK ', shelfLifeDays: '365', minPerStore: '0' })).toEqual({
      kind: 'item',
      item: { code: 'MASK', name: '口罩', unit: '个', shelfLifeDays: 365, minPerStore: 0 },
    });
    expect(row({ code: '-X' })).toEqual({ kind: 'reject', reason: 'bad_code' });
    expect(row({ name: ' ' })).toEqual({ kind: 'reject', reason: 'bad_name' });
    expect(row({ unit: 'x'.repeat(33) })).toEqual({ kind: 'reject', reason: 'bad_unit' });
    expect(row({ shelfLifeDays: '0' })).toEqual({ kind: 'reject', reason: 'bad_shelf_life' });
    expect(row({ shelfLifeDays: '36501' })).toEqual({ kind: 'reject', reason: 'bad_shelf_life' });
    expect(row({ minPerStore: '-1' })).toEqual({ kind: 'reject', reason: 'bad_minimum' });
  });
});
