/**
 * Role processes for `npm run bench:stream`: `renxing stream builder|index` children of the built CLI,
 * their CPU seconds and resident memory read from /proc, and their /metrics scraped and merged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import net from 'node:net';

export interface Proc {
  readonly id: string;
  readonly kind: 'builder' | 'index';
  readonly port: number;
  readonly child: ChildProcess;
  readonly log: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startRoleProc(
  cliMain: string,
  kind: 'builder' | 'index',
  id: string,
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<Proc> {
  const port = await freePort();
  const fd = openSync(log, 'a');
  const child = spawn(
    process.execPath,
    [cliMain, 'stream', kind, '--id', id, '--metrics-port', String(port)],
    {
      env: { ...process.env, ...env },
      // The IPC channel is the role's lifeline: if the bench dies, the role stops too.
      stdio: ['ignore', fd, fd, 'ipc'],
    },
  );
  closeSync(fd);
  return { id, kind, port, child, log };
}

/** SIGTERM (graceful: a final snapshot), SIGKILL after `timeoutMs`. */
export async function stopProc(p: Proc, timeoutMs = 20_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const gone = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  await gone;
  clearTimeout(timer);
}

const TICKS = 100; // USER_HZ on Linux

/** User + system CPU seconds of a live process (NaN once it is gone). */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a live process, bytes (NaN once it is gone). */
export function rssBytes(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export async function scrape(port: number): Promise<string> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
    return r.ok ? await r.text() : '';
  } catch {
    return '';
  }
}

/** Sum of a metric over its label sets (0 when absent). */
export function metricSum(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m && m[1] === name) sum += Number(m[3]);
  }
  return sum;
}

/** A histogram's cumulative buckets (le → count), summed over processes. */
export function histogram(texts: string[], name: string): { le: number; count: number }[] {
  const by = new Map<number, number>();
  for (const text of texts)
    for (const line of text.split('\n')) {
      const m = new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\}\\s+(\\S+)`).exec(line);
      if (!m) continue;
      const le = m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]);
      by.set(le, (by.get(le) ?? 0) + Number(m[2]));
    }
  return [...by].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/** The q-quantile of a cumulative histogram, linear within a bucket (Prometheus' histogram_quantile). */
export function quantile(buckets: { le: number; count: number }[], q: number): number {
  if (buckets.length === 0) return Number.NaN;
  const total = buckets[buckets.length - 1].count;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return prevLe; // beyond the last finite bucket: its bound
      return prevLe + ((b.le - prevLe) * (rank - prevCount)) / Math.max(b.count - prevCount, 1e-9);
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

/** The pid of the process listening on a local TCP port (from /proc/net/tcp*), undefined if not found. */
export function listenerPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; field 9 is the inode.
      if (f.length > 9 && f[3] === '0A' && Number.parseInt(f[1].split(':')[1], 16) === port) inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // gone
      }
    }
  }
  return undefined;
}
