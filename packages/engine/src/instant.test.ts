import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant, parseUtcOffset } from './instant.js';

const enc = new TextEncoder();
const parse = (s: string, tz = 8 * 3600) => {
  const b = enc.encode(s);
  return parseInstant(b, 0, b.length, tz);
};

describe('instants', () => {
  it('reads epoch seconds, negative ones too', () => {
    expect(parse('0')).toBe(0);
    expect(parse('1635724800')).toBe(1635724800);
    expect(parse('-86400')).toBe(-86400);
    expect(parse('007')).toBe(7);
  });

  it('reads ISO with T or a space, at the profile offset when none is written', () => {
    expect(parse('2021-11-01T08:00:00')).toBe(Date.UTC(2021, 10, 1, 0) / 1000);
    expect(parse('2021-11-01 08:00:00')).toBe(Date.UTC(2021, 10, 1, 0) / 1000);
    expect(parse('2021-11-01 08:00:00', 0)).toBe(Date.UTC(2021, 10, 1, 8) / 1000);
  });

  it('honours Z and ±HH:MM', () => {
    expect(parse('2021-11-01T08:00:00Z')).toBe(Date.UTC(2021, 10, 1, 8) / 1000);
    expect(parse('2021-11-01T08:00:00+05:30')).toBe(Date.UTC(2021, 10, 1, 2, 30) / 1000);
    expect(parse('2021-11-01T08:00:00-03:00')).toBe(Date.UTC(2021, 10, 1, 11) / 1000);
  });

  it('drops fractions: floor to the whole second, also before 1970', () => {
    expect(parse('2021-11-01T08:00:00.999Z')).toBe(Date.UTC(2021, 10, 1, 8) / 1000);
    expect(parse('1969-12-31T23:59:59.5Z')).toBe(-1);
  });

  it('knows leap days', () => {
    expect(parse('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29) / 1000);
    expect(parse('2023-02-29T00:00:00Z')).toBeNaN();
    expect(parse('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29) / 1000);
    expect(parse('1900-02-29T00:00:00Z')).toBeNaN();
  });

  it.each([
    '',
    '-',
    '+5',
    '12a',
    '1.5',
    ' 12',
    'yesterday',
    '2021-11-01',
    '2021-11-01T08:00',
    '2021-11-01T08:00:00.',
    '2021-11-01T24:00:00',
    '2021-13-01T08:00:00',
    '2021-11-31T08:00:00',
    '2021-11-01T08:60:00',
    '2021-11-01T08:00:60',
    '2021-11-01X08:00:00',
    '2021-11-01T08:00:00z',
    '2021-11-01T08:00:00+0800',
    '2021-11-01T08:00:00+08',
    '2021-11-01T08:00:00Z ',
    '99999999999999999999',
  ])('rejects %j', (s) => {
    expect(parse(s)).toBeNaN();
  });

  it('formats UTC with Z and round-trips', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00Z');
    expect(formatInstant(-1)).toBe('1969-12-31T23:59:59Z');
    expect(formatInstant(1635724800)).toBe('2021-11-01T00:00:00Z');
    for (let t = -5e9; t < 5e9; t += 123456789) expect(parse(formatInstant(t))).toBe(t);
    for (let t = -5e9; t < 5e9; t += 987654321)
      expect(formatInstant(t)).toBe(new Date(t * 1000).toISOString().replace('.000', ''));
  });

  it('parses offsets for --tz-offset', () => {
    expect(parseUtcOffset('+08:00')).toBe(28800);
    expect(parseUtcOffset('-03:30')).toBe(-12600);
    expect(parseUtcOffset('08:00')).toBeNaN();
    expect(parseUtcOffset('+24:00')).toBeNaN();
  });
});
