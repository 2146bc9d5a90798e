/**
 * `renxing companions --pings` indexes only the cells its cases can reach (see `caseCells`), on one
 * thread and on two: same companions as from the saved whole index, and a summary that still
 * describes the whole index (its stays, bytes), as `renxing index` reports it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/renxing.js', import.meta.url));

function renxing(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // Small blocks, so that two workers each read some and build the stays of half the subjects.
    env: {
      ...process.env,
      LANG: 'C',
      LC_ALL: '',
      RENXING_LANG: '',
      RENXING_PARALLEL_MIN_BYTES: '1',
      RENXING_READ_BLOCK_BYTES: '4000',
    },
  });
  expect(r.status, r.stderr).toBe(0);
}

/** Subject n's pings: every 5 minutes for an hour, in cell n % 7 (cells 0.01° of longitude apart). */
function pings(): string {
  let csv = 'subject,ts,lon,lat\n';
  for (let t = 0; t <= 3600; t += 300)
    for (let n = 0; n < 200; n++) csv += `p${n},${1_800_000_000 + t},${106.552 + 0.01 * (n % 7)},29.562\n`;
  return csv;
}

it('answers from the cells of its cases as the whole index does, with the whole index in its summary', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renxing-companions-'));
  const p = (f: string) => path.join(dir, f);
  fs.writeFileSync(p('pings.csv'), pings());
  // p0 and p1 live in cells 0 and 1: the other five cells are nobody's case.
  fs.writeFileSync(p('cases.csv'), 'subject,from,to\np0,,\np1,,\nnobody,,\n');
  renxing(['index', '--pings', p('pings.csv'), '--out', p('city.idx'), '--summary', p('index.json')]);
  renxing(['companions', '--index', p('city.idx'), '--cases', p('cases.csv'), '--out', p('from-index.csv')]);
  const expected = fs.readFileSync(p('from-index.csv'), 'utf8');
  expect(expected.split('\n')).toHaveLength(1 + 2 * 28 + 1);
  const whole = JSON.parse(fs.readFileSync(p('index.json'), 'utf8'));
  expect(whole.index_stays).toBe(200);
  for (const threads of ['1', '2']) {
    const out = p(`from-pings-${threads}.csv`);
    const summary = p(`from-pings-${threads}.json`);
    renxing([
      'companions',
      '--pings',
      p('pings.csv'),
      '--cases',
      p('cases.csv'),
      '--out',
      out,
      '--summary',
      summary,
      '--workers',
      threads,
    ]);
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    const s = JSON.parse(fs.readFileSync(summary, 'utf8'));
    for (const key of [
      'pings',
      'duplicates',
      'subjects',
      'stays',
      'index_stays',
      'index_bytes',
      'bytes_per_stay',
    ])
      expect(s[key], key).toBe(whole[key]);
  }
});
