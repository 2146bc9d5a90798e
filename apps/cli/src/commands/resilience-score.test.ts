/**
 * `renxing resilience score` on small hand-computed cities: exact bytes of the scores and the
 * rejects, CSV and XLSX, and unusable input stopping the run before anything is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { cell, command, resilienceScoreCommand } from './resilience-score.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-resilience-score-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const p = (f: string) => path.join(dir, f);
const read = (f: string) => fs.readFileSync(p(f), 'utf8');

/** `renxing <argv>` as main.ts runs it (a RenxingError below 500 is exit 2), in this process. */
async function cli(argv: string[], locale: 'en' | 'zh-CN' = 'en') {
  let err = '';
  const stream = { write: (s: string) => (err += s) };
  try {
    const { command: chosen, flags } = parseCommandLine(argv, [command]);
    if (chosen !== command) throw new Error('not resilience score');
    const summary = await resilienceScoreCommand(flags, locale, { err: stream });
    return { code: 0, err, summary };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, err: `${e.code}: ${e.localized(locale)}`, summary: undefined };
  }
}

const score = (s: string, v: string, out: string, ...more: string[]) =>
  cli(['resilience', 'score', '--indicators', p(s), '--values', p(v), '--out', p(out), ...more]);

const INDICATORS = [
  'key,mechanism,trait,direction,unit',
  'e1,engineering,redundancy,higher,share',
  'e2,Engineering,redundancy,lower,', // words in any case
  'i1,institutional,adaptability,higher,',
  's1,social,self_organisation,lower,',
  'e1,social,redundancy,higher,', // 6: a second e1
  'x1,economic,redundancy,higher,', // 7
  'x2,social,grit,higher,', // 8
  'x3,social,redundancy,up,', // 9
  ',social,redundancy,higher,', // 10
  '',
].join('\n');

// e1 (higher): a 0, b 2, c 8 → 0, 0.25, 1; e2 (lower): a 2, b 4, 社区d 6 → 1, 0.5, 0;
// i1 (higher): a 3, c 7 → 0, 1; s1 (lower): a, b, c 9 → max = min, 0.5 each.
const VALUES = [
  'value,key,community,note', // columns by name, in any order, one more ignored
  '8,e1,c,',
  '0,e1,a,',
  '2,e1,b,',
  '2,e2,a,',
  '4,e2,b,',
  '6,e2,社区d,',
  '3,i1,a,',
  '7,i1,c,',
  '9,s1,a,',
  '9 ,s1,b,',
  '9.0,s1,c,',
  '1,x1,z,', // 13: x1 was refused
  '5,e1,a,', // 14: a second (a, e1)
  'abc,i1,b,', // 15
  ',i1,"e,1",', // 16: no value: "e,1" is listed with empty cells
  '1,e1,,', // 17: community empty
  '1e999,s1,z,', // 18: not finite
  '',
].join('\n');

const SCORES = [
  'community,engineering,institutional,social,index,self_organisation,redundancy,adaptability',
  'a,0.500000,0.000000,0.500000,1.000000,0.500000,0.500000,0.000000',
  'b,0.375000,,0.500000,0.875000,0.500000,0.375000,',
  'c,1.000000,1.000000,0.500000,2.500000,0.500000,1.000000,1.000000',
  '"e,1",,,,,,,',
  '社区d,0.000000,,,0.000000,,0.000000,',
  '',
].join('\n');

const REJECTS = [
  'file,line,reason',
  'indicators,6,key is a duplicate',
  'indicators,7,"mechanism is not engineering, institutional or social"',
  'indicators,8,"trait is not self_organisation, redundancy or adaptability"',
  'indicators,9,direction is not higher or lower',
  'indicators,10,key is empty',
  'values,13,key is not an indicator of the indicators file',
  'values,14,a second row for this community and key',
  'values,15,value is not a finite number',
  'values,17,community is empty',
  'values,18,value is not a finite number',
  '',
].join('\n');

describe('renxing resilience score: a worked example', () => {
  beforeAll(() => {
    fs.writeFileSync(p('s.csv'), INDICATORS);
    fs.writeFileSync(p('v.csv'), VALUES);
  });

  it('writes the scores by community in byte order, the rejects next to the output, the summary', async () => {
    const r = await score('s.csv', 'v.csv', 'o.csv', '--summary', p('sum.json'));
    expect(r.code).toBe(0);
    expect(read('o.csv')).toBe(SCORES);
    expect(read('o.csv.rejects.csv')).toBe(REJECTS);
    expect(JSON.parse(read('sum.json'))).toEqual({
      indicators: 4,
      values: 11,
      communities: 5,
      scored: 4,
      rejects: 10,
    });
    expect(r.err).toContain('indicators 4, values 11, rejects 10');
    expect(r.err).toContain('communities 5 (with an index 4)');
  });

  it('rounds to 6 decimals; --rejects puts the rejects elsewhere; the summary in Chinese', async () => {
    fs.writeFileSync(
      p('s3.csv'),
      'key,mechanism,trait,direction\nk,engineering,redundancy,higher\nm,social,redundancy,lower\n',
    );
    // k: p 0, q 1, r 3 → q 1/3; m (lower): p 0, q 2, r 3 → q 1 − 2/3; r's tiny edge stays 1.
    fs.writeFileSync(p('v3.csv'), 'community,key,value\np,k,0\nq,k,1\nr,k,3\np,m,0\nq,m,2\nr,m,3\n');
    const r = await cli(
      [
        'resilience',
        'score',
        '--indicators',
        p('s3.csv'),
        '--values',
        p('v3.csv'),
        '--out',
        p('o3.csv'),
        '--rejects',
        p('j3.csv'),
      ],
      'zh-CN',
    );
    expect(r.code).toBe(0);
    expect(read('o3.csv')).toBe(
      [
        'community,engineering,institutional,social,index,self_organisation,redundancy,adaptability',
        'p,0.000000,,1.000000,1.000000,,0.500000,',
        'q,0.333333,,0.333333,0.666667,,0.333333,',
        'r,1.000000,,0.000000,1.000000,,0.500000,',
        '',
      ].join('\n'),
    );
    expect(read('j3.csv')).toBe('file,line,reason\n');
    expect(fs.existsSync(p('o3.csv.rejects.csv'))).toBe(false);
    expect(r.err).toContain('社区 3（有指数 3）');
  });

  it('never writes -0.000000', () => {
    expect(cell(-1e-9)).toBe('0.000000');
    expect(cell(-0)).toBe('0.000000');
    expect(cell(2 / 3)).toBe('0.666667');
    expect(cell(3 - 1e-7)).toBe('3.000000');
    expect(cell(null)).toBe('');
  });

  it('reads XLSX as well as CSV, with the same lines', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('values');
    for (const line of VALUES.split('\n').slice(0, 12)) {
      const cells: (string | number)[] = line.split(',');
      // Values as numbers, as a spreadsheet holds them.
      if (/^[0-9.]+$/.test(String(cells[0]))) cells[0] = Number(cells[0]);
      sheet.addRow(cells);
    }
    await book.xlsx.writeFile(p('v.xlsx'));
    const r = await score('s.csv', 'v.xlsx', 'o-x.csv');
    expect(r.code).toBe(0);
    expect(read('o-x.csv')).toBe(SCORES.replace('"e,1",,,,,,,\n', ''));
    expect(read('o-x.csv.rejects.csv')).toBe(
      REJECTS.split('\n')
        .filter((l) => !l.startsWith('values'))
        .join('\n'),
    );
  });
});

describe('renxing resilience score: unusable input stops the run', () => {
  beforeAll(() => {
    fs.writeFileSync(p('ok-s.csv'), 'key,mechanism,trait,direction\nk,social,redundancy,higher\n');
    fs.writeFileSync(p('ok-v.csv'), 'community,key,value\nc1,k,1\n');
    fs.writeFileSync(p('nocol-s.csv'), 'key,mechanism,trait\nk,social,redundancy\n');
    fs.writeFileSync(p('nocol-v.csv'), 'community,Key,val\n');
    fs.writeFileSync(p('empty.csv'), '');
  });

  it.each([
    ['nocol-s.csv', 'ok-v.csv', 'RX_MISSING_COLUMN', 'lacks a required column: direction'],
    ['ok-s.csv', 'nocol-v.csv', 'RX_MISSING_COLUMN', 'lacks a required column: key, value'],
    ['empty.csv', 'ok-v.csv', 'RX_FILE_EMPTY', 'empty.csv is empty'],
    ['ok-s.csv', 'nope.csv', 'RX_FILE_UNREADABLE', 'cannot open'],
  ])('%s + %s → exit 2, %s', async (s, v, code, text) => {
    const out = `o-${code}-${s}-${v}.csv`;
    const r = await score(s, v, out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(code);
    expect(r.err).toContain(text);
    expect(fs.existsSync(p(out))).toBe(false);
  });

  it('a flag missing, or one it does not take, is exit 2', async () => {
    const r = await cli(['resilience', 'score', '--indicators', p('ok-s.csv'), '--out', p('o-nf.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--values');
    const u = await cli(['resilience', 'score', '--assets', p('ok-s.csv')]);
    expect(u.code).toBe(2);
    expect(u.err).toContain('RX_UNKNOWN_FLAG');
  });

  it('the command runs to exit 0 as main.ts calls it', async () => {
    const { flags } = parseCommandLine(
      [
        'resilience',
        'score',
        '--indicators',
        p('ok-s.csv'),
        '--values',
        p('ok-v.csv'),
        '--out',
        p('o-run.csv'),
      ],
      [command],
    );
    const saved = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await command.run(flags, 'en')).toBe(0);
    } finally {
      process.stderr.write = saved;
    }
    expect(read('o-run.csv')).toBe(`${SCORES.split('\n')[0]}\nc1,,,0.500000,0.500000,,0.500000,\n`);
  });
});
