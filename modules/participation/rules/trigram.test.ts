import { describe, expect, it } from 'vitest';
import { findNearDuplicate, nearDuplicateOf, trigramJaccard, trigrams } from './trigram.js';

const d = (iso: string) => new Date(iso);

describe('character-trigram Jaccard', () => {
  it('counts distinct trigrams of the normalised text', () => {
    expect([...trigrams('Abcd')]).toEqual(['abc', 'bcd']);
    expect([...trigrams('  A\tB  ')]).toEqual(['a b']);
    expect([...trigrams('路灯')]).toEqual(['路灯']);
    expect(trigrams('').size).toBe(0);
    // aaaa has one distinct trigram.
    expect(trigrams('aaaa').size).toBe(1);
  });

  it('is |A∩B| / |A∪B|: abcde vs abcdf share abc, bcd of 4 trigrams', () => {
    expect(trigramJaccard('abcde', 'abcdf')).toBe(2 / 4);
    expect(trigramJaccard('abc', 'abc')).toBe(1);
    expect(trigramJaccard('', '')).toBe(0);
    expect(trigramJaccard('ＡＢＣ', 'abc')).toBe(1); // NFKC and case
  });

  it('holds the 0.6 line: 3 of 5 is a duplicate, 2 of 4 is not', () => {
    // abcdef: abc bcd cde def; abcdefg: + efg → 4/5 = 0.8. abcxyz vs abcdef: 1/7.
    expect(
      nearDuplicateOf('abcdefg', [{ id: 'x', text: 'abcdef', submittedAt: d('2021-11-01T00:00:00Z') }]),
    ).toBe('x');
    // abcdeXY: abc bcd cde deX eXY (5); abcdeZW: abc bcd cde deZ eZW → 3 / 7 < 0.6.
    expect(trigramJaccard('abcdexy', 'abcdezw')).toBe(3 / 7);
    // 3 of 5: abcdex vs abcde (abc bcd cde vs + dex) = 3/4 = 0.75; "abcdefgh" vs "abcdefxy": 4/8.
    expect(trigramJaccard('abcdefgh', 'abcdefxy')).toBe(0.5);
    expect(
      nearDuplicateOf('abcdefgh', [{ id: 'x', text: 'abcdefxy', submittedAt: d('2021-11-01T00:00:00Z') }]),
    ).toBeNull();
    // exactly 0.6: 6 common of 10 in the union
    const a = 'abcdefghij'; // 8 trigrams
    const b = 'abcdefghXY'; // abc…fgh (6 shared) + ghX, hXY
    expect(trigramJaccard(a, b)).toBe(0.6);
    expect(nearDuplicateOf(a, [{ id: 'y', text: b, submittedAt: d('2021-11-01T00:00:00Z') }])).toBe('y');
  });
});

describe('the near-duplicate rule', () => {
  const base = { category: 'hazard', community: 'c1', text: '3号楼门口路灯坏了，晚上很黑' };
  const earlier = [
    { ...base, id: 'old', submittedAt: d('2021-10-20T00:00:00Z') }, // 12 days before: too old
    { ...base, id: 'other-cat', category: 'complaint', submittedAt: d('2021-10-30T00:00:00Z') },
    { ...base, id: 'other-place', community: 'c2', submittedAt: d('2021-10-30T00:00:00Z') },
    { ...base, id: 'a', submittedAt: d('2021-10-31T00:00:00Z') },
    { ...base, id: 'b', text: '3号楼门口路灯坏了，晚上很黑！', submittedAt: d('2021-10-29T00:00:00Z') },
    { ...base, id: 'later', submittedAt: d('2021-11-02T00:00:00Z') },
  ];
  const report = {
    ...base,
    id: 'new',
    text: '3号楼门口的路灯坏了，晚上很黑',
    submittedAt: d('2021-11-01T00:00:00Z'),
  };

  it('links to the earliest similar report of the same category and community in the last 7 days', () => {
    expect(trigramJaccard(report.text, base.text)).toBeGreaterThanOrEqual(0.6);
    expect(findNearDuplicate(report, earlier)).toBe('b');
    expect(
      findNearDuplicate(
        report,
        earlier.filter((e) => e.id !== 'b'),
      ),
    ).toBe('a');
  });

  it('counts exactly 7 days as within, a moment more as not', () => {
    const edge = [{ ...base, id: 'edge', submittedAt: d('2021-10-25T00:00:00Z') }];
    expect(findNearDuplicate(report, edge)).toBe('edge');
    expect(findNearDuplicate({ ...report, submittedAt: d('2021-11-01T00:00:00.001Z') }, edge)).toBeNull();
  });

  it('does not link different texts', () => {
    expect(findNearDuplicate({ ...report, text: '小区垃圾没有人清运' }, earlier)).toBeNull();
  });
});
