import { describe, expect, it } from 'vitest';
import { formatBytes } from './format.js';

describe('trajectories’ formats', () => {
  it('reads bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(12_700)).toBe('12 KiB');
    expect(formatBytes(5 * 1024 + 512)).toBe('5.5 KiB');
    expect(formatBytes(3.1 * 1024 ** 3)).toBe('3.1 GiB');
  });
});
