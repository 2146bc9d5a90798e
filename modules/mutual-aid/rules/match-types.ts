/** The vocabulary of the contract's "Matching (batch, optimal)": requests, volunteers, results. */

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Weights of matched requests: urgent 3, normal 1. */
export const URGENCY_WEIGHT: Readonly<Record<Urgency, number>> = { urgent: 3, normal: 1 };

/** Why a request is left unmatched, in the contract's order of precedence (its exact words). */
export const UNMATCHED_REASONS = ['no skill', 'no availability', 'too far', 'no capacity'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** The contract's default `max_km`. */
export const DEFAULT_MAX_KM = 3;

/** A time window, epoch seconds, `from ≤ to`. */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface MatchRequest {
  id: string;
  /** One skill of the vocabulary. */
  need: string;
  urgency: Urgency;
  lon: number;
  lat: number;
  from: number;
  to: number;
}

/** A verified volunteer at the moment of the run (the caller keeps only verified ones). */
export interface MatchVolunteer {
  id: string;
  skills: readonly string[];
  lon: number;
  lat: number;
  windows: readonly TimeWindow[];
  /** Tasks still open to them that day (capacity left), a whole number ≥ 0. */
  capacity: number;
}

/** One request's outcome: a volunteer and the distance, or a reason. */
export interface MatchRow {
  request: string;
  volunteer: string | null;
  /** The great-circle distance in metres (exact, not rounded); null when unmatched. */
  distanceM: number | null;
  reason: UnmatchedReason | null;
}

export interface MatchingResult {
  /** One row per request, in the order the requests were given. */
  rows: MatchRow[];
  matched: number;
  /** Sum of the weights of the matched requests. */
  weight: number;
  /** Sum of the matched distances, metres (exact). */
  distanceM: number;
  /**
   * The distance objective that is minimised: the sum over matches of each distance rounded to
   * whole millimetres (integers keep the flow's arithmetic exact).
   */
  distanceMm: number;
}

export interface MatchOptions {
  /** `max_km` (default 3). */
  maxKm?: number;
}

/** Overlap of positive length (windows that only touch do not overlap). */
export const overlaps = (a: TimeWindow, b: TimeWindow): boolean =>
  Math.max(a.from, b.from) < Math.min(a.to, b.to);

/** Whole millimetres of a distance in metres (the objective's unit). */
export const toMm = (m: number): number => Math.round(m * 1000);
