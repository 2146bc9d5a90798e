import { describe, expect, it } from 'vitest';
import { readCases } from './case-reader.js';
import { companionCsv } from './output.js';
import { resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';
import { queryCompanions } from './query.js';

const enc = new TextEncoder();
const { params } = resolveParams();

function companions(pings: string, cases: string): string[] {
  const reader = new PingReader(params, () => {});
  reader.push(enc.encode(pings));
  const index = buildIndex(reader, reader.finish(), params);
  const { cases: list } = readCases([enc.encode(cases)], params.tzOffset, () => {});
  return [...companionCsv(index, list, queryCompanions(index, list, params))]
    .map((b) => new TextDecoder().decode(b))
    .join('')
    .trim()
    .split('\n')
    .slice(1);
}

/** Subject `who` shares case k's cell for 800 s. */
const pingsWith = (...who: string[]) =>
  [
    'subject,ts,lon,lat',
    'k,0,106.552,29.562',
    'k,1000,106.552,29.562',
    ...who.flatMap((w) => {
      const q = /[",\n]/.test(w) ? `"${w.replaceAll('"', '""')}"` : w;
      return [`${q},100,106.552,29.562`, `${q},900,106.552,29.562`];
    }),
  ].join('\n');

describe('companion CSV', () => {
  it('neutralises subjects a spreadsheet would run as formulas, and keeps ordinary ones byte-exact', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '@SUM(1+1)', "+cmd|' /C calc'!A0", '-2+3', '\tx'];
    const rows = companions(pingsWith(...hostile, '13800000001', 'a,b'), 'subject,from,to\nk,,\n');
    const subjects = rows.map((r) => r.slice(0, r.indexOf(',k,0:0')));
    expect(subjects.sort()).toEqual(
      [
        `"'=HYPERLINK(""http://x"",""y"")"`,
        "'@SUM(1+1)",
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'\tx",
        '13800000001',
        '"a,b"',
      ].sort(),
    );
    expect(rows).toContain('13800000001,k,0:0,1970-01-01T00:01:40Z,1970-01-01T00:15:00Z,800');
  });

  it('neutralises a formula-like case subject too', () => {
    const pings = pingsWith('s').replaceAll('\nk,', '\n=k,');
    expect(companions(pings, 'subject,from,to\n=k,,\n')).toEqual([
      "s,'=k,0:0,1970-01-01T00:01:40Z,1970-01-01T00:15:00Z,800",
    ]);
  });
});
