/**
 * `renxing infra n-1` on a small hand-computed city: pumping station P3 needs substation S1, so
 * failing S1 makes community c1 lose water and power; c2 has a second sink of each service.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import type { Command } from '../command.js';
import { commandHelp } from '../help.js';
import { loadCommands } from './index.js';
import { infraN1Command } from './infra-n1.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-infra-n1-'));
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
    if (command?.words.join(' ') !== 'infra n-1') throw new Error('not infra n-1');
    const summary = await infraN1Command(flags, locale, { err: err.stream });
    return { code: 0, err: err.text(), summary };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, err: `${e.code}: ${e.localized(locale)}`, summary: undefined };
  }
}

const n1 = (assets: string, links: string, out: string, ...more: string[]) =>
  cli(['infra', 'n-1', '--assets', p(assets), '--links', p(links), '--out', p(out), ...more]);

const ASSETS = [
  'id,kind,type,community,population,name',
  'W1,water,source,,,Waterworks',
  'P3,water,node,,,Pumping station 3',
  'WS1,water,sink,c1,100,',
  'WS2,water,sink,c2,50,',
  'WS3,water,sink,c2,20,',
  'G1,power,source,,,',
  'S1,power,node,,,Substation 1',
  'S2,power,node,c9,77,', // community and population of a non-sink are ignored
  'PS1,power,sink,c1,100,',
  'PS2,power,sink,c2,50,',
  'PS3,power,sink,c2,30,',
  'PS4,power,sink,c3,0,', // 13: nobody lives there, still a service lost
  ',water,node,,,', // 14: id is empty
  'S1,power,node,,,', // 15: duplicate
  'X1,,node,,,', // 16: kind is empty
  'X2,water,pump,,,', // 17: bad type
  'X3,water,sink,,5,', // 18: sink without community
  'X4,water,sink,c1,-3,', // 19: bad population
  '"Z,1",gas,source,,,', // 20: an id that needs quoting
  'GS,gas,sink,"社区,4",7,',
  '',
].join('\n');

const LINKS = [
  'relation,from,to', // columns by name, in any order
  'feeds,W1,P3',
  'feeds,P3,WS1',
  'feeds,W1,WS2',
  'feeds,P3,WS3',
  'feeds,G1,S1',
  'feeds,G1,S2',
  'feeds,S1,PS1',
  'feeds,S2,PS2',
  'feeds,S1,PS3',
  'feeds,S2,PS4',
  'needs,S1,P3', // P3 needs S1
  'feeds,"Z,1",GS',
  'feeds,X1,W1', // 14: X1 was rejected: unknown
  'feeds,W1,NOPE', // 15
  'powers,W1,P3', // 16
  'feeds,S1,P3', // 17: between kinds
  '',
].join('\n');

const N1 = [
  'asset,kind,community,population_lost',
  'G1,power,c1,100',
  'G1,power,c2,80',
  'G1,power,c3,0',
  'G1,water,c1,100',
  'GS,gas,"社区,4",7',
  'P3,water,c1,100',
  'PS1,power,c1,100',
  'PS4,power,c3,0',
  'S1,power,c1,100',
  'S1,water,c1,100',
  'S2,power,c3,0',
  'W1,water,c1,100',
  'W1,water,c2,70',
  'WS1,water,c1,100',
  '"Z,1",gas,"社区,4",7',
  '',
].join('\n');

const REJECTS = [
  'file,line,reason',
  'assets,14,id is empty',
  'assets,15,id is a duplicate',
  'assets,16,kind is empty',
  'assets,17,"type is not source, node or sink"',
  'assets,18,community is empty for a sink',
  'assets,19,population is not a whole number ≥ 0',
  'links,14,from is not a known asset',
  'links,15,to is not a known asset',
  'links,16,relation is not feeds or needs',
  'links,17,feeds links assets of different kinds',
  '',
].join('\n');

describe('renxing infra n-1: a worked example', () => {
  beforeAll(() => {
    fs.writeFileSync(p('assets.csv'), ASSETS);
    fs.writeFileSync(p('links.csv'), LINKS);
  });

  it('writes the N-1 rows by asset, kind, community; the rejects next to the output; the summary', async () => {
    const r = await n1('assets.csv', 'links.csv', 'o.csv', '--summary', p('s.json'));
    expect(r.code).toBe(0);
    expect(read('o.csv')).toBe(N1);
    expect(read('o.csv.rejects.csv')).toBe(REJECTS);
    expect(JSON.parse(read('s.json'))).toEqual({
      assets: 14,
      links: 12,
      rows: 15,
      failed: 10,
      communities: 4,
      population_lost: 964,
      rejects: 10,
    });
    expect(r.err).toMatch(/single points of failure\s+10/);
    expect(r.err).toMatch(/link rows rejected\s+4/);
  });

  it('--fail S1: the substation alone cuts c1’s water and power', async () => {
    const r = await n1('assets.csv', 'links.csv', 'd1.csv', '--fail', 'S1');
    expect(r.code).toBe(0);
    expect(read('d1.csv')).toBe('asset,kind,community,population_lost\nS1,power,c1,100\nS1,water,c1,100\n');
  });

  it('--fail a set: rows for the set at once, the ids joined by + in given order, once each', async () => {
    const r = await n1('assets.csv', 'links.csv', 'd2.csv', '--fail', 'S2, S1,S2', '--rejects', p('dj.csv'));
    expect(r.code).toBe(0);
    expect(read('d2.csv')).toBe(
      [
        'asset,kind,community,population_lost',
        'S2+S1,power,c1,100',
        'S2+S1,power,c2,80',
        'S2+S1,power,c3,0',
        'S2+S1,water,c1,100',
        '',
      ].join('\n'),
    );
    expect(read('dj.csv')).toBe(REJECTS);
    // Neither of c2's power sinks alone is a loss; both are.
    await n1('assets.csv', 'links.csv', 'd3.csv', '--fail', 'PS2,PS3');
    expect(read('d3.csv')).toBe('asset,kind,community,population_lost\nPS2+PS3,power,c2,80\n');
  });

  it('--fail naming an unknown asset (or a rejected one) stops before writing', async () => {
    for (const fail of ['S1,NOPE', 'X1']) {
      const out = `d-bad-${fail}.csv`;
      const r = await n1('assets.csv', 'links.csv', out, '--fail', fail);
      expect(r.code).toBe(2);
      expect(r.err).toContain('RX_NO_SUCH_ASSET');
      expect(r.err).toContain(fail.split(',').at(-1));
      expect(fs.existsSync(p(out))).toBe(false);
    }
    const empty = await n1('assets.csv', 'links.csv', 'd-empty.csv', '--fail', ' , ');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('RX_BAD_FLAG');
  });

  it('reads XLSX as well as CSV, with the same lines', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('assets');
    for (const line of ASSETS.split('\n').slice(0, 19)) {
      const cells: (string | number)[] = line.split(',');
      // Populations as numbers, as a spreadsheet holds them.
      if (/^[0-9]+$/.test(String(cells[4]))) cells[4] = Number(cells[4]);
      sheet.addRow(cells);
    }
    await book.xlsx.writeFile(p('assets.xlsx'));
    const r = await n1('assets.xlsx', 'links.csv', 'o-x.csv');
    expect(r.code).toBe(0);
    expect(read('o-x.csv')).toBe(
      N1.split('\n')
        .filter((l) => !l.includes('gas'))
        .join('\n'),
    );
    expect(read('o-x.csv.rejects.csv')).toBe(
      REJECTS.replace('links,14,', 'links,13,from is not a known asset\nlinks,14,'),
    );
  });
});

describe('renxing infra n-1: unusable input stops the run', () => {
  beforeAll(() => {
    fs.writeFileSync(p('ok-a.csv'), 'id,kind,type,community,population\nA,w,source,,\n');
    fs.writeFileSync(p('ok-l.csv'), 'from,to,relation\n');
    fs.writeFileSync(p('nocol-a.csv'), 'id,kind,type,community\nA,w,source,\n');
    fs.writeFileSync(p('nocol-l.csv'), 'from,To,relation\n');
    fs.writeFileSync(p('empty.csv'), '');
  });

  it.each([
    ['nocol-a.csv', 'ok-l.csv', 'RX_MISSING_COLUMN', 'lacks a required column: population'],
    ['ok-a.csv', 'nocol-l.csv', 'RX_MISSING_COLUMN', 'lacks a required column: to'],
    ['empty.csv', 'ok-l.csv', 'RX_FILE_EMPTY', 'empty.csv is empty'],
    ['ok-a.csv', 'nope.csv', 'RX_FILE_UNREADABLE', 'cannot open'],
  ])('%s + %s → exit 2, %s', async (assets, links, code, text) => {
    const out = `o-${code}-${assets}-${links}.csv`;
    const r = await n1(assets, links, out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(code);
    expect(r.err).toContain(text);
    expect(fs.existsSync(p(out))).toBe(false);
  });

  it('a network without losses writes the header only; the summary in Chinese under zh-CN', async () => {
    const r = await cli(
      ['infra', 'n-1', '--assets', p('ok-a.csv'), '--links', p('ok-l.csv'), '--out', p('o-none.csv')],
      'zh-CN',
    );
    expect(r.code).toBe(0);
    expect(read('o-none.csv')).toBe('asset,kind,community,population_lost\n');
    expect(read('o-none.csv.rejects.csv')).toBe('file,line,reason\n');
    expect(r.err).toContain('单点故障设施');
  });

  it('needs --assets, --links and --out; its help lists its flags', async () => {
    for (const drop of ['--assets', '--links', '--out']) {
      const argv = ['--assets', p('ok-a.csv'), '--links', p('ok-l.csv'), '--out', p('o-m.csv')];
      argv.splice(argv.indexOf(drop), 2);
      const r = await cli(['infra', 'n-1', ...argv]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`RX_MISSING_FLAG: missing option ${drop}`);
    }
    const { command } = parseCommandLine(['infra', 'n-1', '--help'], await loadCommands());
    const help = commandHelp(command as Command, 'en');
    expect(help).toContain('renxing infra n-1 --assets A.csv --links L.csv --out O.csv [--fail ID,ID…]');
    expect(help).toContain('--fail ID,ID…');
  });
});
