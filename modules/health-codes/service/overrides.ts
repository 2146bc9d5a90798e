/**
 * Two-person overrides: one authorised user asks for a colour with a written reason; a second,
 * different authorised user approves (the change is applied then, naming the request) or rejects,
 * with their own reason. Each step is one transaction with its audit row. Whether each user may
 * act for the person (role, scope) is the caller's decision.
 */

import { FieldError, invalid, RenxingError } from '@renxing/contracts';
import '../errors.js';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { approveOverride, type OverrideRefusal, requestOverride } from '../rules/overrides.js';
import { initialState } from '../rules/rules.js';
import type { HealthCodeState, Transition } from '../rules/types.js';
import { type CodeColour, healthCodeOf, lockHealthCode } from '../store/health-codes.js';
import {
  decideOverrideRequest,
  insertOverrideRequest,
  overrideRequestById,
  type StoredOverrideRequest,
} from '../store/override-requests.js';
import { applyHealthCodeEvent } from './apply.js';

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** A refusal of the override rules as the catalogue's error. */
function refused(refusal: OverrideRefusal): RenxingError {
  switch (refusal) {
    case 'same_person':
      return new RenxingError('RX_OVERRIDE_SELF');
    case 'empty_reason':
      return invalid('body.reason', { en: 'write a reason', 'zh-CN': '请填写理由' });
    default:
      return new RenxingError('RX_OVERRIDE_REFUSED', { refusal });
  }
}

export interface NewOverride {
  personId: string;
  to: CodeColour;
  /** The requesting user's id. */
  requestedBy: string;
  reason: string;
  /** Why the audit log records it (default: the reason). */
  now?: Date;
}

/**
 * Stores a pending request (audited as `health_code.override.request`). Refused when the reason
 * is blank (`empty_reason`), the person is unknown (`unknown_person`) or the code already has that
 * colour (`no_change`).
 */
export async function requestHealthCodeOverride(
  db: Db,
  request: NewOverride,
): Promise<StoredOverrideRequest> {
  const checked = requestOverride({
    personId: request.personId,
    to: request.to,
    requestedBy: request.requestedBy,
    reason: request.reason,
    requestedAt: seconds(request.now ?? new Date()),
  });
  if (!checked.ok) throw refused(checked.refusal);
  return db.transaction(async (tx) => {
    const { exists, code } = await lockHealthCode(tx, request.personId);
    if (!exists) throw new RenxingError('RX_NOT_FOUND');
    const colour = code?.colour ?? 'green';
    if (colour === request.to) {
      throw new FieldError('RX_OVERRIDE_NO_CHANGE', 'body.to', { colour });
    }
    const stored = await insertOverrideRequest(tx, {
      personId: request.personId,
      to: request.to,
      requestedBy: request.requestedBy,
      reason: request.reason.trim(),
      requestedAt: request.now,
    });
    await appendAudit(tx, {
      actor: request.requestedBy,
      action: 'health_code.override.request',
      subjectType: 'person',
      subjectId: request.personId,
      reason: stored.reason,
      detail: { overrideRequestId: stored.id, from: colour, to: request.to },
    });
    return stored;
  });
}

export interface OverrideDecisionInput {
  approve: boolean;
  decidedBy: string;
  reason: string;
  /** The city's preset (approval applies the change under it). */
  preset: string;
  now?: Date;
}

export interface DecidedOverride {
  request: StoredOverrideRequest;
  /** The change an approval made (null for a rejection, or if the code already had that colour). */
  transition: Transition | null;
  state: HealthCodeState;
}

/**
 * Approves or rejects a pending request, once: the decider must be another user than the
 * requester (`same_person`), with a written reason (`empty_reason`); a request already decided is
 * `override_decided`, an unknown one `override_not_found`. An approval applies the override event
 * in the same transaction. Audited as `health_code.override.approve` / `.reject`.
 */
export async function decideHealthCodeOverride(
  db: Db,
  requestId: string,
  decision: OverrideDecisionInput,
): Promise<DecidedOverride> {
  const now = decision.now ?? new Date();
  return db.transaction(async (tx) => {
    const request = await overrideRequestById(tx, requestId, { lock: true });
    if (!request) throw new RenxingError('RX_NOT_FOUND');
    if (request.state !== 'pending') {
      throw new RenxingError('RX_OVERRIDE_DECIDED', { state: request.state });
    }
    const domainRequest = {
      personId: request.personId,
      to: request.to,
      requestedBy: request.requestedBy,
      reason: request.reason,
      requestedAt: seconds(request.requestedAt),
    };
    const approval = approveOverride(domainRequest, {
      userId: decision.decidedBy,
      reason: decision.reason,
      at: Math.max(seconds(now), domainRequest.requestedAt),
    });
    // The same checks hold for a rejection: four eyes and a written reason.
    if (!approval.ok) throw refused(approval.refusal);
    const decided = await decideOverrideRequest(tx, requestId, {
      state: decision.approve ? 'approved' : 'rejected',
      decidedBy: decision.decidedBy,
      reason: decision.reason.trim(),
      decidedAt: now,
    });
    if (!decided) throw new RenxingError('RX_OVERRIDE_DECIDED', { state: 'decided' });
    let result: { transition: Transition | null; state: HealthCodeState };
    if (decision.approve) {
      result = await applyHealthCodeEvent(tx, request.personId, approval.value, {
        preset: decision.preset,
        overrideRequestId: request.id,
      });
    } else {
      const code = await healthCodeOf(tx, request.personId);
      result = {
        transition: null,
        state: code ? (code.state as HealthCodeState) : initialState(request.personId),
      };
    }
    await appendAudit(tx, {
      actor: decision.decidedBy,
      action: decision.approve ? 'health_code.override.approve' : 'health_code.override.reject',
      subjectType: 'person',
      subjectId: request.personId,
      reason: decision.reason.trim(),
      detail: {
        overrideRequestId: request.id,
        requestedBy: request.requestedBy,
        to: request.to,
        changed: result.transition !== null,
        ...(result.transition ? { from: result.transition.from } : {}),
      },
    });
    return { request: decided, ...result };
  });
}
