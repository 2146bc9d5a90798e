import { describe, expect, it } from 'vitest';
import { cityFormat, isoToLocal, localToIso } from './city-time.js';

describe('city time', () => {
  it('reads a datetime-local value as the city’s +08:00 wall clock, whatever the process’s zone', () => {
    expect(localToIso('2026-12-04T21:00')).toBe('2026-12-04T13:00:00.000Z');
    expect(localToIso('2026-12-04T21:00:30')).toBe('2026-12-04T13:00:30.000Z');
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('yesterday')).toBeUndefined();
    expect(localToIso('2026-13-40T25:00')).toBeUndefined();
  });

  it('shows an instant in the city’s zone, and back to the input it came from', () => {
    const f = cityFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', hour12: false });
    expect(f.format(new Date('2026-12-04T13:00:00Z'))).toBe('2026/12/4 21:00');
    expect(isoToLocal('2026-12-04T16:30:00Z')).toBe('2026-12-05T00:30');
    expect(localToIso(isoToLocal('2026-12-04T16:30:00Z'))).toBe('2026-12-04T16:30:00.000Z');
  });
});
