import { describe, expect, it } from 'vitest';
import { formatBytes, percentOf } from './format.js';

describe('trajectories’ formats', () => {
  it('reads bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(12_700)).toBe('12 KiB');
    expect(formatBytes(5 * 1024 + 512)).toBe('5.5 KiB');
    expect(formatBytes(3.1 * 1024 ** 3)).toBe('3.1 GiB');
  });

  it('answers a percentage of a known total only', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
  });
});
