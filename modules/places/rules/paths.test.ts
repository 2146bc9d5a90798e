import { describe, expect, it } from 'vitest';
import { checkPath, isCityLevel, isPlacePath, isWithin, pathPrefixes } from './paths.js';

describe('place paths', () => {
  it('lists prefixes and tests containment without a query', () => {
    expect(pathPrefixes('cq.yz.jd01')).toEqual(['cq', 'cq.yz', 'cq.yz.jd01']);
    expect(isWithin('cq.yz.jd01', 'cq.yz')).toBe(true);
    expect(isWithin('cq.yz', 'cq.yz')).toBe(true);
    expect(isWithin('cq.yz2', 'cq.yz')).toBe(false);
    expect(isWithin('cq', 'cq.yz')).toBe(false);
  });

  it('knows a city (a path without a dot) from the places under it', () => {
    expect(isCityLevel('cq')).toBe(true);
    expect(isCityLevel('cq.yz')).toBe(false);
    expect(isCityLevel('cq.yz.jd01.sq01')).toBe(false);
  });

  it('refuses what is not a path', () => {
    for (const bad of ['', 'CQ', 'cq.', '.cq', 'cq..yz', 'cq yz', 'cq/yz']) {
      expect(isPlacePath(bad), bad).toBe(false);
      expect(() => checkPath(bad)).toThrow(/not a place path/);
    }
  });
});
