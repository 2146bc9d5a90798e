/** Tubes, results and outcomes as shared/contracts/screening.md defines them. Instants are epoch seconds. */

export type EpochSeconds = number;

export const TUBE_RESULTS = ['negative', 'positive', 'invalid'] as const;
export type TubeResult = (typeof TUBE_RESULTS)[number];

/** A member's outcome for one tube (the CLI's `outcome` column). */
export const OUTCOMES = [
  'negative',
  'positive',
  'awaiting_retest',
  'retest_negative',
  'retest_positive',
  'resample',
  'pending',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The largest pool a tube may hold. */
export const MAX_TUBE_SIZE = 50;

export interface Tube {
  barcode: string;
  /** Capacity: 1 is a single tube. */
  k: number;
  sampledAt: EpochSeconds;
  /** People in scan order. */
  members: string[];
}

export interface ReportedResult {
  result: TubeResult;
  reportedAt: EpochSeconds;
}

/** One member's outcome for one tube; `decidedBy` is the single tube that resolved a positive pool. */
export interface MemberOutcome {
  person: string;
  tube: string;
  outcome: Outcome;
  /** The tube's sampling time. */
  at: EpochSeconds;
  decidedBy?: string;
}
