/**
 * The report's state machine (shared/contracts/social.md): `submitted → acknowledged → assigned →
 * responded → closed`. Staff may skip ahead (assign or respond to a report not yet acknowledged —
 * the step then counts for the ones skipped) and reassign; only a responded report is closed. The
 * reporter may reopen a responded (or since closed) report within 7 days of the response; it goes
 * back to `acknowledged`, to be assigned and answered again.
 */

export const REPORT_STATES = ['submitted', 'acknowledged', 'assigned', 'responded', 'closed'] as const;
export type ReportStateName = (typeof REPORT_STATES)[number];
export const STAFF_ACTIONS = ['acknowledge', 'assign', 'respond', 'close'] as const;
export type StaffActionName = (typeof STAFF_ACTIONS)[number];

export const REOPEN_DAYS = 7;
const DAY_MS = 86_400_000;

const MOVES: Record<StaffActionName, { from: readonly ReportStateName[]; to: ReportStateName }> = {
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  assign: { from: ['submitted', 'acknowledged', 'assigned'], to: 'assigned' },
  respond: { from: ['submitted', 'acknowledged', 'assigned'], to: 'responded' },
  close: { from: ['responded'], to: 'closed' },
};

/** The state a staff action leads to, or null when it is not allowed from `state`. */
export function nextReportState(state: ReportStateName, action: StaffActionName): ReportStateName | null {
  const m = MOVES[action];
  return m.from.includes(state) ? m.to : null;
}

export type ReopenDecision = { kind: 'ok'; to: ReportStateName } | { kind: 'state' } | { kind: 'window' };

/** Whether the reporter may reopen now: `state` when not responded or closed, `window` after 7 days. */
export function reopenDecision(
  r: { state: ReportStateName; respondedAt: Date | null },
  now: Date,
): ReopenDecision {
  if ((r.state !== 'responded' && r.state !== 'closed') || r.respondedAt === null) return { kind: 'state' };
  if (now.getTime() - r.respondedAt.getTime() > REOPEN_DAYS * DAY_MS) return { kind: 'window' };
  return { kind: 'ok', to: 'acknowledged' };
}
