/**
 * Health codes (健康码): the state of one person, the events that may change it and the record of
 * every change, as in shared/contracts/health-code.md. Pure data: instants are epoch seconds,
 * always passed in by the caller.
 */

/** Unix epoch seconds (whole seconds, UTC). */
export type EpochSeconds = number;

export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

/**
 * Why a person is red, which decides what turns them green: a confirmed `case` (discharge, then
 * monitoring), a designated `close_contact` (isolation, then a negative test), a `positive` PCR
 * result not (yet) confirmed as a case, or an `override` (only another override changes it).
 */
export type RedBasis = 'case' | 'close_contact' | 'positive' | 'override';

export type PcrOutcome = 'positive' | 'negative';

/** One PCR result, as the person's test history keeps it. */
export interface PcrTest {
  testId: string;
  /** When the sample was taken: every rule counts this instant, not when the result came. */
  takenAt: EpochSeconds;
  result: PcrOutcome;
  /** True: a negative of a pooled tube (k > 1), counted as the member's own; absent: a single tube. */
  pooled?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Events

/** Found as a companion of a case (companion contract). `at` is when detection found it: the yellow begins then. */
export interface CompanionFound {
  kind: 'companion_found';
  at: EpochSeconds;
  caseId: string;
  /** The case's anonymised label, the only name of the case the person ever sees. */
  caseLabel: string;
  cell: string;
  overlapStart: EpochSeconds;
  overlapEnd: EpochSeconds;
}

export interface ConfirmedCase {
  kind: 'confirmed_case';
  at: EpochSeconds;
}

/** Designated a close contact by a health officer. */
export interface CloseContact {
  kind: 'close_contact';
  at: EpochSeconds;
  officerUnit: string;
  officerId: string;
}

export interface PcrResult {
  kind: 'pcr_result';
  testId: string;
  takenAt: EpochSeconds;
  result: PcrOutcome;
  /** When the result reached the system (optional; it only advances the state's clock). */
  reportedAt?: EpochSeconds;
  /** True: a negative of a pooled tube (k > 1); absent: a single tube (screening contract). */
  pooled?: boolean;
}

/**
 * A pooled tube (k > 1) the person was sampled into was positive (screening contract): no
 * individual result, a single-tube re-test is awaited. `at` is when it is applied (the result
 * was reported): a green turns yellow then.
 */
export interface PooledPositive {
  kind: 'pooled_positive';
  at: EpochSeconds;
  /** The tube's barcode. */
  tube: string;
  /** The pooled tube's sampling time: a single-tube result taken after it ends the wait. */
  sampledAt: EpochSeconds;
}

/** A designated close contact's isolation began (the 14 days count from here). */
export interface IsolationStarted {
  kind: 'isolation_started';
  at: EpochSeconds;
}

/** A confirmed case discharged by a health officer (the monitoring period counts from here). */
export interface Discharged {
  kind: 'discharged';
  at: EpochSeconds;
  officerId: string;
}

/** A two-person override; build it with `approveOverride`, never by hand. */
export interface OverrideApproved {
  kind: 'override_approved';
  to: Colour;
  requestedBy: string;
  approvedBy: string;
  reasons: { request: string; approval: string };
  requestedAt: EpochSeconds;
  /** The approval instant: the change happens then. */
  at: EpochSeconds;
}

/** Time passes: lets the time-based rules fire (end of isolation, end of monitoring). */
export interface Tick {
  kind: 'tick';
  now: EpochSeconds;
}

export type HealthCodeEvent =
  | CompanionFound
  | ConfirmedCase
  | CloseContact
  | PcrResult
  | PooledPositive
  | IsolationStarted
  | Discharged
  | OverrideApproved
  | Tick;

// ---------------------------------------------------------------------------------------------
// Reasons, evidence, transitions

/**
 * The reason the person is shown, as data (explain.ts renders it in a locale). It names the case
 * only by its anonymised label and an officer only by their unit.
 */
export type PersonReason =
  | { kind: 'initial' }
  | {
      kind: 'companion';
      at: EpochSeconds;
      caseLabel: string;
      cell: string;
      overlapStart: EpochSeconds;
      overlapEnd: EpochSeconds;
    }
  | { kind: 'confirmed_case'; at: EpochSeconds }
  | { kind: 'close_contact'; at: EpochSeconds; officerUnit: string }
  | { kind: 'positive_test'; test: PcrTest }
  | { kind: 'negative_tests'; tests: PcrTest[] }
  | { kind: 'isolation_complete'; isolationStart: EpochSeconds; isolationEnd: EpochSeconds; test: PcrTest }
  | { kind: 'discharge_monitoring'; dischargedAt: EpochSeconds; monitoringEnd: EpochSeconds }
  | { kind: 'override'; at: EpochSeconds }
  | { kind: 'pooled_positive'; tube: string; sampledAt: EpochSeconds; at: EpochSeconds }
  | { kind: 'retest_negative'; tube: string; test: PcrTest };

export type ReasonKind = PersonReason['kind'];

/** Stable rule ids: stored with every change, never renamed. */
export const RULE_IDS = [
  'companion_yellow',
  'confirmed_red',
  'close_contact_red',
  'two_negatives_green',
  'isolation_complete_green',
  'discharge_monitoring_green',
  'positive_red',
  'override',
  'pooled_positive',
  'retest_negative_green',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What the system relied on, in full (for the audit trail; not all of it is shown to the person). */
export type Evidence =
  | {
      rule: 'companion_yellow';
      caseId: string;
      caseLabel: string;
      cell: string;
      overlapStart: EpochSeconds;
      overlapEnd: EpochSeconds;
      foundAt: EpochSeconds;
    }
  | { rule: 'confirmed_red'; confirmedAt: EpochSeconds }
  | { rule: 'close_contact_red'; designatedAt: EpochSeconds; officerUnit: string; officerId: string }
  | {
      rule: 'two_negatives_green';
      yellowSince: EpochSeconds;
      /** The end of the window tests must be taken in (chengdu-2021), or null. */
      windowEnd: EpochSeconds | null;
      tests: PcrTest[];
    }
  | {
      rule: 'isolation_complete_green';
      isolationStart: EpochSeconds;
      /** When the isolation ended: 14 days after its start, or later if the negative test came later. */
      isolationEnd: EpochSeconds;
      test: PcrTest;
    }
  | {
      rule: 'discharge_monitoring_green';
      dischargedAt: EpochSeconds;
      monitoringEnd: EpochSeconds;
      officerId: string;
    }
  | { rule: 'positive_red'; test: PcrTest }
  | {
      rule: 'override';
      requestedBy: string;
      approvedBy: string;
      reasons: { request: string; approval: string };
      requestedAt: EpochSeconds;
      approvedAt: EpochSeconds;
    }
  | { rule: 'pooled_positive'; tube: string; sampledAt: EpochSeconds; at: EpochSeconds }
  | {
      rule: 'retest_negative_green';
      /** The pooled tube whose positive the single-tube negative answered. */
      tube: string;
      sampledAt: EpochSeconds;
      test: PcrTest;
    };

/** One stored change of a person's code. */
export interface Transition {
  personId: string;
  from: Colour;
  to: Colour;
  /** When the system made the change (see rules.ts for which instant each rule uses). */
  at: EpochSeconds;
  rule: RuleId;
  /** The preset the rule was applied under. */
  preset: string;
  evidence: Evidence;
  /** The people who acted (officers, override requester and approver); empty for automatic rules. */
  actors: string[];
  /** What the person is shown: equal to the new state's `reason`. */
  reason: PersonReason;
}

// ---------------------------------------------------------------------------------------------
// State

/** A positive pooled tube awaiting a single-tube result taken strictly after `sampledAt`. */
export interface PooledPending {
  tube: string;
  sampledAt: EpochSeconds;
}

/** One person's health code and everything the rules need to decide its next change. */
export interface HealthCodeState {
  personId: string;
  colour: Colour;
  /** When the current colour began (null: green from the start). */
  since: EpochSeconds | null;
  reason: PersonReason;
  /** Set while red. */
  redBasis: RedBasis | null;
  /** When the current yellow began (set while yellow): negative tests count from here. */
  yellowSince: EpochSeconds | null;
  /** Start of a close contact's isolation (while red because of a close-contact designation). */
  isolationStart: EpochSeconds | null;
  /** Discharge of a confirmed case (while red because of a case). */
  dischargedAt: EpochSeconds | null;
  /** The officer who discharged, kept for the evidence of the green that follows. */
  dischargedBy: string | null;
  /** The person's PCR results, sorted by takenAt then testId; one entry per testId. */
  tests: PcrTest[];
  /**
   * The latest positive pooled tube still awaiting the person's single-tube re-test (null: none).
   * States stored before pooled screening lack it: read it with `pooledPendingOf`.
   */
  pooledPending: PooledPending | null;
  /** Keys (idempotency.ts `companionKey`) of every companion_found already applied. */
  companionKeys: string[];
  /** The latest instant any applied event proves was reached (null before any): the rules' "now". */
  clock: EpochSeconds | null;
}
