/**
 * Report SLAs (shared/contracts/social.md): each category has hours to acknowledge and hours to
 * respond, counted from submission (defaults 24 and 72). A deadline is kept when the step happened
 * at or before it; a response also counts as the acknowledgement when none was recorded. A step
 * not yet taken is missed once `now` is past its deadline.
 */

export const DEFAULT_SLA_HOURS = { ack: 24, respond: 72 } as const;
const HOUR_MS = 3_600_000;

export interface SlaHours {
  ackHours: number;
  respondHours: number;
}

export interface SlaTimes {
  submittedAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
}

export interface SlaVerdict {
  /** met: every deadline kept; breached: one missed; pending: not yet decided. */
  status: 'met' | 'breached' | 'pending';
  missed: ('acknowledge' | 'respond')[];
  ackDue: Date;
  respondDue: Date;
}

export function slaDue(submittedAt: Date, sla: SlaHours): { ackDue: Date; respondDue: Date } {
  const t = submittedAt.getTime();
  return {
    ackDue: new Date(t + sla.ackHours * HOUR_MS),
    respondDue: new Date(t + sla.respondHours * HOUR_MS),
  };
}

export function slaVerdict(r: SlaTimes, sla: SlaHours, now: Date): SlaVerdict {
  const { ackDue, respondDue } = slaDue(r.submittedAt, sla);
  const ackAt = r.acknowledgedAt ?? r.respondedAt;
  const late = (at: Date | null, due: Date) =>
    at ? at.getTime() > due.getTime() : now.getTime() > due.getTime();
  const missed: SlaVerdict['missed'] = [];
  if (late(ackAt, ackDue)) missed.push('acknowledge');
  if (late(r.respondedAt, respondDue)) missed.push('respond');
  const status = missed.length > 0 ? 'breached' : r.respondedAt ? 'met' : 'pending';
  return { status, missed, ackDue, respondDue };
}

/** Hours from submission to response (null: not responded). */
export const hoursToRespond = (r: SlaTimes): number | null =>
  r.respondedAt ? (r.respondedAt.getTime() - r.submittedAt.getTime()) / HOUR_MS : null;

/** The median (the mean of the two middle values for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The share of decided reports (met or breached) that met their SLA; null when none is decided. */
export function withinSlaShare(verdicts: readonly Pick<SlaVerdict, 'status'>[]): number | null {
  let met = 0;
  let decided = 0;
  for (const v of verdicts)
    if (v.status !== 'pending') {
      decided++;
      if (v.status === 'met') met++;
    }
  return decided === 0 ? null : met / decided;
}
