import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { loadCommands } from './index.js';
import { screeningResolveCommand } from './screening-resolve.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-screening-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const p = (f: string) => path.join(dir, f);
const read = (f: string) => fs.readFileSync(p(f), 'utf8');

function sink() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
    } as unknown as typeof process.stderr,
    text: () => text,
  };
}

/**
 * `renxing <argv>` as main.ts runs it (the command line parsed against the registered commands'
 * flags, a RenxingError mapped to exit 2 when its status is below 500), in this process.
 */
async function cli(argv: string[], locale: 'en' | 'zh-CN' = 'en') {
  const err = sink();
  try {
    const { command, flags } = parseCommandLine(argv, await loadCommands());
    if (command?.words.join(' ') !== 'screening resolve') throw new Error('not screening resolve');
    const summary = await screeningResolveCommand(flags, locale, { err: err.stream });
    return { code: 0, err: err.text(), summary };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, err: e.localized(locale), summary: undefined };
  }
}

const resolve = (tubes: string, results: string, out: string, ...more: string[]) =>
  cli(['screening', 'resolve', '--tubes', p(tubes), '--results', p(results), '--out', p(out), ...more]);

// 2026-12-06 09:00:00 +08:00 as epoch seconds.
const GINA_AT = 1796518800;

/** A city's morning of screening: pooled and single tubes, every outcome, every reject reason. */
const TUBES = [
  'tube,k,sampled_at,person',
  'P1,10,2026-12-06 08:00:00,alice', // 2: pooled, positive
  'P1,10,2026-12-06 08:00:00,bob',
  'P1,10,2026-12-06 08:00:00,carol',
  'P1,10,2026-12-06 08:00:00,dave',
  'P1,10,2026-12-06 08:00:00,alice', // 6: alice scanned again into the same tube: no-op
  'S1,1,2026-12-07 09:00:00,alice', // 7: alice's re-test, negative
  'S2,1,2026-12-07T09:30:00+08:00,bob', // 8: bob's re-test, positive
  'S3,1,2026-12-08 09:00:00,bob', // 9: a later negative: the earliest re-test decides
  'S4,1,2026-12-06 07:00:00,carol', // 10: sampled before the pool: not a re-test
  'S5,1,2026-12-07 10:00:00,dave', // 11: re-test with no result yet
  'N1,5,2026-12-06T00:30:00Z,erin', // 12: pooled, negative
  'N1,5,2026-12-06T00:30:00Z,frank',
  `Q1,1,${GINA_AT},gina`, // 14: single, positive
  'I1,3,2026-12-06 10:00:00,hank', // 15: invalid
  'W1,1,2026-12-06 11:00:00,ivan', // 16: no result
  'F1,2,2026-12-06 12:00:00,jack',
  'F1,2,2026-12-06 12:00:00,kate',
  'F1,2,2026-12-06 12:00:00,liam', // 19: tube full
  ',1,2026-12-06 12:00:00,mia', // 20: tube is empty
  'B1,0,2026-12-06 12:00:00,mia', // 21: bad k
  'B2,51,2026-12-06 12:00:00,mia', // 22: bad k
  'B3,abc,2026-12-06 12:00:00,mia', // 23: bad k
  'B4,1,yesterday,mia', // 24: bad sampled_at
  'B5,1,2026-12-06 12:00:00,', // 25: person is empty
  'F1,3,2026-12-06 12:00:00,nora', // 26: k differs
  'F1,2,2026-12-06 13:00:00,nora', // 27: sampled_at differs
  '"Z,1",1,2026-12-06 12:00:00,"o""neil"', // 28: cells that need quoting
  '"bad', // 29–30: one record over two physical lines, bad k
  'tube",0,2026-12-06 12:00:00,x',
  'B6,1,nope,y', // 31: bad sampled_at
  '',
].join('\n');

const RESULTS = [
  'lab,result , tube,reported_at,ct', // columns by name, in any order, extra ones ignored
  'L1,positive,P1,2026-12-06 20:00:00,30',
  'L1,negative,S1,2026-12-07 20:00:00,',
  'L1, Positive ,S2,2026-12-07 20:00:00,', // 4: case-insensitive, spaces trimmed
  'L1,negative,S3,2026-12-08 20:00:00,',
  'L1,negative,S4,2026-12-06 07:30:00,',
  'L1,NEGATIVE,N1,2026-12-06 20:00:00,',
  'L1,positive,Q1,2026-12-06 20:00:00,',
  'L1,invalid,I1,2026-12-06 20:00:00,',
  'L1,positive,P1,2026-12-06 21:00:00,', // 10: the same result again: no-op
  'L1,negative,P1,2026-12-06 21:00:00,', // 11: a differing second result
  'L1,negative,NOPE,2026-12-06 21:00:00,', // 12: unknown tube
  'L1,maybe,W1,2026-12-06 21:00:00,', // 13: not a result word
  'L1,negative,W1,soon,', // 14: not an instant
  'L1,negative,W1,2026-12-06 10:59:59,', // 15: before W1 was sampled (11:00)
  'L1,negative,F1,2026-12-06 20:00:00,',
  'L1,negative,B1,2026-12-06 20:00:00,', // 17: B1's only row was rejected: unknown
  '',
].join('\n');

const OUT = [
  'person,tube,outcome,at',
  'alice,P1,retest_negative,2026-12-06T08:00:00+08:00',
  'alice,S1,negative,2026-12-07T09:00:00+08:00',
  'bob,P1,retest_positive,2026-12-06T08:00:00+08:00',
  'bob,S2,positive,2026-12-07T09:30:00+08:00',
  'bob,S3,negative,2026-12-08T09:00:00+08:00',
  'carol,S4,negative,2026-12-06T07:00:00+08:00',
  'carol,P1,awaiting_retest,2026-12-06T08:00:00+08:00',
  'dave,P1,awaiting_retest,2026-12-06T08:00:00+08:00',
  'dave,S5,pending,2026-12-07T10:00:00+08:00',
  'erin,N1,negative,2026-12-06T08:30:00+08:00',
  'frank,N1,negative,2026-12-06T08:30:00+08:00',
  'gina,Q1,positive,2026-12-06T09:00:00+08:00',
  'hank,I1,resample,2026-12-06T10:00:00+08:00',
  'ivan,W1,pending,2026-12-06T11:00:00+08:00',
  'jack,F1,negative,2026-12-06T12:00:00+08:00',
  'kate,F1,negative,2026-12-06T12:00:00+08:00',
  '"o""neil","Z,1",pending,2026-12-06T12:00:00+08:00',
  '',
].join('\n');

const REJECTS = [
  'file,line,reason',
  'tubes,19,tube full',
  'tubes,20,tube is empty',
  'tubes,21,k is not an integer from 1 to 50',
  'tubes,22,k is not an integer from 1 to 50',
  'tubes,23,k is not an integer from 1 to 50',
  'tubes,24,sampled_at is not an instant',
  'tubes,25,person is empty',
  "tubes,26,k differs from the tube's first row",
  "tubes,27,sampled_at differs from the tube's first row",
  'tubes,29,k is not an integer from 1 to 50',
  'tubes,31,sampled_at is not an instant',
  "results,11,result differs from the tube's first result",
  'results,12,unknown tube',
  'results,13,"result is not negative, positive or invalid"',
  'results,14,reported_at is not an instant',
  'results,15,reported before the sampling time',
  'results,17,unknown tube',
  '',
].join('\n');

const SUMMARY = {
  people: 12,
  tubes: 12,
  tests: 9,
  negative: 7,
  positive: 2,
  awaiting_retest: 2,
  rejects: 17,
};

describe('renxing screening resolve: a worked example', () => {
  beforeAll(() => {
    fs.writeFileSync(p('tubes.csv'), TUBES);
    fs.writeFileSync(p('results.csv'), RESULTS);
  });

  it('writes every member’s outcome, sorted, with `at` at +08:00; rejects by line; the summary', async () => {
    const r = await resolve(
      'tubes.csv',
      'results.csv',
      'o.csv',
      '--rejects',
      p('j.csv'),
      '--summary',
      p('s.json'),
    );
    expect(r.code).toBe(0);
    expect(read('o.csv')).toBe(OUT);
    expect(read('j.csv')).toBe(REJECTS);
    expect(JSON.parse(read('s.json'))).toEqual(SUMMARY);
    expect(r.err).toMatch(/awaiting single-tube re-test\s+2/);
    expect(r.err).toMatch(/tube rows rejected\s+11/);
    expect(r.err).toMatch(/result rows rejected\s+6/);
  });

  it('writes the rejects next to the output when --rejects is not given, and re-running changes nothing', async () => {
    const first = await resolve('tubes.csv', 'results.csv', 'o2.csv');
    expect(first.code).toBe(0);
    expect(read('o2.csv.rejects.csv')).toBe(REJECTS);
    // The results file twice over: every second copy is the same result again (a no-op) or an
    // already-rejected row, so the outcomes are the same and only the rejects double.
    const body = RESULTS.split('\n').slice(1).join('\n');
    fs.writeFileSync(p('results-twice.csv'), `${RESULTS}${body}`);
    const again = await resolve('tubes.csv', 'results-twice.csv', 'o3.csv', '--summary', p('s3.json'));
    expect(again.code).toBe(0);
    expect(read('o3.csv')).toBe(OUT);
    expect(JSON.parse(read('s3.json'))).toEqual({ ...SUMMARY, rejects: 11 + 6 + 6 });
    const resultRejects = read('o3.csv.rejects.csv')
      .split('\n')
      .filter((l) => l.startsWith('results,'))
      .map((l) => Number(l.split(',')[1]));
    expect(resultRejects).toEqual([11, 12, 13, 14, 15, 17, 27, 28, 29, 30, 31, 33]);
  });

  it('a same result for a tube is a no-op, a different one a reject', async () => {
    fs.writeFileSync(p('t-one.csv'), 'tube,k,sampled_at,person\nA,5,2026-12-06 08:00:00,x\n');
    fs.writeFileSync(
      p('r-one.csv'),
      'tube,result,reported_at\nA,negative,2026-12-06 09:00:00\nA,Negative,2026-12-06 10:00:00\nA,invalid,2026-12-06 11:00:00\n',
    );
    const r = await resolve('t-one.csv', 'r-one.csv', 'o-one.csv', '--summary', p('s-one.json'));
    expect(r.code).toBe(0);
    expect(read('o-one.csv')).toBe('person,tube,outcome,at\nx,A,negative,2026-12-06T08:00:00+08:00\n');
    expect(read('o-one.csv.rejects.csv')).toBe(
      "file,line,reason\nresults,4,result differs from the tube's first result\n",
    );
    expect(JSON.parse(read('s-one.json'))).toMatchObject({ tests: 1, rejects: 1 });
  });

  it('reads XLSX as well as CSV, with the same lines', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('tubes');
    for (const line of TUBES.split('\n').slice(0, 27)) sheet.addRow(line.split(','));
    await book.xlsx.writeFile(p('tubes.xlsx'));
    const r = await resolve('tubes.xlsx', 'results.csv', 'o-x.csv');
    expect(r.code).toBe(0);
    expect(read('o-x.csv')).toBe(
      OUT.split('\n')
        .filter((l) => !l.startsWith('"o'))
        .join('\n'),
    );
    expect(read('o-x.csv.rejects.csv')).toBe(
      REJECTS.split('\n')
        .filter((l) => !/^tubes,(29|31),/.test(l))
        .join('\n'),
    );
  });
});

describe('renxing screening resolve: order and time', () => {
  it('sorts by person, then sampling time, then tube, all in UTF-8 byte order', async () => {
    const people = ['😀', 'ｚ', '张', 'b', 'B', '9', '10'];
    const rows = ['tube,k,sampled_at,person'];
    for (const who of people) {
      rows.push(`T9,10,2026-12-06 08:00:00,${who}`);
      rows.push(`T10,10,2026-12-06 08:00:00,${who}`);
      rows.push(`A,10,2026-12-06 09:00:00,${who}`);
    }
    fs.writeFileSync(p('t-sort.csv'), `${rows.join('\n')}\n`);
    fs.writeFileSync(p('r-sort.csv'), 'tube,result,reported_at\n');
    const r = await resolve('t-sort.csv', 'r-sort.csv', 'o-sort.csv', '--summary', p('s-sort.json'));
    expect(r.code).toBe(0);
    const expected = ['10', '9', 'B', 'b', '张', 'ｚ', '😀'].flatMap((who) => [
      `${who},T10,pending,2026-12-06T08:00:00+08:00`,
      `${who},T9,pending,2026-12-06T08:00:00+08:00`,
      `${who},A,pending,2026-12-06T09:00:00+08:00`,
    ]);
    expect(read('o-sort.csv')).toBe(`person,tube,outcome,at\n${expected.join('\n')}\n`);
    expect(JSON.parse(read('s-sort.json'))).toEqual({
      people: 7,
      tubes: 3,
      tests: 0,
      negative: 0,
      positive: 0,
      awaiting_retest: 0,
      rejects: 0,
    });
  });

  it('reads instants without an offset at --tz-offset and writes `at` at it', async () => {
    fs.writeFileSync(
      p('t-tz.csv'),
      'tube,k,sampled_at,person\nA,1,2026-12-06 08:00:00,x\nB,1,2026-12-06T00:00:00Z,y\n',
    );
    fs.writeFileSync(p('r-tz.csv'), 'tube,result,reported_at\n');
    await resolve('t-tz.csv', 'r-tz.csv', 'o-tz.csv', '--tz-offset', '+09:00');
    expect(read('o-tz.csv')).toBe(
      'person,tube,outcome,at\nx,A,pending,2026-12-06T08:00:00+09:00\ny,B,pending,2026-12-06T09:00:00+09:00\n',
    );
    const bad = await resolve('t-tz.csv', 'r-tz.csv', 'o-tz.csv', '--tz-offset', '8');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('RX_BAD_FLAG');
  });
});

describe('renxing screening resolve: unusable input stops the run', () => {
  beforeAll(() => {
    fs.writeFileSync(p('ok-t.csv'), 'tube,k,sampled_at,person\nA,1,2026-12-06 08:00:00,x\n');
    fs.writeFileSync(p('ok-r.csv'), 'tube,result,reported_at\n');
    fs.writeFileSync(p('nocol-t.csv'), 'tube,K,sampled_at,person\nA,1,2026-12-06 08:00:00,x\n');
    fs.writeFileSync(p('nocol-r.csv'), 'tube,result\nA,negative\n');
    fs.writeFileSync(p('empty.csv'), '');
    fs.writeFileSync(p('blank.csv'), '\n\n');
  });

  it.each([
    ['nocol-t.csv', 'ok-r.csv', 'RX_MISSING_COLUMN', 'lacks a required column: k'],
    ['ok-t.csv', 'nocol-r.csv', 'RX_MISSING_COLUMN', 'lacks a required column: reported_at'],
    ['empty.csv', 'ok-r.csv', 'RX_FILE_EMPTY', 'empty.csv is empty'],
    ['ok-t.csv', 'blank.csv', 'RX_FILE_EMPTY', 'blank.csv is empty'],
    ['nope.csv', 'ok-r.csv', 'RX_FILE_UNREADABLE', 'cannot open'],
  ])('%s + %s → exit 2, %s', async (tubes, results, code, text) => {
    const out = `o-${code}-${tubes}-${results}.csv`;
    const r = await resolve(tubes, results, out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(code);
    expect(r.err).toContain(text);
    expect(fs.existsSync(p(out))).toBe(false);
  });

  it('names the missing column in Chinese under zh-CN', async () => {
    const r = await cli(
      [
        'screening',
        'resolve',
        '--tubes',
        p('nocol-t.csv'),
        '--results',
        p('ok-r.csv'),
        '--out',
        p('o-zh.csv'),
      ],
      'zh-CN',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少必需的列：k');
  });

  it('needs --tubes, --results and --out', async () => {
    for (const drop of ['--tubes', '--results', '--out']) {
      const argv = ['--tubes', p('ok-t.csv'), '--results', p('ok-r.csv'), '--out', p('o-m.csv')];
      const i = argv.indexOf(drop);
      argv.splice(i, 2);
      const r = await cli(['screening', 'resolve', ...argv]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`RX_MISSING_FLAG: missing option ${drop}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: on random small inputs, resolve's files equal a brute-force oracle written here
// straight from shared/contracts/screening.md (no use of the screening rules).

const BASE = Date.UTC(2026, 11, 6, 0, 0, 0) / 1000; // 2026-12-06 08:00:00 +08:00
const CITY = 8 * 3600;
const BARCODES = ['T1', 't1', 'T10', 'T9', 'A,1', '管1'];
const PEOPLE = ['a', 'b', 'B', '张', '😀', 'ｚ', '10', '9'];
const FORMATS = ['space', 'T', 'Z', 'offset', 'epoch', 'fraction'] as const;

const isoAt = (t: number) => new Date(t * 1000).toISOString().slice(0, 19);
function render(t: number, format: (typeof FORMATS)[number]): string {
  switch (format) {
    case 'space':
      return isoAt(t + CITY).replace('T', ' ');
    case 'T':
      return isoAt(t + CITY);
    case 'Z':
      return `${isoAt(t)}Z`;
    case 'offset':
      return `${isoAt(t + CITY)}+08:00`;
    case 'epoch':
      return String(t);
    case 'fraction':
      return `${isoAt(t + CITY)}.75`;
  }
}
const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface TubeSpec {
  k: number;
  at: number;
}
type TubeLine =
  | { kind: 'member'; tube: number; person: number; format: (typeof FORMATS)[number] }
  | { kind: 'bad'; tube: number; person: number; defect: 'no tube' | 'bad k' | 'bad time' | 'no person' };
interface ResultLine {
  tube: number; // index into BARCODES, or BARCODES.length for a never-listed tube
  word: string;
  delta: number | null; // reported_at − sampling time, null: not an instant
  format: (typeof FORMATS)[number];
}

/** Mostly a few tubes and people, so that people share tubes and have re-tests. */
const someTube = fc.oneof(
  { weight: 3, arbitrary: fc.nat(3) },
  { weight: 1, arbitrary: fc.nat(BARCODES.length - 1) },
);
const somePerson = fc.oneof(
  { weight: 3, arbitrary: fc.nat(2) },
  { weight: 1, arbitrary: fc.nat(PEOPLE.length - 1) },
);

const arbitraryCase = fc.record({
  specs: fc.array(
    fc.record({
      k: fc.constantFrom(1, 1, 1, 2, 3, 5),
      at: fc.integer({ min: 0, max: 4 }).map((h) => BASE + h * 3600),
    }),
    { minLength: BARCODES.length, maxLength: BARCODES.length },
  ),
  tubeLines: fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('member' as const),
          tube: someTube,
          person: somePerson,
          format: fc.constantFrom(...FORMATS),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('bad' as const),
          tube: fc.nat(BARCODES.length - 1),
          person: fc.nat(PEOPLE.length - 1),
          defect: fc.constantFrom(
            'no tube' as const,
            'bad k' as const,
            'bad time' as const,
            'no person' as const,
          ),
        }),
      },
    ),
    { minLength: 4, maxLength: 30, size: 'medium' },
  ),
  resultLines: fc.array(
    fc.record({
      tube: fc.oneof(
        { weight: 8, arbitrary: someTube },
        { weight: 1, arbitrary: fc.constant(BARCODES.length) },
      ),
      word: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom('negative', 'positive', 'Positive', ' NEGATIVE ') },
        { weight: 1, arbitrary: fc.constantFrom('invalid', 'maybe') },
      ),
      delta: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(0, 1, 7200, 86400) },
        { weight: 1, arbitrary: fc.constantFrom(-1, null) },
      ),
      format: fc.constantFrom(...FORMATS),
    }),
    { maxLength: 16, size: 'medium' },
  ),
});

function writeCase(specs: TubeSpec[], tubeLines: TubeLine[], resultLines: ResultLine[]) {
  const tubes = ['tube,k,sampled_at,person'];
  for (const l of tubeLines) {
    const spec = specs[l.tube];
    let cells = [
      BARCODES[l.tube],
      String(spec.k),
      render(spec.at, l.kind === 'member' ? l.format : 'space'),
      PEOPLE[l.person],
    ];
    if (l.kind === 'bad') {
      if (l.defect === 'no tube') cells[0] = '';
      if (l.defect === 'bad k') cells[1] = '0';
      if (l.defect === 'bad time') cells[2] = '06/12/2026 08:00';
      if (l.defect === 'no person') cells[3] = '';
    }
    cells = cells.map(quote);
    tubes.push(cells.join(','));
  }
  const results = ['tube,result,reported_at'];
  for (const l of resultLines) {
    const barcode = l.tube < BARCODES.length ? BARCODES[l.tube] : 'never';
    const at = (l.tube < BARCODES.length ? specs[l.tube].at : BASE) + (l.delta ?? 0);
    results.push([barcode, l.word, l.delta === null ? 'soon' : render(at, l.format)].map(quote).join(','));
  }
  return { tubes: `${tubes.join('\n')}\n`, results: `${results.join('\r\n')}\r\n` };
}

/** The contract, brute force: admission in file order, then each member's outcome by its definition. */
function oracle(specs: TubeSpec[], tubeLines: TubeLine[], resultLines: ResultLine[]) {
  const rejects: string[] = [];
  const members = new Map<string, string[]>(); // accepted tubes, members in scan order
  const spec = new Map<string, TubeSpec>();
  tubeLines.forEach((l, i) => {
    const line = i + 2;
    const barcode = BARCODES[l.tube];
    if (l.kind === 'bad') {
      const reason = {
        'no tube': 'tube is empty',
        'bad k': 'k is not an integer from 1 to 50',
        'bad time': 'sampled_at is not an instant',
        'no person': 'person is empty',
      }[l.defect];
      rejects.push(`tubes,${line},${reason}`);
      return;
    }
    const list = members.get(barcode) ?? [];
    const person = PEOPLE[l.person];
    if (list.includes(person)) return; // the same swab scanned again
    if (list.length >= specs[l.tube].k) {
      rejects.push(`tubes,${line},tube full`);
      return;
    }
    list.push(person);
    members.set(barcode, list);
    spec.set(barcode, specs[l.tube]);
  });
  const result = new Map<string, string>();
  resultLines.forEach((l, i) => {
    const line = i + 2;
    const barcode = l.tube < BARCODES.length ? BARCODES[l.tube] : 'never';
    const word = l.word.trim().toLowerCase();
    let reason: string | undefined;
    if (!members.has(barcode)) reason = 'unknown tube';
    else if (!['negative', 'positive', 'invalid'].includes(word))
      reason = '"result is not negative, positive or invalid"';
    else if (l.delta === null) reason = 'reported_at is not an instant';
    else if (l.delta < 0) reason = 'reported before the sampling time';
    else if (result.has(barcode) && result.get(barcode) !== word)
      reason = "result differs from the tube's first result";
    else if (!result.has(barcode)) result.set(barcode, word);
    if (reason) rejects.push(`results,${line},${reason}`);
  });

  const rows: { person: string; tube: string; at: number; outcome: string }[] = [];
  for (const [tube, list] of members) {
    const { k, at } = spec.get(tube) as TubeSpec;
    for (const person of list) {
      const r = result.get(tube);
      let outcome: string;
      if (r === undefined) outcome = 'pending';
      else if (r === 'invalid') outcome = 'resample';
      else if (r === 'negative') outcome = 'negative';
      else if (k === 1) outcome = 'positive';
      else {
        // The earliest single tube of theirs sampled after the pool that has a result decides.
        const later = [...members]
          .filter(([t, m]) => spec.get(t)?.k === 1 && m.includes(person) && (spec.get(t)?.at ?? 0) > at)
          .filter(([t]) => result.get(t) === 'negative' || result.get(t) === 'positive')
          .sort(([x], [y]) => (spec.get(x)?.at ?? 0) - (spec.get(y)?.at ?? 0) || bytes(x, y));
        outcome = later.length === 0 ? 'awaiting_retest' : `retest_${result.get(later[0][0])}`;
      }
      rows.push({ person, tube, at, outcome });
    }
  }
  rows.sort((x, y) => bytes(x.person, y.person) || x.at - y.at || bytes(x.tube, y.tube));
  const out = rows.map((r) => `${quote(r.person)},${quote(r.tube)},${r.outcome},${isoAt(r.at + CITY)}+08:00`);
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return {
    out: `person,tube,outcome,at\n${out.map((l) => `${l}\n`).join('')}`,
    rejects: `file,line,reason\n${rejects.map((l) => `${l}\n`).join('')}`,
    summary: {
      people: new Set(rows.map((r) => r.person)).size,
      tubes: members.size,
      tests: [...result.keys()].length,
      negative: count('negative'),
      positive: count('positive'),
      awaiting_retest: count('awaiting_retest'),
      rejects: rejects.length,
    },
  };
}

describe('renxing screening resolve: against a brute-force oracle', () => {
  it('agrees on random small inputs (outputs, rejects, summary)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryCase, async ({ specs, tubeLines, resultLines }) => {
        run++;
        const files = writeCase(specs, tubeLines, resultLines);
        fs.writeFileSync(p(`pt-${run}.csv`), files.tubes);
        fs.writeFileSync(p(`pr-${run}.csv`), files.results);
        const r = await resolve(
          `pt-${run}.csv`,
          `pr-${run}.csv`,
          `po-${run}.csv`,
          '--summary',
          p(`ps-${run}.json`),
        );
        expect(r.code).toBe(0);
        const want = oracle(specs, tubeLines as TubeLine[], resultLines);
        expect(read(`po-${run}.csv`)).toBe(want.out);
        expect(read(`po-${run}.csv.rejects.csv`)).toBe(want.rejects);
        expect(JSON.parse(read(`ps-${run}.json`))).toEqual(want.summary);
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
