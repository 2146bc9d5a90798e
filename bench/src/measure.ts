/**
 * Runs a child process and measures it: wall seconds, CPU seconds (user + system) and peak resident
 * memory. Uses GNU `/usr/bin/time -v` when present (exact kernel rusage of the child); otherwise
 * polls the child's `/proc/<pid>/status` VmHWM (peak RSS) every 20 ms, CPU time then unknown.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  code: number | null;
  seconds: number;
  /** User + system CPU seconds of the child; NaN when unknown. */
  cpuSeconds: number;
  /** Peak resident set size in bytes; NaN when unknown. */
  peakRss: number;
  stdout: string;
  stderr: string;
  /** How peak RSS was obtained. */
  rssSource: 'time -v' | 'proc VmHWM' | 'none';
}

const GNU_TIME = '/usr/bin/time';

export async function runMeasured(
  cmd: string,
  args: string[],
  opts: { cwd?: string } = {},
): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const dir = useTime ? mkdtempSync(join(tmpdir(), 'rx-bench-')) : '';
  const statsFile = join(dir, 'time.txt');
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', statsFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  let hwm = Number.NaN;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Number(m[1]) * 1024;
        } catch {
          // gone already
        }
      }, 20);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const seconds = (performance.now() - t0) / 1000;
  if (poll) clearInterval(poll);
  let cpuSeconds = Number.NaN;
  let peakRss = hwm;
  if (useTime) {
    try {
      const stats = readFileSync(statsFile, 'utf8');
      const num = (re: RegExp) => {
        const m = re.exec(stats);
        return m ? Number(m[1]) : Number.NaN;
      };
      peakRss = num(/Maximum resident set size \(kbytes\): (\d+)/) * 1024;
      cpuSeconds = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
      // GNU time reports "Command exited with non-zero status N" first when the child failed.
    } catch {
      // time could not write its report (e.g. the command was not found): leave NaN
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    code,
    seconds,
    cpuSeconds,
    peakRss,
    stdout,
    stderr,
    rssSource: useTime ? 'time -v' : Number.isNaN(hwm) ? 'none' : 'proc VmHWM',
  };
}
