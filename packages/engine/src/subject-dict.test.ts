import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubjectDict } from './subject-dict.js';

/** Byte strings made to collide in the slot's key words: NULs, lengths around 11–13, shared heads. */
const subject = fc.oneof(
  fc.uint8Array({ maxLength: 30 }),
  fc
    .tuple(fc.constantFrom('1380013800', '13800138000', 'abcdefghijk'), fc.uint8Array({ maxLength: 4 }))
    .map(([head, tail]) => Uint8Array.from([...new TextEncoder().encode(head), ...tail])),
  fc.array(fc.constantFrom(0, 1, 2, 12, 13), { maxLength: 14 }).map((a) => Uint8Array.from(a)),
);

describe('SubjectDict', () => {
  it('gives one id per distinct byte string, in order of first appearance, through rehashes', () => {
    fc.assert(
      fc.property(fc.array(subject, { maxLength: 3000, size: 'max' }), (list) => {
        const dict = new SubjectDict();
        const seen = new Map<string, number>();
        for (const b of list) {
          // In the middle of a larger buffer, as the reader passes them.
          const buf = new Uint8Array(b.length + 6).fill(7);
          buf.set(b, 3);
          const key = Array.from(b).join(',');
          const want = seen.get(key) ?? seen.size;
          seen.set(key, want);
          expect(dict.intern(buf, 3, 3 + b.length)).toBe(want);
        }
        expect(dict.size).toBe(seen.size);
        for (const [key, id] of seen) {
          const bytes = dict.bytes.subarray(dict.offsets[id], dict.offsets[id + 1]);
          expect(Array.from(bytes).join(',')).toBe(key);
        }
      }),
      { numRuns: 200, seed: 31 },
    );
  });

  it('finds every subject again after the table has grown several times', () => {
    const dict = new SubjectDict();
    const enc = new TextEncoder();
    // Phone-like (held whole in the slot) and 64-hex-like (finished in the arena), 60k of them.
    const names = Array.from({ length: 60_000 }, (_, k) =>
      enc.encode(k % 2 === 0 ? `138${String(k).padStart(8, '0')}` : `${k.toString(16).padStart(40, '-')}`),
    );
    expect(names.map((b) => dict.intern(b, 0, b.length))).toEqual(names.map((_, k) => k));
    expect(names.map((b) => dict.intern(b, 0, b.length))).toEqual(names.map((_, k) => k));
    expect(dict.size).toBe(names.length);
  });

  it("tells a short subject from long ones that start with the short one's slot words", () => {
    const dict = new SubjectDict();
    // "ab" is held as a b 0 … 0 and its length + 1 (3) in byte 11; these long ones start so too.
    const longs = Array.from({ length: 3000 }, (_, k) =>
      Uint8Array.of(97, 98, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, k & 0xff, k >> 8),
    );
    expect(longs.map((b) => dict.intern(b, 0, b.length))).toEqual(longs.map((_, k) => k));
    // Its probe meets long slots with equal words before any empty one; none of them is it.
    expect(dict.intern(Uint8Array.of(97, 98), 0, 2)).toBe(3000);
    expect(dict.intern(longs[0], 0, 12)).toBe(3001);
    expect(longs.map((b) => dict.intern(b, 0, b.length))).toEqual(longs.map((_, k) => k));
  });

  it('orders subjects byte-wise, a prefix before its extensions, and packs the names in that order', () => {
    fc.assert(
      fc.property(fc.array(subject, { maxLength: 400, size: 'max' }), (list) => {
        const dict = new SubjectDict();
        for (const b of list) dict.intern(b, 0, b.length);
        const { order, bytes, offsets } = dict.byteOrder();
        const names = Array.from(order, (id) =>
          Buffer.from(dict.bytes.subarray(dict.offsets[id], dict.offsets[id + 1])),
        );
        const want = [...names].sort(Buffer.compare);
        expect(names).toEqual(want);
        expect(Array.from(order, (_, r) => Buffer.from(bytes.subarray(offsets[r], offsets[r + 1])))).toEqual(
          want,
        );
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: dict.size }, (_, k) => k));
      }),
      { numRuns: 200, seed: 37 },
    );
  });

  it('completes an order taken before the last subjects were added: the same as sorting all at once', () => {
    fc.assert(
      fc.property(
        fc.array(subject, { maxLength: 400, size: 'max' }),
        fc.array(subject, { maxLength: 120 }),
        (first, later) => {
          const dict = new SubjectDict();
          for (const b of first) dict.intern(b, 0, b.length);
          const earlier = dict.byteOrder();
          for (const b of later) dict.intern(b, 0, b.length);
          const whole = new SubjectDict();
          for (const b of [...first, ...later]) whole.intern(b, 0, b.length);
          const got = dict.byteOrder(earlier);
          const want = whole.byteOrder();
          expect(Array.from(got.order)).toEqual(Array.from(want.order));
          expect(Buffer.from(got.bytes)).toEqual(Buffer.from(want.bytes));
          expect(Array.from(got.offsets)).toEqual(Array.from(want.offsets));
        },
      ),
      { numRuns: 200, seed: 41 },
    );
  });
});
