/**
 * "Bad input never crashes and never loses data": whatever bytes arrive, the reader neither throws
 * nor drops a record silently — every record after the header is kept or rejected with its line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from './csv-records.js';
import { companionsFromCsv } from './run.js';

const enc = new TextEncoder();

const goodRow = fc
  .tuple(
    fc.constantFrom('a', 'b', '13800000000', '"x,y"', 'é'),
    fc.integer({ min: 0, max: 5000 }),
    fc.double({ min: 106.5, max: 106.6, noNaN: true }),
    fc.double({ min: 29.5, max: 29.6, noNaN: true }),
  )
  .map(([s, t, lon, lat]) => `${s},${t},${lon},${lat}`);
const badRow = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    ',,,',
    'a,yesterday,1,1',
    'a,1,NaN,1',
    'a,1,1,Infinity',
    'a,1,200,1',
    '"open',
    'a,1',
    'a,1,1,1,extra',
  ),
  fc.uint8Array({ maxLength: 20 }).map((b) => String.fromCharCode(...b.filter((c) => c !== 10))),
);

/** Records after the header, counted by the tokenizer itself. */
function dataRecords(bytes: Uint8Array): number {
  let n = 0;
  const csv = new CsvRecords(() => {
    n++;
  });
  csv.push(bytes);
  csv.finish();
  return n - 1;
}

describe('bad input', () => {
  it('keeps or rejects every record, never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(goodRow, badRow), { maxLength: 40 }),
        fc.uint8Array({ maxLength: 8 }),
        (rows, junk) => {
          const text = enc.encode(`subject,ts,lon,lat\n${rows.join('\n')}\n`);
          const bytes = new Uint8Array([...text, ...junk]);
          const r = companionsFromCsv(bytes, enc.encode('subject,from,to\na,,\n'));
          const rejectLines = r.rejectsCsv.trim().split('\n').slice(1);
          expect(r.summary.ping_rejects).toBe(rejectLines.length);
          expect(r.summary.pings + r.summary.ping_rejects).toBe(dataRecords(bytes));
          for (const line of rejectLines) expect(line).toMatch(/^pings,\d+,[a-zA-Z0-9 -]+$/);
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });
});
