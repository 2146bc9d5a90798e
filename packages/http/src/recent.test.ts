import { describe, expect, it } from 'vitest';
import { recent } from './recent.js';

describe('recent', () => {
  it('shares one computation per key within the age, computes again after it, keeps no failure', async () => {
    let clock = 0;
    let runs = 0;
    const cache = recent<number>(2000, () => clock, 2);
    const compute = async () => ++runs;
    // Three at once: one computation.
    expect(
      await Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)]),
    ).toEqual([1, 1, 1]);
    clock = 2000;
    expect(await cache.get('a', compute)).toBe(1);
    clock = 2001;
    expect(await cache.get('a', compute)).toBe(2);
    expect(await cache.get('b', compute)).toBe(3);
    await expect(cache.get('c', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('c', compute)).toBe(4);
    // Two keys at most: 'a', the oldest, was dropped.
    expect(await cache.get('a', compute)).toBe(5);
  });
});
