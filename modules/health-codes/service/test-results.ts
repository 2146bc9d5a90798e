/**
 * PCR results: stored once per (lab, sample, person), then applied to the person's code as a
 * pcr_result event (the stored row's id is the test's id, so a re-sent result changes nothing),
 * with its audit row, all in one transaction.
 */

import { FieldError, RenxingError } from '@renxing/contracts';
import '../errors.js';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import type { HealthCodeState, Transition } from '../rules/types.js';
import { lockHealthCode } from '../store/health-codes.js';
import { insertTestResult, type StoredTestResult } from '../store/test-results.js';
import { applyHealthCodeEvent } from './apply.js';

export interface NewPcrResult {
  personId: string;
  result: 'negative' | 'positive';
  sampledAt: Date;
  lab: string;
  sampleId: string;
  poolId?: string | null;
  /** The user who sent it (null: a system import). */
  recordedBy: string | null;
  /** When the result reached the system (default now). */
  reportedAt?: Date;
  /** The clock (epoch seconds) the sample's date is checked against (default: reportedAt). */
  now?: number;
}

export interface RecordedPcrResult {
  test: StoredTestResult;
  /** False when this (lab, sample, person) was already stored with the same result. */
  inserted: boolean;
  transition: Transition | null;
  state: HealthCodeState;
}

/**
 * Records one result and applies it under `preset`. Refused with `unknown_person`,
 * `result_conflict` when the same (lab, sample, person) was stored with another result (a
 * correction is a new sample, never a silent overwrite), and by the rules' admission (naming
 * `body.sampledAt`) for a new sample taken in the future, or a negative taken before the yellow
 * or red it would clear began or before the isolation it would end.
 */
export async function recordPcrResult(
  db: Db,
  input: NewPcrResult,
  options: { preset: string },
): Promise<RecordedPcrResult> {
  const reportedAt = input.reportedAt ?? new Date();
  const now = input.now ?? Math.floor(reportedAt.getTime() / 1000);
  return db.transaction(async (tx) => {
    const { exists } = await lockHealthCode(tx, input.personId);
    if (!exists) throw new RenxingError('RX_NOT_FOUND');
    const { test, inserted } = await insertTestResult(tx, {
      personId: input.personId,
      result: input.result,
      sampledAt: input.sampledAt,
      reportedAt,
      lab: input.lab,
      sampleId: input.sampleId,
      poolId: input.poolId ?? null,
      recordedBy: input.recordedBy,
    });
    if (test.result !== input.result) {
      throw new FieldError('RX_TEST_RESULT_CONFLICT', 'body.result', {
        sampleId: input.sampleId,
        lab: input.lab,
        result: test.result,
      });
    }
    const { transition, state } = await applyHealthCodeEvent(
      tx,
      input.personId,
      {
        kind: 'pcr_result',
        testId: test.id,
        takenAt: Math.floor(test.sampledAt.getTime() / 1000),
        result: input.result,
        reportedAt: Math.floor(test.reportedAt.getTime() / 1000),
        ...(test.poolId !== null ? { pooled: true } : {}),
      },
      // A sample already stored was admitted then; re-sending it changes nothing.
      inserted ? { ...options, admit: { now, field: 'body.sampledAt' } } : options,
    );
    await appendAudit(tx, {
      actor: input.recordedBy ?? 'system:test-results',
      action: 'test_result.record',
      subjectType: 'person',
      subjectId: input.personId,
      reason: `${input.lab} sample ${input.sampleId}`,
      detail: {
        testResultId: test.id,
        result: test.result,
        inserted,
        ...(input.poolId ? { poolId: input.poolId } : {}),
        ...(transition ? { from: transition.from, to: transition.to, rule: transition.rule } : {}),
      },
    });
    return { test, inserted, transition, state };
  });
}
