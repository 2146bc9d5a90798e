/** Command-line flags → typed options; every bad flag is a RX_BAD_FLAG naming it. */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { RenxingError } from '@renxing/contracts';
import { type CompanionParams, parseUtcOffset, resolveParams } from '@renxing/engine';

export type Flags = Record<string, string | boolean | undefined>;

const OPTIONS = {
  pings: { type: 'string' },
  cases: { type: 'string' },
  index: { type: 'string' },
  out: { type: 'string' },
  rejects: { type: 'string' },
  summary: { type: 'string' },
  preset: { type: 'string' },
  origin: { type: 'string' },
  size: { type: 'string' },
  'min-overlap': { type: 'string' },
  'max-gap': { type: 'string' },
  mode: { type: 'string' },
  'min-cell-dwell': { type: 'string' },
  'dwell-window': { type: 'string' },
  'tz-offset': { type: 'string' },
  workers: { type: 'string' },
  phones: { type: 'string' },
  days: { type: 'string' },
  seed: { type: 'string' },
  'out-dir': { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  place: { type: 'string' },
  person: { type: 'string' },
  'batch-size': { type: 'string' },
  concurrency: { type: 'string' },
  'retention-days': { type: 'string' },
  verify: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command, its further words (a sub-command, a file) and the flags. */
export function parseFlags(argv: string[]): { command: string | undefined; args: string[]; flags: Flags } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { command: positionals[0], args: positionals.slice(1), flags: values };
  } catch (e) {
    const m = /'([^']+)'/.exec((e as Error).message);
    throw new RenxingError('RX_BAD_FLAG', { flag: m?.[1] ?? '?', detail: (e as Error).message });
  }
}

export function requireFlag(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new RenxingError('RX_MISSING_FLAG', { flag: `--${name}` });
  return v;
}

function num(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n))
    throw new RenxingError('RX_BAD_FLAG', { flag: `--${name}`, detail: `"${String(v)}" is not a number` });
  return n;
}

export function positiveInt(flags: Flags, name: string, fallback: number): number {
  const n = num(flags, name) ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RenxingError('RX_BAD_FLAG', { flag: `--${name}`, detail: 'must be a whole number ≥ 1' });
  return n;
}

const FLAG_OF: Record<keyof CompanionParams, string> = {
  originLon: '--origin',
  originLat: '--origin',
  size: '--size',
  maxGap: '--max-gap',
  minOverlap: '--min-overlap',
  mode: '--mode',
  minCellDwell: '--min-cell-dwell',
  dwellWindow: '--dwell-window',
  tzOffset: '--tz-offset',
};

export const GRID_FLAGS = ['origin', 'size', 'max-gap', 'tz-offset'] as const;

/** The companion parameters the flags ask for (preset, then each override). */
export function companionParams(flags: Flags): CompanionParams {
  const o: Partial<CompanionParams> = {};
  if (typeof flags.origin === 'string') {
    const parts = flags.origin.split(',');
    const [lon, lat] = parts.map(Number);
    if (
      parts.length !== 2 ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      parts.some((p) => p.trim() === '')
    )
      throw new RenxingError('RX_BAD_FLAG', { flag: '--origin', detail: 'expected LON,LAT' });
    o.originLon = lon;
    o.originLat = lat;
  }
  const set = <K extends keyof CompanionParams>(k: K, v: CompanionParams[K] | undefined) => {
    if (v !== undefined) o[k] = v;
  };
  set('size', num(flags, 'size'));
  set('minOverlap', num(flags, 'min-overlap'));
  set('maxGap', num(flags, 'max-gap'));
  set('minCellDwell', num(flags, 'min-cell-dwell'));
  set('dwellWindow', num(flags, 'dwell-window'));
  if (typeof flags.mode === 'string') o.mode = flags.mode as CompanionParams['mode'];
  if (typeof flags['tz-offset'] === 'string') {
    const tz = parseUtcOffset(flags['tz-offset']);
    if (Number.isNaN(tz))
      throw new RenxingError('RX_BAD_FLAG', { flag: '--tz-offset', detail: 'expected ±HH:MM' });
    o.tzOffset = tz;
  }
  const preset = typeof flags.preset === 'string' ? flags.preset : 'default';
  const { params, problems } = resolveParams(preset, o);
  if (problems.length > 0) {
    const p = problems[0];
    const flag = p.reason.startsWith('unknown preset') ? '--preset' : FLAG_OF[p.field];
    throw new RenxingError('RX_BAD_FLAG', { flag, detail: p.reason });
  }
  return params;
}

/** `--workers N`: threads reading pings and answering cases (default: one per core, at most 4). */
export function threadsFlag(flags: Flags): number | undefined {
  return flags.workers === undefined ? undefined : positiveInt(flags, 'workers', 1);
}

export function defaultThreads(): number {
  return Math.min(4, os.availableParallelism());
}
