import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/renxing.js', import.meta.url));
let dir = '';

function renxing(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', RENXING_LANG: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PINGS = `subject,ts,lon,lat
k,1000,106.552,29.562
k,1700,106.552,29.562
s,1000,106.552,29.562
s,1700,106.552,29.562
bad,yesterday,106.552,29.562
k,1700,106.552,29.562
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renxing-cli-'));
  fs.writeFileSync(path.join(dir, 'pings.csv'), PINGS);
  fs.writeFileSync(path.join(dir, 'cases.csv'), 'subject,from,to\nk,,\nk,5,1\n');
  fs.writeFileSync(path.join(dir, 'nocol.csv'), 'subject,ts,lon\nk,1,2\n');
});

const p = (f: string) => path.join(dir, f);

describe('renxing CLI', () => {
  it('prints help in English, and in Chinese when the locale says zh', () => {
    const en = renxing(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('renxing companions --pings P.csv --cases C.csv --out O.csv');
    const zh = renxing(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toContain('用法');
  });

  it('refuses a flag the command does not take, naming the flag and the command, in the locale', () => {
    const en = renxing(['purge', '--pings', 'p.csv']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('RX_UNKNOWN_FLAG: unknown option --pings for purge');
    const zh = renxing(['user', 'add', '--verify'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('user add 没有选项 --verify');
  });

  it("generates each command's help from its declared flags", () => {
    const purge = renxing(['purge', '--help']);
    expect(purge.code).toBe(0);
    expect(purge.out).toContain('--retention-days N');
    expect(purge.out).toContain('--verify');
    expect(purge.out).not.toContain('--pings');
    const people = renxing(['import', 'people', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(people.out).toContain('--batch-size N');
    expect(people.out).toContain('每个事务的行数');
    const user = renxing(['user', 'add', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(user.out).toContain('--role department_officer --department CODE --place PATH');
    expect(user.out).toContain('部门工作人员（department_officer）所代表的部门代码');
    expect(renxing(['--help']).out).toMatch(/health_officer, department_officer, lab_user/);
    // The general help lists every flag of every command once.
    const all = renxing(['--help']).out;
    for (const flag of [
      '--pings',
      '--username',
      '--department',
      '--batch-size',
      '--retention-days',
      '--out-dir',
      '--workers',
    ]) {
      expect(all.split(`  ${flag} `).length - 1, flag).toBe(1);
    }
  });

  it('finds companions, writes the rejects file next to the output by default, and a summary', () => {
    const r = renxing([
      'companions',
      '--pings',
      p('pings.csv'),
      '--cases',
      p('cases.csv'),
      '--out',
      p('o.csv'),
      '--summary',
      p('s.json'),
    ]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(p('o.csv'), 'utf8')).toBe(
      'subject,case,cell,overlap_start,overlap_end,overlap_s\ns,k,0:0,1970-01-01T00:16:40Z,1970-01-01T00:28:20Z,700\n',
    );
    expect(fs.readFileSync(p('o.csv.rejects.csv'), 'utf8')).toBe(
      'file,line,reason\npings,6,unparseable ts\ncases,3,from after to\n',
    );
    const s = JSON.parse(fs.readFileSync(p('s.json'), 'utf8'));
    expect(s).toMatchObject({
      pings: 5,
      ping_rejects: 1,
      duplicates: 1,
      case_rejects: 1,
      stays: 2,
      companions: 1,
    });
    expect(r.err).toContain('companions');
  });

  it('answers identically from a saved index', () => {
    const built = renxing(['index', '--pings', p('pings.csv'), '--out', p('city.idx')]);
    expect(built.code).toBe(0);
    const q = renxing([
      'companions',
      '--index',
      p('city.idx'),
      '--cases',
      p('cases.csv'),
      '--out',
      p('o2.csv'),
      '--rejects',
      p('r2.csv'),
      '--summary',
      p('s2.json'),
    ]);
    expect(q.code).toBe(0);
    expect(fs.readFileSync(p('o2.csv'), 'utf8')).toBe(fs.readFileSync(p('o.csv'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(p('s2.json'), 'utf8'))).toMatchObject({
      pings: 5,
      ping_rejects: 1,
      duplicates: 1,
    });
    expect(fs.readFileSync(p('r2.csv'), 'utf8')).toBe('file,line,reason\ncases,3,from after to\n');
  });

  it('applies a preset and query flags to a saved index', () => {
    const q = renxing([
      'companions',
      '--index',
      p('city.idx'),
      '--cases',
      p('cases.csv'),
      '--out',
      p('o3.csv'),
      '--min-overlap',
      '701',
    ]);
    expect(q.code).toBe(0);
    expect(fs.readFileSync(p('o3.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['companions', '--pings', 'nope.csv', '--cases', 'c.csv', '--out', 'o.csv'], 'RX_FILE_UNREADABLE'],
    [['companions', '--cases', 'c.csv', '--out', 'o.csv'], 'RX_MISSING_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', '--mode', 'sideways'], 'RX_BAD_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', '--origin', '106.5'], 'RX_BAD_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', '--min-overlap', '0'], 'RX_BAD_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', '--preset', 'wuhan'], 'RX_BAD_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', '--tz-offset', '8'], 'RX_BAD_FLAG'],
    [['companions', '--bogus'], 'RX_UNKNOWN_FLAG'],
    [['import', 'pings', 'x.csv', '--username', 'u'], 'RX_UNKNOWN_FLAG'],
    [['companions', '--pings', 'x', '--cases', 'c', '--out', 'o', 'stray'], 'RX_BAD_FLAG'],
    [['companions', '--out'], 'RX_BAD_FLAG'],
    [['frobnicate'], 'RX_UNKNOWN_COMMAND'],
    [['companions', '--index', 'i', '--size', '500', '--cases', 'c', '--out', 'o'], 'RX_FLAG_CONFLICT'],
  ])('exits 2 with a clear message: %j', (args, code) => {
    const r = renxing(args.map((a) => (a.endsWith('.csv') || a.length === 1 ? p(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(code);
  });

  it('stops on a missing column, naming it, in the locale', () => {
    const r = renxing(
      ['companions', '--pings', p('nocol.csv'), '--cases', p('cases.csv'), '--out', p('o4.csv')],
      {
        LANG: 'zh_CN.UTF-8',
      },
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('RX_MISSING_COLUMN');
    expect(r.err).toContain('缺少必需的列：lat');
  });

  it('refuses a file that is not an index', () => {
    const r = renxing([
      'companions',
      '--index',
      p('pings.csv'),
      '--cases',
      p('cases.csv'),
      '--out',
      p('o5.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('RX_BAD_INDEX');
  });

  it('generates the same city for the same seed', () => {
    const a = renxing([
      'gen-city',
      '--phones',
      '300',
      '--days',
      '1',
      '--seed',
      '5',
      '--out-dir',
      p('city-a'),
    ]);
    const b = renxing([
      'gen-city',
      '--phones',
      '300',
      '--days',
      '1',
      '--seed',
      '5',
      '--out-dir',
      p('city-b'),
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const pa = fs.readFileSync(p('city-a/pings.csv'), 'utf8');
    expect(pa).toBe(fs.readFileSync(p('city-b/pings.csv'), 'utf8'));
    expect(pa.split('\n').length).toBeGreaterThan(1000);
    expect(fs.readFileSync(p('city-a/cases.csv'), 'utf8')).toMatch(/^subject,from,to\n/);
    const run = renxing([
      'companions',
      '--pings',
      p('city-a/pings.csv'),
      '--cases',
      p('city-a/cases.csv'),
      '--out',
      p('city-a/o.csv'),
    ]);
    expect(run.code).toBe(0);
  });

  it('reads in parallel with the same result, also when a split falls inside a quoted field', () => {
    const rows = ['subject,ts,lon,lat'];
    for (let k = 0; k < 400; k++) {
      // Long first lines of multi-line subjects make a split inside a quoted field likely.
      const who = k % 2 === 0 ? `"${'x'.repeat(300)}\nline,${k % 5}"` : `p${k % 13}`;
      rows.push(`${who},${1000 + k * 60},106.55${k % 3},29.56${k % 2}`);
      if (k % 50 === 0) rows.push('bad,never,1,1');
    }
    fs.writeFileSync(p('par.csv'), `${rows.join('\n')}\n`);
    fs.writeFileSync(p('par-cases.csv'), `subject,from,to\np1,,\n"${'x'.repeat(300)}\nline,2",,\n`);
    const outputs: string[] = [];
    let fallbacks = 0;
    for (const workers of ['1', '2', '3']) {
      const r = renxing(
        [
          'companions',
          '--pings',
          p('par.csv'),
          '--cases',
          p('par-cases.csv'),
          '--out',
          p(`par-${workers}.csv`),
          '--workers',
          workers,
        ],
        { RENXING_PARALLEL_MIN_BYTES: '1', RENXING_READ_BLOCK_BYTES: '2000', RENXING_DEBUG: '1' },
      );
      expect(r.code).toBe(0);
      if (r.err.includes('misaligned')) fallbacks++;
      outputs.push(
        fs.readFileSync(p(`par-${workers}.csv`), 'utf8') +
          fs.readFileSync(p(`par-${workers}.csv.rejects.csv`), 'utf8'),
      );
    }
    expect(outputs[0].split('\n').length).toBeGreaterThan(10);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(fallbacks).toBeGreaterThan(0);
    // A plain file splits cleanly.
    const plain = renxing(
      [
        'companions',
        '--pings',
        p('pings.csv'),
        '--cases',
        p('cases.csv'),
        '--out',
        p('par-plain.csv'),
        '--workers',
        '2',
      ],
      { RENXING_PARALLEL_MIN_BYTES: '1', RENXING_DEBUG: '1' },
    );
    expect(plain.err).not.toContain('misaligned');
    expect(fs.readFileSync(p('par-plain.csv'), 'utf8')).toBe(fs.readFileSync(p('o.csv'), 'utf8'));
    expect(fs.readFileSync(p('par-plain.csv.rejects.csv'), 'utf8')).toBe(
      fs.readFileSync(p('o.csv.rejects.csv'), 'utf8'),
    );
  });

  it('reads small blocks on several threads, balanced as they go, with the one-thread output and rejects', () => {
    // Duplicate instants with other cells across blocks (the first in the file is kept), rejects
    // anywhere (numbered as lines of the file), no newline at the end.
    const rows = ['subject,ts,lon,lat'];
    for (let k = 0; k < 3000; k++) {
      const t = 1_700_000_000 + (k % 500) * 30;
      rows.push(`s${k % 37},${t},106.55${k % 7},29.56${(k >> 3) % 5}`);
      if (k % 97 === 0) rows.push(`s${k % 37},never,106.55,29.56`);
      if (k % 101 === 0) rows.push('');
    }
    fs.writeFileSync(p('blocks.csv'), rows.join('\n'));
    fs.writeFileSync(p('blocks-cases.csv'), 'subject,from,to\ns1,,\ns5,,\ns36,,\n');
    const run = (workers: string) => {
      const out = p(`blocks-${workers}.csv`);
      const r = renxing(
        [
          'companions',
          '--pings',
          p('blocks.csv'),
          '--cases',
          p('blocks-cases.csv'),
          '--out',
          out,
          '--workers',
          workers,
        ],
        { RENXING_PARALLEL_MIN_BYTES: '1', RENXING_READ_BLOCK_BYTES: '1500', RENXING_DEBUG: '1' },
      );
      expect(r.code).toBe(0);
      expect(r.err).not.toContain('misaligned');
      return {
        err: r.err,
        out: fs.readFileSync(out, 'utf8'),
        rejects: fs.readFileSync(`${out}.rejects.csv`, 'utf8'),
      };
    };
    const one = run('1');
    expect(one.out.split('\n').length).toBeGreaterThan(20);
    expect(one.rejects).toContain('unparseable ts');
    for (const workers of ['2', '3', '4']) {
      const many = run(workers);
      expect(many.err).toMatch(/part 0: read \d+ of \d+ blocks/);
      expect(many.out).toBe(one.out);
      expect(many.rejects).toBe(one.rejects);
    }
  });

  it('leaves a worker the blocks its own sort would take, and sorts in the subjects only the worker met', () => {
    // The main thread reads from the back: subjects `e…` appear only in the first 300 rows.
    const rows = ['subject,ts,lon,lat'];
    for (let k = 0; k < 3000; k++) {
      const who = k < 300 ? `e${k % 7}` : `s${k % 37}`;
      rows.push(`${who},${1_700_000_000 + (k % 500) * 30},106.55${k % 7},29.56${(k >> 3) % 5}`);
    }
    fs.writeFileSync(p('leave.csv'), `${rows.join('\n')}\n`);
    fs.writeFileSync(p('leave-cases.csv'), 'subject,from,to\ns1,,\ne3,,\n');
    const run = (workers: string, env: Record<string, string>) => {
      const out = p(`leave-${workers}.csv`);
      const args = ['--pings', p('leave.csv'), '--cases', p('leave-cases.csv'), '--out', out];
      const r = renxing(['companions', ...args, '--workers', workers], {
        RENXING_PARALLEL_MIN_BYTES: '1',
        RENXING_READ_BLOCK_BYTES: '1500',
        RENXING_DEBUG: '1',
        ...env,
      });
      expect(r.code).toBe(0);
      return { err: r.err, out: fs.readFileSync(out, 'utf8') };
    };
    const one = run('1', {});
    expect(one.out).toMatch(/^e\d,e3,/m);
    // A sort priced at a second a subject: the main thread stops after its first block.
    const left = run('2', { RENXING_SORT_MS_PER_SUBJECT: '1000' });
    expect(left.err).toMatch(/part 0: read 1 of \d+ blocks/);
    expect(left.out).toBe(one.out);
    const none = run('2', { RENXING_SORT_MS_PER_SUBJECT: '0' });
    expect(none.err).not.toMatch(/part 0: read 1 of \d+ blocks/);
    expect(none.out).toBe(one.out);
  });

  it('answers many cases on several threads with the same output', () => {
    const city = p('city-a');
    const subjects = [
      ...new Set(
        fs
          .readFileSync(path.join(city, 'pings.csv'), 'utf8')
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ),
    ]
      .filter((s) => /^[0-9a-f]+$/.test(s))
      .slice(0, 150);
    expect(subjects.length).toBeGreaterThan(64);
    fs.writeFileSync(p('many-cases.csv'), `subject,from,to\n${subjects.map((s) => `${s},,`).join('\n')}\n`);
    renxing(['index', '--pings', path.join(city, 'pings.csv'), '--out', p('city-a.idx')]);
    const outs = ['1', '2', '3'].map((w) => {
      const r = renxing([
        'companions',
        '--index',
        p('city-a.idx'),
        '--cases',
        p('many-cases.csv'),
        '--out',
        p(`many-${w}.csv`),
        '--workers',
        w,
      ]);
      expect(r.code).toBe(0);
      return fs.readFileSync(p(`many-${w}.csv`), 'utf8');
    });
    expect(outs[0].split('\n').length).toBeGreaterThan(100);
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  });
});
