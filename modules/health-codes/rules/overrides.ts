/**
 * Two-person overrides: one authorised user requests a colour with a written reason, a second,
 * different authorised user approves with their own written reason. Whether each user is
 * authorised for the person is the authz package's decision; these rules check the rest.
 */
import { COLOURS, type Colour, type EpochSeconds, type OverrideApproved } from './types.js';

export interface OverrideRequest {
  personId: string;
  to: Colour;
  requestedBy: string;
  reason: string;
  requestedAt: EpochSeconds;
}

export interface OverrideApprover {
  userId: string;
  reason: string;
  at: EpochSeconds;
}

/** Why an override was refused (stable codes). */
export type OverrideRefusal = 'same_person' | 'empty_reason' | 'missing_user' | 'unknown_colour';

export type OverrideResult<T> = { ok: true; value: T } | { ok: false; refusal: OverrideRefusal };

const blank = (s: string): boolean => s.trim() === '';

/** A request for an override; refused when the requester or the reason is empty. */
export function requestOverride(request: OverrideRequest): OverrideResult<OverrideRequest> {
  if (!(COLOURS as readonly string[]).includes(request.to)) return { ok: false, refusal: 'unknown_colour' };
  if (blank(request.requestedBy) || blank(request.personId)) return { ok: false, refusal: 'missing_user' };
  if (blank(request.reason)) return { ok: false, refusal: 'empty_reason' };
  return { ok: true, value: { ...request } };
}

/**
 * The approval of a request by a second user: the override_approved event to apply, or a refusal
 * when the approver is the requester or either reason is empty (whitespace counts as empty).
 */
export function approveOverride(
  request: OverrideRequest,
  approver: OverrideApprover,
): OverrideResult<OverrideApproved> {
  const requested = requestOverride(request);
  if (!requested.ok) return requested;
  const event: OverrideApproved = {
    kind: 'override_approved',
    to: request.to,
    requestedBy: request.requestedBy,
    approvedBy: approver.userId,
    reasons: { request: request.reason, approval: approver.reason },
    requestedAt: request.requestedAt,
    at: approver.at,
  };
  const refusal = overrideRefusal(event);
  return refusal ? { ok: false, refusal } : { ok: true, value: event };
}

/** Why this override event must not be applied, or null when it is a valid two-person override. */
export function overrideRefusal(event: OverrideApproved): OverrideRefusal | null {
  if (!(COLOURS as readonly string[]).includes(event.to)) return 'unknown_colour';
  if (blank(event.requestedBy) || blank(event.approvedBy)) return 'missing_user';
  if (event.requestedBy === event.approvedBy) return 'same_person';
  if (blank(event.reasons.request) || blank(event.reasons.approval)) return 'empty_reason';
  return null;
}
