/**
 * `renxing aid match` on a small hand-computed case. A (capacity 1) is the only volunteer with
 * food_delivery; B (capacity 2, the default) has two windows from two rows. Optimal: r0 (urgent,
 * food) takes A; u1 (urgent) and r3 (normal, the afternoon: only B's second window) take B; r1
 * (normal, 1,001 m from B) is left with no capacity. 1° of latitude is 111,195.08 m here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { aidMatchCommand } from './aid-match.js';
import { loadCommands } from './index.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-aid-match-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const p = (f: string) => path.join(dir, f);
const read = (f: string) => fs.readFileSync(p(f), 'utf8');

/** `renxing <argv>` as main.ts runs it (a RenxingError below 500 is exit 2), in this process. */
async function cli(argv: string[], locale: 'en' | 'zh-CN' = 'en') {
  let out = '';
  try {
    const { command, flags } = parseCommandLine(argv, await loadCommands());
    if (command?.words.join(' ') !== 'aid match') throw new Error('not aid match');
    const summary = await aidMatchCommand(flags, locale, { out: { write: (s: string) => (out += s) } });
    return { code: 0, out, summary };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, out: `${e.code}: ${e.localized(locale)}`, summary: undefined };
  }
}

const match = (r: string, v: string, o: string, ...more: string[]) =>
  cli(['aid', 'match', '--requests', p(r), '--volunteers', p(v), '--out', p(o), ...more]);

const AM = '2021-11-01 08:00:00,2021-11-01 12:00:00';
const REQUESTS = [
  'id,need,urgency,lon,lat,from,to',
  'r1,medicine_delivery,normal,106.55,29.561,2021-11-01 09:00:00,2021-11-01 10:00:00',
  'u1,medicine_delivery,URGENT,106.55,29.566,2021-11-01T09:00:00,2021-11-01T10:00:00+08:00',
  'r3,medicine_delivery,normal,106.55,29.575,2021-11-01 15:00:00,2021-11-01 16:00:00',
  'r0,food_delivery,urgent,106.55,29.5605,2021-11-01 09:00:00,2021-11-01 10:00:00',
  '需求1,translation,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00',
  'r5,transport,normal,106.55,29.56,2021-11-01 21:00:00,2021-11-01 22:00:00',
  'R2,transport,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00',
  'r7,elderly_care,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00',
  '"r,13",medicine_delivery,normal,106.55,29.60,1635728400,1635732000',
  ',medicine_delivery,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00', // 11
  'r1,medicine_delivery,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00', // 12
  'r9,,normal,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00', // 13
  'r10,transport,soon,106.55,29.56,2021-11-01 09:00:00,2021-11-01 10:00:00', // 14
  'r11,transport,normal,106.55,91,2021-11-01 09:00:00,2021-11-01 10:00:00', // 15
  'r12,transport,normal,106.55,29.56,2021-11-01 09:00:00,2021-13-01 10:00:00', // 16
  '',
].join('\n');

const VOLUNTEERS = [
  'id,skills,lon,lat,from,to,capacity',
  `A,medicine_delivery;food_delivery,106.55,29.56,${AM},1`,
  `B,medicine_delivery,106.55,29.57,${AM},`,
  'B,,,,2021-11-01 14:00:00,2021-11-01 18:00:00,9', // one more window of B; its other cells unread
  'C,transport,106.55,29.60,2021-11-01T08:00:00+08:00,2021-11-01T12:00:00Z,2',
  `D,elderly_care,106.55,29.56,${AM},0`,
  `,transport,106.55,29.56,${AM},1`, // 7
  `E, ; ,106.55,29.56,${AM},1`, // 8
  `F,transport,200,29.56,${AM},1`, // 9
  'G,transport,106.55,29.56,yesterday,2021-11-01 12:00:00,1', // 10
  'H,transport,106.55,29.56,2021-11-01 12:00:00,2021-11-01 08:00:00,1', // 11
  `I,transport,106.55,29.56,${AM},1.5`, // 12
  'B,,,,2021-11-01 18:00:00,2021-11-01 17:00:00,', // 13
  '',
].join('\n');

const MATCHES = [
  'request,volunteer,distance_m,reason',
  'R2,,,too far',
  '"r,13",,,too far',
  'r0,A,56,',
  'r1,,,no capacity',
  'r3,B,556,',
  'r5,,,no availability',
  'r7,,,no capacity',
  'u1,B,445,',
  '需求1,,,no skill',
  '',
].join('\n');

const REJECTS = [
  'file,line,reason',
  'requests,11,id is empty',
  'requests,12,id is a duplicate',
  'requests,13,need is empty',
  'requests,14,urgency is not urgent or normal',
  'requests,15,lat is not a number from -90 to 90',
  'requests,16,to is not an instant',
  'volunteers,7,id is empty',
  'volunteers,8,skills is empty',
  'volunteers,9,lon is not a number from -180 to 180',
  'volunteers,10,from is not an instant',
  'volunteers,11,from is after to',
  'volunteers,12,capacity is not a whole number ≥ 0',
  'volunteers,13,from is after to',
  '',
].join('\n');

describe('renxing aid match: a worked example', () => {
  beforeAll(() => {
    fs.writeFileSync(p('r.csv'), REQUESTS);
    fs.writeFileSync(p('v.csv'), VOLUNTEERS);
  });

  it('writes the optimal matches by request (byte order), the rejects and the summary ending in weight and distance', async () => {
    const r = await match('r.csv', 'v.csv', 'o.csv', '--summary', p('s.json'));
    expect(r.code).toBe(0);
    expect(read('o.csv')).toBe(MATCHES);
    expect(read('o.csv.rejects.csv')).toBe(REJECTS);
    expect(r.out).toBe(
      [
        'aid match (max_km 3)',
        '  requests 9, volunteers 4, rejects 13',
        '  matched 3 (urgent 2), unmatched 6: no skill 1, no availability 1, too far 2, no capacity 2',
        'weight 7 distance_m 1057',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(read('s.json'))).toEqual({
      requests: 9,
      volunteers: 4,
      matched: 3,
      urgent_matched: 2,
      unmatched: { 'no skill': 1, 'no availability': 1, 'too far': 2, 'no capacity': 2 },
      weight: 7,
      distance_m: 1057,
      rejects: 13,
    });
  });

  it('summarises in Chinese with the same last line', async () => {
    const r = await match('r.csv', 'v.csv', 'o-zh.csv', '--rejects', p('j.csv'));
    const zh = await cli(
      ['aid', 'match', '--requests', p('r.csv'), '--volunteers', p('v.csv'), '--out', p('o-zh.csv')],
      'zh-CN',
    );
    expect(r.code).toBe(0);
    expect(read('j.csv')).toBe(REJECTS);
    expect(zh.out.split('\n').slice(0, 2)).toEqual(['互助匹配（max_km 3）', '  需求 9，志愿者 4，坏行 13']);
    expect(zh.out.endsWith('\nweight 7 distance_m 1057\n')).toBe(true);
  });

  it('reaches farther with --max-km: C (4.4 km) then takes R2', async () => {
    const r = await match('r.csv', 'v.csv', 'o5.csv', '--max-km', '5');
    expect(read('o5.csv').split('\n')[1]).toBe('R2,C,4448,');
    expect(r.out.endsWith('\nweight 8 distance_m 5505\n')).toBe(true);
  });

  it('reads instants without an offset at --tz-offset', async () => {
    // C's window is 08:00+08:00 to 12:00Z (20:00+08:00); r5 asks 21:00–22:00 — at +00:00 that is 05:00–06:00+08:00.
    await match('r.csv', 'v.csv', 'o-tz.csv', '--tz-offset', '+00:00', '--max-km', '5');
    expect(read('o-tz.csv')).toContain('\nr5,,,no availability\n');
    await match('r.csv', 'v.csv', 'o-tz2.csv', '--tz-offset', '+12:00', '--max-km', '5');
    // 21:00+12:00 is 17:00+08:00, inside C's window; C is 4.4 km away.
    expect(read('o-tz2.csv')).toContain('\nr5,C,4448,\n');
  });

  it('stops with a bad --max-km or a missing column, writing nothing', async () => {
    expect((await match('r.csv', 'v.csv', 'bad.csv', '--max-km', 'far')).out).toMatch(/^RX_BAD_FLAG/);
    fs.writeFileSync(p('nocap.csv'), 'id,skills,lon,lat,from,to\n');
    const r = await match('r.csv', 'nocap.csv', 'bad.csv');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^RX_MISSING_COLUMN/);
    expect(fs.existsSync(p('bad.csv'))).toBe(false);
  });
});
