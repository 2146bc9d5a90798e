import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords, unquote } from './csv-records.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Tokenizes text pushed in the given pieces; returns [line, fields, problem] per record. */
function tokenize(text: string | Uint8Array, cuts: number[] = []): [number, string[], number][] {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  const out: [number, string[], number][] = [];
  const csv = new CsvRecords((buf, fields, line, problem) => {
    const values: string[] = [];
    for (let f = 0; f < fields; f++) {
      const raw = csv.escaped[f]
        ? unquote(buf, csv.start[f], csv.end[f])
        : buf.subarray(csv.start[f], csv.end[f]);
      values.push(dec.decode(raw));
    }
    out.push([line, values, problem]);
  });
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= bytes.length) continue;
    csv.push(bytes.subarray(at, c));
    at = c;
  }
  csv.push(bytes.subarray(at));
  csv.finish();
  return out;
}

describe('CSV records', () => {
  it('splits plain records and numbers lines from 1', () => {
    expect(tokenize('a,b\n1,2\n')).toEqual([
      [1, ['a', 'b'], 0],
      [2, ['1', '2'], 0],
    ]);
  });

  it('handles CRLF, a missing final newline and a BOM', () => {
    expect(tokenize('\ufeffa,b\r\n1,2')).toEqual([
      [1, ['a', 'b'], 0],
      [2, ['1', '2'], 0],
    ]);
    expect(tokenize('a\r\n1\r')).toEqual([
      [1, ['a'], 0],
      [2, ['1'], 0],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks; lines count physical lines', () => {
    expect(tokenize('s,t\n"a,b","say ""hi"""\n"multi\nline",x\nlast,y\n')).toEqual([
      [1, ['s', 't'], 0],
      [2, ['a,b', 'say "hi"'], 0],
      [3, ['multi\nline', 'x'], 0],
      [5, ['last', 'y'], 0],
    ]);
  });

  it('keeps blank lines as empty records and reports an unterminated quote', () => {
    expect(tokenize('a\n\n\r\nb\n"open\nrest')).toEqual([
      [1, ['a'], 0],
      [2, [''], 0],
      [3, [''], 0],
      [4, ['b'], 0],
      [5, ['open\nrest'], 1],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'subject,ts\n"a,""b""",1\r\nc,"2\n3"\n\nd,4\r\n"e",""\n"x"y,z\n';
    const whole = tokenize(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length }), { maxLength: 8 }), (cuts) => {
        expect(tokenize(text, cuts)).toEqual(whole);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('gives the same records for any text whatever the chunk boundaries', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', ',', '"', '\n', '\r'), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 6 }), (t, cuts) => {
        expect(tokenize(t, cuts)).toEqual(tokenize(t));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('splits a BOM across chunks', () => {
    const bytes = enc.encode('\ufeffa\n1\n');
    expect(tokenize(bytes, [1, 2])).toEqual([
      [1, ['a'], 0],
      [2, ['1'], 0],
    ]);
  });

  it('keeps no reference to a pushed chunk (a reader reuses its Buffer)', () => {
    const text = enc.encode('a,b\nlong-record,123456\nx,y\n');
    const got: string[] = [];
    const csv = new CsvRecords((buf, fields) => {
      got.push(dec.decode(buf.subarray(csv.start[0], csv.end[fields - 1])));
    });
    const reused = Buffer.alloc(7);
    for (let at = 0; at < text.length; at += 7) {
      const n = Math.min(7, text.length - at);
      reused.set(text.subarray(at, at + n));
      csv.push(reused.subarray(0, n));
      reused.fill(0x21);
    }
    csv.finish();
    expect(got).toEqual(['a,b', 'long-record,123456', 'x,y']);
  });
});
