/**
 * `renxing infra alarms`: readings in any order replayed through the rules, hand-computed: a
 * pressure that sags below its threshold for a minute, a level crossing two rules at once, a
 * sensor that goes silent longer than its timeout, and every reject.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { loadCommands } from './index.js';
import { infraAlarmsCommand } from './infra-alarms.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-infra-alarms-'));
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

/** `renxing <argv>` as main.ts runs it (a RenxingError below 500 is exit 2), in this process. */
async function cli(argv: string[], locale: 'en' | 'zh-CN' = 'en') {
  const err = sink();
  try {
    const { command, flags } = parseCommandLine(argv, await loadCommands());
    if (command?.words.join(' ') !== 'infra alarms') throw new Error('not infra alarms');
    const summary = await infraAlarmsCommand(flags, locale, { err: err.stream });
    return { code: 0, err: err.text(), summary };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, err: `${e.code}: ${e.localized(locale)}`, summary: undefined };
  }
}

const alarms = (rules: string, readings: string, out: string, ...more: string[]) =>
  cli(['infra', 'alarms', '--rules', p(rules), '--readings', p(readings), '--out', p(out), ...more]);

const RULES = JSON.stringify([
  // p1: below 2 for a minute, cleared above 2.5; offline after 300 s.
  { sensor: 'p1', op: 'below', threshold: 2, hysteresis: 0.5, for: 60, timeout: 300 },
  { sensor: 'p1', op: 'above', threshold: 8 },
  // lvl: two rules; its timeout is the smaller positive one (120 s).
  { sensor: 'lvl', op: 'above', threshold: 5.5, hysteresis: 1, for: 0, timeout: 120 },
  { sensor: 'lvl', op: 'above', threshold: 6, timeout: 600 },
  { sensor: 'x', op: 'sideways', threshold: 1 }, // 5
  'nope', // 6
  { sensor: 'y', op: 'above', threshold: 1, for: -5 }, // 7
]);

const READINGS = [
  'sensor,ts,value',
  'p1,2026-12-06 08:10:00,9', // 2: after a 7-minute silence: offline at 08:08, online, clear, raise
  'lvl,2026-12-06T00:00:00Z,5', // 3
  'p1,2026-12-06 08:00:00,1.9', // 4: below 2: the minute starts
  'lvl,1796515200,6.5', // 5: the same instant as line 3, later in the file: both lvl rules raise
  'p1,2026-12-06T08:00:30+08:00,3', // 6: not below: the minute resets
  'p1,2026-12-06 08:01:00,1.5', // 7: starts again
  'lvl,2026-12-06 08:01:00,5', // 8: the second lvl rule clears (< 6); the first holds (≥ 4.5)
  'p1,2026-12-06 08:02:00,1.8', // 9: a minute below 2: raise
  'p1,2026-12-06 08:03:00,2.4', // 10: within the hysteresis: still raised
  'lvl,2026-12-06 08:04:00,4', // 11: 3 minutes after 08:01: offline at 08:03, online, clear
  ',2026-12-06 08:04:00,4', // 12
  'lvl,yesterday,4', // 13
  'lvl,2026-12-06 08:05:00,high', // 14
  'q,2026-12-06 08:05:00,100', // 15: a sensor without rules: nothing
  '',
].join('\n');

const OUT = [
  'sensor,event,ts,value',
  'lvl,raise,2026-12-06T00:00:00Z,6.5',
  'lvl,raise,2026-12-06T00:00:00Z,6.5',
  'lvl,clear,2026-12-06T00:01:00Z,5',
  'p1,raise,2026-12-06T00:02:00Z,1.8',
  'lvl,offline,2026-12-06T00:03:00Z,',
  'lvl,online,2026-12-06T00:04:00Z,4',
  'lvl,clear,2026-12-06T00:04:00Z,4',
  'p1,offline,2026-12-06T00:08:00Z,',
  'p1,online,2026-12-06T00:10:00Z,9',
  'p1,clear,2026-12-06T00:10:00Z,9',
  'p1,raise,2026-12-06T00:10:00Z,9',
  '',
].join('\n');

const REJECTS = [
  'file,line,reason',
  'rules,5,op is not above or below',
  'rules,6,rule is not an object',
  'rules,7,for is not a whole number of seconds ≥ 0',
  'readings,12,sensor is empty',
  'readings,13,ts is not an instant',
  'readings,14,value is not a number',
  '',
].join('\n');

describe('renxing infra alarms: a worked example', () => {
  beforeAll(() => {
    fs.writeFileSync(p('rules.json'), RULES);
    fs.writeFileSync(p('readings.csv'), READINGS);
  });

  it('replays the readings in time order and writes the events by ts then sensor; rejects; summary', async () => {
    const r = await alarms('rules.json', 'readings.csv', 'o.csv', '--summary', p('s.json'));
    expect(r.code).toBe(0);
    expect(read('o.csv')).toBe(OUT);
    expect(read('o.csv.rejects.csv')).toBe(REJECTS);
    expect(JSON.parse(read('s.json'))).toEqual({
      rules: 4,
      sensors: 2,
      readings: 11,
      raise: 4,
      clear: 3,
      offline: 2,
      online: 2,
      rejects: 6,
    });
    expect(r.err).toMatch(/alarms raised\s+4/);
  });

  it('the order of the readings file does not matter, except between readings at the same instant', async () => {
    const [header, ...rows] = READINGS.trimEnd().split('\n');
    const tied = [rows[1], rows[3]]; // lines 3 and 5: the same instant, kept in file order
    const others = rows.filter((l) => !tied.includes(l)).reverse();
    fs.writeFileSync(p('shuffled.csv'), [header, ...others, ...tied, ''].join('\n'));
    await alarms('rules.json', 'shuffled.csv', 'o-s.csv');
    expect(read('o-s.csv')).toBe(OUT);
    // The same two readings the other way round: 6.5 raises both rules, 5 at once clears the second.
    fs.writeFileSync(p('tie.csv'), 'sensor,ts,value\nlvl,1796515200,6.5\nlvl,1796515200,5\n');
    await alarms('rules.json', 'tie.csv', 'o-t.csv');
    expect(read('o-t.csv')).toBe(
      [
        'sensor,event,ts,value',
        'lvl,raise,2026-12-06T00:00:00Z,6.5',
        'lvl,raise,2026-12-06T00:00:00Z,6.5',
        'lvl,clear,2026-12-06T00:00:00Z,5',
        '',
      ].join('\n'),
    );
  });

  it('reads instants without an offset at --tz-offset; writes negative values as numbers', async () => {
    fs.writeFileSync(p('cold.json'), '[{"sensor":"t","op":"below","threshold":0}]');
    fs.writeFileSync(
      p('cold.csv'),
      'sensor,ts,value\nt,2026-12-06 08:00:00,-1.5\nt,2026-12-06 09:00:00,0.25\n',
    );
    await alarms('cold.json', 'cold.csv', 'o-c.csv', '--tz-offset', '+00:00');
    expect(read('o-c.csv')).toBe(
      'sensor,event,ts,value\nt,raise,2026-12-06T08:00:00Z,-1.5\nt,clear,2026-12-06T09:00:00Z,0.25\n',
    );
  });

  it('reads the readings from XLSX as well, with the same lines', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('readings');
    for (const line of READINGS.trimEnd().split('\n')) {
      const [sensor, ts, value] = line.split(',');
      sheet.addRow([sensor, ts, /^-?[0-9.]+$/.test(value) ? Number(value) : value]);
    }
    await book.xlsx.writeFile(p('readings.xlsx'));
    const r = await alarms('rules.json', 'readings.xlsx', 'o-x.csv');
    expect(r.code).toBe(0);
    expect(read('o-x.csv')).toBe(OUT);
    expect(read('o-x.csv.rejects.csv')).toBe(REJECTS);
  });
});

describe('renxing infra alarms: unusable input stops the run', () => {
  beforeAll(() => {
    fs.writeFileSync(p('ok.json'), '[]');
    fs.writeFileSync(p('ok.csv'), 'sensor,ts,value\n');
    fs.writeFileSync(p('object.json'), '{"sensor":"a"}');
    fs.writeFileSync(p('broken.json'), '[{');
    fs.writeFileSync(p('blank.json'), ' \n');
    fs.writeFileSync(p('nocol.csv'), 'sensor,ts\na,1\n');
  });

  it.each([
    ['object.json', 'ok.csv', 'RX_FILE_UNREADABLE', 'not a JSON array of rules'],
    ['broken.json', 'ok.csv', 'RX_FILE_UNREADABLE', 'not JSON'],
    ['blank.json', 'ok.csv', 'RX_FILE_EMPTY', 'blank.json is empty'],
    ['nope.json', 'ok.csv', 'RX_FILE_UNREADABLE', 'cannot open'],
    ['ok.json', 'nocol.csv', 'RX_MISSING_COLUMN', 'lacks a required column: value'],
  ])('%s + %s → exit 2, %s', async (rules, readings, code, text) => {
    const out = `o-${code}-${rules}-${readings}.csv`;
    const r = await alarms(rules, readings, out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(code);
    expect(r.err).toContain(text);
    expect(fs.existsSync(p(out))).toBe(false);
  });

  it('no rules and no readings: the header only; the summary in Chinese under zh-CN', async () => {
    const r = await cli(
      ['infra', 'alarms', '--rules', p('ok.json'), '--readings', p('ok.csv'), '--out', p('o-e.csv')],
      'zh-CN',
    );
    expect(r.code).toBe(0);
    expect(read('o-e.csv')).toBe('sensor,event,ts,value\n');
    expect(r.err).toContain('触发告警');
  });
});
