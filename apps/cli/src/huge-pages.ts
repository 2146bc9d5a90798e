/**
 * The engine commands hold hundreds of MB in typed arrays, and on Linux each first touch of a
 * 4 KiB page is a fault (~10 µs on a VM): 110k of them in a 200k-phone run. glibc ≥ 2.35 backs
 * its large blocks with transparent huge pages when the process starts with
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (kernel THP mode `madvise`), which cuts the faults to
 * ~27k. The variable is read only at start: run as a command (`renxing`, `npx renxing`), the
 * bin's shebang sets it; run as `node bin/renxing.js`, `companions` and `index` run themselves
 * once more with it set (one more node start, ~0.1 s). `GLIBC_TUNABLES=glibc.malloc.hugetlb=0`
 * turns both off.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The commands whose memory is large enough to gain. */
const ENGINE_COMMANDS = new Set(['companions', 'index']);
const TUNABLE = 'glibc.malloc.hugetlb=1';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What decides whether huge pages can be had: glibc's version and the kernel's THP mode. */
export interface Machine {
  glibc: string | undefined;
  thp: string | undefined;
}

/**
 * Whether this start should run again with huge pages; pure apart from what it is given. `machine`
 * is asked last, only for an engine command not yet started with the tunable (the usual start, by
 * the shebang, pays nothing).
 */
export function wantsHugePages(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  machine: () => Machine,
): boolean {
  if (!ENGINE_COMMANDS.has(argv[0] ?? '')) return false;
  if ((env.GLIBC_TUNABLES ?? '').includes('glibc.malloc.hugetlb')) return false;
  const { glibc, thp } = machine();
  const [major = 0, minor = 0] = (glibc ?? '').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 35) ? thp === 'madvise' : false;
}

/** This machine's glibc (a process report, ~6 ms) and THP mode. */
export function thisMachine(): Machine {
  return { glibc: glibcVersion(), thp: thpMode() };
}

/** The kernel's THP mode (`always`, `madvise` or `never`), undefined off Linux. */
function thpMode(): string | undefined {
  try {
    const s = readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
    return /\[(\w+)\]/.exec(s)?.[1];
  } catch {
    return undefined;
  }
}

function glibcVersion(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

/**
 * Runs this command again in a child with huge pages when that gains, forwarding signals and the
 * exit status; resolves true when it did (the caller then does nothing more), false otherwise.
 */
export async function relaunchedWithHugePages(script: string, argv: string[]): Promise<boolean> {
  if (!wantsHugePages(argv, process.env, thisMachine)) return false;
  const tunables = [process.env.GLIBC_TUNABLES, TUNABLE].filter(Boolean).join(':');
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: tunables },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>(
    (resolve) => {
      child.on('exit', (code, signal) => resolve({ code, signal }));
      child.on('error', () => resolve(undefined));
    },
  );
  for (const s of FORWARDED) process.off(s, forward);
  if (!ended) return false; // could not start a child: run here, as without huge pages
  const { code, signal } = ended;
  if (signal) process.kill(process.pid, signal);
  process.exitCode = code ?? 1;
  return true;
}
