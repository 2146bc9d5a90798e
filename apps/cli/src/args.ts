/** Command-line flags → typed options; every bad flag is a RX_BAD_FLAG naming it. */
import os from 'node:os';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { RenxingError } from '@renxing/contracts';
import { type CompanionParams, parseUtcOffset, resolveParams } from '@renxing/engine';
import { type Command, commandName } from './command.js';

export type Flags = Record<string, string | boolean | undefined>;

/** The command a command line names, its flags parsed against that command's own. */
export interface CommandLine {
  /** Undefined: no command (`renxing`, `renxing --help`, `renxing help`). */
  command: Command | undefined;
  flags: Flags;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Node's parseArgs errors as ours: an unknown flag names itself and the command. */
function flagError(e: unknown, command: string): RenxingError {
  const error = e as Error & { code?: string };
  const flag = /'([^']+)'/.exec(error.message)?.[1] ?? '?';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new RenxingError('RX_UNKNOWN_FLAG', { flag, command });
  return new RenxingError('RX_BAD_FLAG', { flag, detail: error.message });
}

/**
 * Finds the command (its words lead the command line), then parses the rest strictly against the
 * flags it declares: a flag it does not take is RX_UNKNOWN_FLAG, a stray word RX_BAD_FLAG.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  if (words.length === 0 || (words.length === 1 && words[0] === 'help')) {
    try {
      const { values } = parseArgs({ args: [...argv], options: HELP, allowPositionals: true, strict: true });
      return { command: undefined, flags: values };
    } catch (e) {
      throw flagError(e, 'renxing');
    }
  }
  const command = commands
    .filter((c) => c.words.every((w, i) => words[i] === w))
    .sort((x, y) => y.words.length - x.words.length)[0];
  if (!command) {
    const group = commands.some((c) => c.words.length > 1 && c.words[0] === words[0]);
    throw new RenxingError('RX_UNKNOWN_COMMAND', {
      command: (group ? words.slice(0, 2) : words.slice(0, 1)).join(' '),
    });
  }
  const name = commandName(command);
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv.slice(command.words.length),
      options: { ...command.flags, ...HELP } as ParseArgsConfig['options'],
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw flagError(e, name);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command, flags: values };
  const operands = command.operand ? 1 : 0;
  if (positionals.length < operands) throw new RenxingError('RX_UNKNOWN_COMMAND', { command: name });
  if (positionals.length > operands) {
    throw new RenxingError('RX_BAD_FLAG', { flag: positionals[operands], detail: 'unexpected' });
  }
  return { command, flags: operands ? { ...values, file: positionals[0] } : values };
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
