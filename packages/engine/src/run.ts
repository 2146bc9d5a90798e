import type { CompanionParams } from './params.js';

/** Counts reported by one companion run (the CLI's `--summary` JSON). */
export interface RunSummary {
  pings: number;
  ping_rejects: number;
  duplicates: number;
  cases: number;
  case_rejects: number;
  subjects: number;
  stays: number;
  companions: number;
}

export interface CompanionRun {
  /** `subject,case,cell,overlap_start,overlap_end,overlap_s` with header, `\n` line ends. */
  csv: string;
  /** `file,line,reason` with header. */
  rejectsCsv: string;
  summary: RunSummary;
}

/** Whole-file convenience: pings CSV bytes + cases CSV bytes → companions, exactly as the contract says. */
export function companionsFromCsv(
  _pings: Uint8Array,
  _cases: Uint8Array,
  _params: Partial<CompanionParams> = {},
): CompanionRun {
  throw new Error('not yet implemented');
}
