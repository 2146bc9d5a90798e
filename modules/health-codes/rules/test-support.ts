/** Builders for the health-code tests (not part of the build: excluded in tsconfig.json). */
import { approveOverride } from './overrides.js';
import { DEFAULT_PRESET, type HealthCodePreset } from './presets.js';
import { initialState, replay } from './rules.js';
import type {
  Colour,
  CompanionFound,
  EpochSeconds,
  HealthCodeEvent,
  HealthCodeState,
  OverrideApproved,
  PcrResult,
  PooledPositive,
} from './types.js';

export const S = 1;
export const H = 3600;
export const D = 86400;
/** 2026-11-01 08:00 at +08:00. */
export const T0: EpochSeconds = Date.UTC(2026, 10, 1, 0, 0, 0) / 1000;
export const PERSON = 'p-001';

export function companion(at: EpochSeconds, caseId = 'case-7f3a', caseLabel = 'A-12'): CompanionFound {
  return {
    kind: 'companion_found',
    at,
    caseId,
    caseLabel,
    cell: '3:-2',
    overlapStart: at - 5 * H,
    overlapEnd: at - 4 * H,
  };
}
export const negative = (testId: string, takenAt: EpochSeconds, reportedAt?: EpochSeconds): PcrResult =>
  reportedAt === undefined
    ? { kind: 'pcr_result', testId, takenAt, result: 'negative' }
    : { kind: 'pcr_result', testId, takenAt, result: 'negative', reportedAt };
export const positive = (testId: string, takenAt: EpochSeconds): PcrResult => ({
  kind: 'pcr_result',
  testId,
  takenAt,
  result: 'positive',
});
/** A negative of a pooled tube (k > 1): the member's own negative, but no single-tube re-test. */
export const pooledNegative = (testId: string, takenAt: EpochSeconds): PcrResult => ({
  ...negative(testId, takenAt),
  pooled: true,
});
/** Pooled tube `tube`, sampled at `sampledAt`, reported positive at `at`. */
export const pooledPositive = (tube: string, sampledAt: EpochSeconds, at: EpochSeconds): PooledPositive => ({
  kind: 'pooled_positive',
  at,
  tube,
  sampledAt,
});
export const tick = (now: EpochSeconds): HealthCodeEvent => ({ kind: 'tick', now });
export const confirmed = (at: EpochSeconds): HealthCodeEvent => ({ kind: 'confirmed_case', at });
export const closeContact = (at: EpochSeconds): HealthCodeEvent => ({
  kind: 'close_contact',
  at,
  officerUnit: '锦江区疾控中心',
  officerId: 'officer-9',
});
export const isolationStarted = (at: EpochSeconds): HealthCodeEvent => ({ kind: 'isolation_started', at });
export const discharged = (at: EpochSeconds): HealthCodeEvent => ({
  kind: 'discharged',
  at,
  officerId: 'doctor-2',
});

/** A valid two-person override (fails the test when approveOverride refuses it). */
export function override(to: Colour, at: EpochSeconds): OverrideApproved {
  const r = approveOverride(
    { personId: PERSON, to, requestedBy: 'officer-a', reason: 'wrong sample matched', requestedAt: at - H },
    { userId: 'officer-b', reason: 'checked the lab record', at },
  );
  if (!r.ok) throw new Error(`override refused: ${r.refusal}`);
  return r.value;
}

/** Replays events from a fresh green state of PERSON. */
export function run(
  events: HealthCodeEvent[],
  preset: HealthCodePreset = DEFAULT_PRESET,
  from: HealthCodeState = initialState(PERSON),
) {
  return replay(from, events, preset);
}
