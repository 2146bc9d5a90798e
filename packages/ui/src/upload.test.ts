import { describe, expect, it } from 'vitest';
import { percentOf } from './upload.js';

describe("an upload's progress", () => {
  it('answers a percentage of a known total only, at most 100', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
  });
});
