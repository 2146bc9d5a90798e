/** Grid, stay and companion parameters of `shared/contracts/companion-rule.md`. */

export type CompanionMode = 'contiguous' | 'cumulative';

export interface GridParams {
  /** City origin longitude, degrees. */
  originLon: number;
  /** City origin latitude, degrees. */
  originLat: number;
  /** Cell edge in metres. */
  size: number;
}

export interface StayParams {
  /** A ping covers [t_k, t_k+1) when the next ping is at most this many seconds later. */
  maxGap: number;
}

export interface QueryParams {
  /** Seconds of overlap needed (at least 1). */
  minOverlap: number;
  mode: CompanionMode;
  /** Seconds a subject must dwell in a cell for it to count; 0 disables the clause. */
  minCellDwell: number;
  /** Seconds before E in which dwell is measured. */
  dwellWindow: number;
}

/** Seconds east of UTC used for instants written without an offset. */
export interface ParseParams {
  tzOffset: number;
}

export interface CompanionParams extends GridParams, StayParams, QueryParams, ParseParams {}

export const DEFAULT_PARAMS: Readonly<CompanionParams> = Object.freeze({
  originLon: 106.55,
  originLat: 29.56,
  size: 800,
  maxGap: 1800,
  minOverlap: 600,
  mode: 'contiguous',
  minCellDwell: 0,
  dwellWindow: 14 * 86400,
  tzOffset: 8 * 3600,
});

export const PRESETS: Readonly<Record<string, Partial<CompanionParams>>> = Object.freeze({
  default: {},
  'chengdu-2021': { minOverlap: 601, minCellDwell: 108001, dwellWindow: 14 * 86400 },
});

export type ParamProblem = { field: keyof CompanionParams; reason: string };

/** Merges a preset and overrides over the defaults; returns the problems found, if any. */
export function resolveParams(
  preset = 'default',
  overrides: Partial<CompanionParams> = {},
): { params: CompanionParams; problems: ParamProblem[] } {
  const base = PRESETS[preset];
  const problems: ParamProblem[] = [];
  if (!base) problems.push({ field: 'mode', reason: `unknown preset "${preset}"` });
  const params: CompanionParams = { ...DEFAULT_PARAMS, ...base, ...overrides };
  const check = (field: keyof CompanionParams, ok: boolean, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  const isInt = (v: number) => Number.isSafeInteger(v);
  check('originLon', params.originLon >= -180 && params.originLon <= 180, 'must be in [-180, 180]');
  check('originLat', params.originLat > -90 && params.originLat < 90, 'must be in (-90, 90)');
  check('size', Number.isFinite(params.size) && params.size >= 1, 'must be a number of metres ≥ 1');
  check('maxGap', isInt(params.maxGap) && params.maxGap >= 0, 'must be whole seconds ≥ 0');
  check('minOverlap', isInt(params.minOverlap) && params.minOverlap >= 1, 'must be whole seconds ≥ 1');
  check(
    'mode',
    params.mode === 'contiguous' || params.mode === 'cumulative',
    'must be contiguous or cumulative',
  );
  check('minCellDwell', isInt(params.minCellDwell) && params.minCellDwell >= 0, 'must be whole seconds ≥ 0');
  check('dwellWindow', isInt(params.dwellWindow) && params.dwellWindow >= 1, 'must be whole seconds ≥ 1');
  check('tzOffset', isInt(params.tzOffset) && Math.abs(params.tzOffset) < 86400, 'must be an offset ±HH:MM');
  return { params, problems };
}
