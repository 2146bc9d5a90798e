/**
 * Role processes for the fault tests and the benchmark: `node apps/cli/dist/main.js stream …` as a
 * child with its own log file, killable with a real kill -9, and its Prometheus `/metrics` read back.
 * Spawned node runs the built CLI (dist), so `tsc -b` must have run (npm test and the bench do).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reapOnExit } from './reap.js';

/** The repository root (this file is src/nats/testing or dist/nats/testing of packages/stream). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const CLI_MAIN = path.join(ROOT, 'apps/cli/dist/main.js');

export interface RoleProcess {
  readonly pid: number;
  readonly args: readonly string[];
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** kill -9 (SIGKILL): no snapshot, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful stop (a final snapshot); resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
  /** The process's stdout + stderr so far. */
  output(): string;
}

/** Starts `renxing <args…>` from the built CLI, stdout and stderr to `logFile`. */
export function startCli(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; logFile: string },
): RoleProcess {
  if (!fs.existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: run \`npx tsc -b\` first`);
  const fd = fs.openSync(opts.logFile, 'a');
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '', RENXING_LANG: '', ...opts.env },
    // The IPC channel is the child's lifeline: when this process dies, the role stops (stream-roles.ts).
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  fs.closeSync(fd);
  reapOnExit(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => {
    try {
      return fs.readFileSync(opts.logFile, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    pid: child.pid ?? -1,
    args,
    exited,
    output,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs `renxing <args…>` to the end: exit code, stdout, stderr. */
export async function runCli(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '', RENXING_LANG: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { code, out, err };
}

/** The Prometheus text a role process serves on `port`, or '' while it does not answer. */
export async function scrape(port: number): Promise<string> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) });
    return r.ok ? await r.text() : '';
  } catch {
    return '';
  }
}

/** The sum of a metric's samples (all label sets) in Prometheus text; NaN when absent. */
export function metricSum(text: string, name: string): number {
  let sum = Number.NaN;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    sum = (Number.isNaN(sum) ? 0 : sum) + Number(m[3]);
  }
  return sum;
}

/** Polls `check` every 100 ms until it holds; throws `what` (and `detail()`) after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  detail: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
