import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { thisMachine, wantsHugePages } from './huge-pages.js';

/** A machine with this glibc and THP mode. */
const on = (glibc?: string, thp?: string) => () => ({ glibc, thp });

describe('wantsHugePages', () => {
  const env = {};
  it('asks for huge pages for the engine commands on glibc ≥ 2.35 with THP in madvise mode', () => {
    expect(wantsHugePages(['companions', '--pings', 'p'], env, on('2.36', 'madvise'))).toBe(true);
    expect(wantsHugePages(['index'], env, on('2.35', 'madvise'))).toBe(true);
    expect(wantsHugePages(['index'], env, on('3.0', 'madvise'))).toBe(true);
  });
  it('does not for other commands, old or no glibc, or THP always or never', () => {
    expect(wantsHugePages(['purge'], env, on('2.36', 'madvise'))).toBe(false);
    expect(wantsHugePages([], env, on('2.36', 'madvise'))).toBe(false);
    expect(wantsHugePages(['index'], env, on('2.34', 'madvise'))).toBe(false);
    expect(wantsHugePages(['index'], env, on('1.99', 'madvise'))).toBe(false);
    expect(wantsHugePages(['index'], env, on(undefined, 'madvise'))).toBe(false);
    expect(wantsHugePages(['index'], env, on('2.36', 'always'))).toBe(false);
    expect(wantsHugePages(['index'], env, on('2.36', 'never'))).toBe(false);
    expect(wantsHugePages(['index'], env, on('2.36', undefined))).toBe(false);
  });
  it('does not run again once the tunable is set (by us or by the user)', () => {
    const set = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0' };
    expect(wantsHugePages(['index'], set, on('2.36', 'madvise'))).toBe(false);
    const other = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(wantsHugePages(['index'], other, on('2.36', 'madvise'))).toBe(true);
  });
  it('asks the machine only when the answer depends on it (not on the usual start)', () => {
    const unasked = () => {
      throw new Error('the machine was asked');
    };
    expect(wantsHugePages(['purge'], {}, unasked)).toBe(false);
    expect(wantsHugePages(['index'], { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1:' }, unasked)).toBe(false);
  });
});

// The relaunch itself, where this machine supports it: a preloaded script logs each process
// that starts (its pid and GLIBC_TUNABLES), and holds the relaunched child when asked.
const BIN = fileURLToPath(new URL('../bin/renxing.js', import.meta.url));
const supported = wantsHugePages(['index'], {}, thisMachine);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renxing-hp-'));
const hook = path.join(dir, 'hook.cjs');
fs.writeFileSync(
  hook,
  `require('node:fs').appendFileSync(process.env.HP_LOG, process.pid + ' ' + (process.env.GLIBC_TUNABLES || '-') + '\\n');
if (process.env.HP_HOLD && process.env.GLIBC_TUNABLES) setInterval(() => {}, 1000);\n`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function envFor(log: string, extra: Record<string, string> = {}) {
  return { ...process.env, NODE_OPTIONS: `--require ${hook}`, HP_LOG: log, GLIBC_TUNABLES: '', ...extra };
}
function started(log: string): string[][] {
  return fs.existsSync(log)
    ? fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' '))
    : [];
}

describe.runIf(supported)('renxing companions on this machine', () => {
  it('runs itself once more with glibc.malloc.hugetlb=1, and passes the output and exit status on', () => {
    const log = path.join(dir, 'a.log');
    const r = spawnSync(process.execPath, [BIN, 'companions', '--help'], {
      encoding: 'utf8',
      env: envFor(log),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--pings');
    expect(started(log).map(([, t]) => t)).toEqual(['-', 'glibc.malloc.hugetlb=1']);

    const bad = spawnSync(process.execPath, [BIN, 'companions', '--bogus'], {
      encoding: 'utf8',
      env: envFor(log),
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('RX_UNKNOWN_FLAG');
  });

  it('runs once when told not to, and for the other commands', () => {
    const log = path.join(dir, 'b.log');
    const env = envFor(log, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    expect(spawnSync(process.execPath, [BIN, 'companions', '--help'], { env }).status).toBe(0);
    expect(spawnSync(process.execPath, [BIN, 'purge', '--help'], { env: envFor(log) }).status).toBe(0);
    expect(started(log).map(([, t]) => t)).toEqual(['glibc.malloc.hugetlb=0', '-']);
  });

  it('starts once with the tunable when run as a command (the shebang sets it)', () => {
    const log = path.join(dir, 'd.log');
    expect(spawnSync(BIN, ['companions', '--help'], { env: envFor(log) }).status).toBe(0);
    expect(started(log).map(([, t]) => t)).toEqual(['glibc.malloc.hugetlb=1:']);
    const off = envFor(log, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    expect(spawnSync(BIN, ['companions', '--help'], { env: off }).status).toBe(0);
    expect(started(log)[1]?.[1]).toBe('glibc.malloc.hugetlb=1:glibc.malloc.hugetlb=0');
  });

  it('passes a signal on to the child and ends by it', async () => {
    const log = path.join(dir, 'c.log');
    const parent = spawn(process.execPath, [BIN, 'index', '--help'], { env: envFor(log, { HP_HOLD: '1' }) });
    while (started(log).length < 2) await new Promise((r) => setTimeout(r, 20));
    const child = Number(started(log)[1]?.[0]);
    const ended = new Promise<NodeJS.Signals | null>((r) => parent.on('exit', (_c, s) => r(s)));
    parent.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(() => process.kill(child, 0)).toThrow(); // the child is gone too
  });
});
