import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from './number.js';

const enc = new TextEncoder();
const parse = (s: string) => {
  const b = enc.encode(s);
  return parseDecimal(b, 0, b.length);
};

describe('decimal numbers', () => {
  it('agrees with Number() bit for bit on decimal text', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 17 }),
        (x, digits) => {
          for (const s of [
            String(x),
            x.toFixed(Math.min(digits, 10)),
            x.toExponential(Math.min(digits, 16)),
          ]) {
            if (/^-?\d/.test(s)) expect(Object.is(parse(s), Number(s))).toBe(true);
          }
        },
      ),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('reads the coordinate shapes pings use', () => {
    expect(parse('106.550000')).toBe(106.55);
    expect(parse('-0.5')).toBe(-0.5);
    expect(parse('+29.5')).toBe(29.5);
    expect(parse('.5')).toBe(0.5);
    expect(parse('5.')).toBe(5);
    expect(parse('1.0655e2')).toBe(106.55);
    expect(parse('2955E-2')).toBe(29.55);
    expect(parse('0.000000000000000000000000106550')).toBe(1.0655e-25);
  });

  it.each([
    '',
    '-',
    '.',
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    'inf',
    '1e',
    '1e+',
    '0x10',
    '1,5',
    ' 1',
    '1 ',
    '1..2',
    '--1',
    '1e5.5',
  ])('rejects %j', (s) => {
    expect(parse(s)).toBeNaN();
  });

  it('gives infinities for huge exponents, which the coordinate range check rejects', () => {
    expect(parse('1e999')).toBe(Number.POSITIVE_INFINITY);
    expect(parse('-1e999')).toBe(Number.NEGATIVE_INFINITY);
  });
});
