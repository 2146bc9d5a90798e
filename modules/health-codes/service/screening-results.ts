/**
 * Mass screening's results (shared/contracts/screening.md) into the health codes, a whole batch
 * in the caller's transaction. Each member's individual result is stored in test_results in bulk;
 * then events are applied one person at a time only where they can matter: a single-tube
 * positive, a positive pooled tube (a wait for a single-tube re-test), and the negatives of people
 * who already have a stored code. Everyone else stays green without a code row: their negatives
 * are read back from test_results when they first get one (apply.ts), so a million negatives cost
 * a few hundred statements.
 */
import type { Db } from '@renxing/db';
import type { HealthCodeEvent, PcrResult, Transition } from '../rules/types.js';
import { peopleWithHealthCodes } from '../store/health-codes.js';
import {
  insertScreeningTestResults,
  type NewScreeningTestResult,
  sampleKey,
  testResultsByKey,
} from '../store/test-results.js';
import { applyHealthCodeEvent, presetOf } from './apply.js';

/** One member's outcome of one tube as the lab reported it. */
export interface ScreeningMemberResult {
  personId: string;
  /** The tube's barcode. */
  tube: string;
  /** The tube's capacity: 1 a single tube, more a pooled one. */
  k: number;
  sampledAt: Date;
  reportedAt: Date;
  result: 'negative' | 'positive' | 'invalid';
  lab: string;
}

interface PersonEvent {
  personId: string;
  reportedAt: number;
  sampledAt: number;
  tube: string;
  event: HealthCodeEvent;
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** The member's own result of the tube, or null (a positive pool or an invalid tube gives none). */
function individualResult(r: ScreeningMemberResult): NewScreeningTestResult | null {
  if (r.result === 'invalid' || (r.result === 'positive' && r.k > 1)) return null;
  const { personId, tube, result, sampledAt, reportedAt, lab } = r;
  return { personId, tube, pooled: r.k > 1, result, sampledAt, reportedAt, lab };
}

/**
 * Stores the batch's individual results (k = 1 negative or positive, k > 1 negative; sample_id
 * the tube, pool_id the tube when pooled; a (lab, tube, person) already stored stays as it was)
 * and applies the health-code events that can change a code, each person's in the order they were
 * reported: a pcr_result (testId: the stored row's id, with its stored values) for every
 * single-tube positive and for every negative of a person with a stored code, and a
 * pooled_positive (at the report) for every member of a positive pooled tube. Returns the
 * transitions, in the order they happened. Re-running a batch changes nothing. Throws
 * RX_UNKNOWN_PRESET before writing, and the database's error for a person who does not exist.
 */
export async function recordScreeningResults(
  db: Db,
  rows: readonly ScreeningMemberResult[],
  options: { preset: string },
): Promise<{ transitions: Transition[] }> {
  const preset = presetOf(options.preset).id;
  return db.transaction(async (tx) => {
    const individual = rows.flatMap((r) => individualResult(r) ?? []);
    await insertScreeningTestResults(tx, individual);
    const coded = await peopleWithHealthCodes(
      tx,
      individual.filter((r) => r.result === 'negative').map((r) => r.personId),
    );
    const events = [
      ...(await pcrEvents(
        tx,
        individual.filter((r) => r.result === 'positive' || coded.has(r.personId)),
      )),
      ...rows.filter((r) => r.result === 'positive' && r.k > 1).map(pooledPositiveEvent),
    ].sort(byPersonThenReport);
    const transitions: Transition[] = [];
    for (const e of events) {
      const { transition } = await applyHealthCodeEvent(tx, e.personId, e.event, { preset });
      if (transition) transitions.push(transition);
    }
    return { transitions };
  });
}

/** A member's wait for a single-tube re-test, from the report of the positive pool. */
function pooledPositiveEvent(r: ScreeningMemberResult): PersonEvent {
  const at = seconds(r.reportedAt);
  const sampledAt = seconds(r.sampledAt);
  const { personId, tube } = r;
  return {
    personId,
    reportedAt: at,
    sampledAt,
    tube,
    event: { kind: 'pooled_positive', at, tube, sampledAt },
  };
}

/**
 * pcr_result events of the stored rows: the first result stored for a (lab, tube, person) is the
 * one applied (an invalid one stored by another path is no individual result: no event).
 */
async function pcrEvents(tx: Db, results: readonly NewScreeningTestResult[]): Promise<PersonEvent[]> {
  const stored = await testResultsByKey(
    tx,
    results.map((r) => ({ lab: r.lab, sampleId: r.tube, personId: r.personId })),
  );
  return results.flatMap((r) => {
    const test = stored.get(sampleKey(r.lab, r.tube, r.personId));
    if (!test) throw new Error(`test result ${r.lab}/${r.tube} of ${r.personId} was not stored`);
    if (test.result === 'invalid') return [];
    const takenAt = seconds(test.sampledAt);
    const reportedAt = seconds(test.reportedAt);
    const event: PcrResult = {
      kind: 'pcr_result',
      testId: test.id,
      takenAt,
      result: test.result,
      reportedAt,
    };
    if (test.poolId !== null) event.pooled = true;
    return [{ personId: r.personId, reportedAt, sampledAt: takenAt, tube: r.tube, event }];
  });
}

/** People in id order (locks are always taken in one order); each person's events as they were reported. */
function byPersonThenReport(a: PersonEvent, b: PersonEvent): number {
  return (
    compare(a.personId, b.personId) ||
    a.reportedAt - b.reportedAt ||
    a.sampledAt - b.sampledAt ||
    compare(a.tube, b.tube)
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
