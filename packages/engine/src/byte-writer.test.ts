import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer.js';
import { formatInstant } from './instant.js';

const dec = new TextDecoder();

describe('ByteWriter', () => {
  it('writes instants exactly as formatInstant, across days, years and leap years', () => {
    const w = new ByteWriter(8);
    const want: string[] = [];
    for (let t = -4e9; t < 8e9; t += 86399 * 41 + 13) {
      for (const u of [t, t + 1, t + 86400]) {
        w.instant(u, formatInstant);
        w.byte(10);
        want.push(formatInstant(u));
      }
    }
    for (const u of [
      Date.UTC(2024, 1, 29, 23, 59, 59) / 1000,
      Date.UTC(2000, 0, 1) / 1000,
      -62167219200 - 86400,
    ]) {
      w.instant(u, formatInstant);
      w.byte(10);
      want.push(formatInstant(u));
    }
    expect(dec.decode(w.take()).split('\n').slice(0, -1)).toEqual(want);
  });

  it('writes whole numbers and bytes', () => {
    const w = new ByteWriter(1);
    for (const v of [0, 7, 10, 600, -42, 9007199254740991]) {
      w.int(v);
      w.byte(44);
    }
    w.bytes(new TextEncoder().encode('é'));
    expect(dec.decode(w.take())).toBe('0,7,10,600,-42,9007199254740991,é');
    expect(w.length).toBe(0);
  });
});
