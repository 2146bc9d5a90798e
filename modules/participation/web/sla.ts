/**
 * A report's SLA as the board shows it: its two due times (hours to acknowledge and hours to
 * respond, both from submission, as the city set them for its category), what is due next, and how
 * it stands — breached (a due time missed: the server's breach list is the word on it, the clock
 * here only fills in between loads), due soon, in time, or done. Pure.
 */
import type { Category, Report, Sla } from './api.js';

export type SlaTone = 'breached' | 'soon' | 'ok' | 'done';

/** Within how long a due time counts as soon, ms. */
export const SOON_MS = 4 * 3_600_000;
const HOUR = 3_600_000;

export interface SlaView {
  ackDue: number;
  respondDue: number;
  /** What is due next: acknowledgement, response, or nothing (responded or closed). */
  next: 'ack' | 'respond' | null;
  /** The due time of `next` (of the missed one when breached). */
  due: number | null;
  missed: ('acknowledge' | 'respond')[];
  tone: SlaTone;
}

export const DEFAULT_SLA = { ackHours: 24, respondHours: 72 } as const;

export function slaView(
  r: Pick<Report, 'submittedAt' | 'acknowledgedAt' | 'respondedAt' | 'state' | 'category'>,
  slas: ReadonlyMap<Category, Pick<Sla, 'ackHours' | 'respondHours'>>,
  now: number,
  serverMissed?: readonly ('acknowledge' | 'respond')[],
): SlaView {
  const sla = slas.get(r.category) ?? DEFAULT_SLA;
  const submitted = Date.parse(r.submittedAt);
  const ackDue = submitted + sla.ackHours * HOUR;
  const respondDue = submitted + sla.respondHours * HOUR;
  const acked = r.acknowledgedAt ? Date.parse(r.acknowledgedAt) : r.state !== 'submitted' ? submitted : null;
  const responded = r.respondedAt ? Date.parse(r.respondedAt) : null;
  const missed: ('acknowledge' | 'respond')[] = serverMissed
    ? [...serverMissed]
    : [
        ...((acked === null ? now > ackDue : acked > ackDue) ? (['acknowledge'] as const) : []),
        ...((responded === null ? r.state !== 'closed' && now > respondDue : responded > respondDue)
          ? (['respond'] as const)
          : []),
      ];
  const finished = r.state === 'responded' || r.state === 'closed';
  const next = finished ? null : r.state === 'submitted' ? 'ack' : 'respond';
  if (missed.length > 0) {
    const first = missed[0] === 'acknowledge' ? ackDue : respondDue;
    return {
      ackDue,
      respondDue,
      next,
      due: next === null ? first : next === 'ack' ? ackDue : respondDue,
      missed,
      tone: 'breached',
    };
  }
  if (next === null) return { ackDue, respondDue, next, due: null, missed, tone: 'done' };
  const due = next === 'ack' ? ackDue : respondDue;
  return { ackDue, respondDue, next, due, missed, tone: due - now < SOON_MS ? 'soon' : 'ok' };
}

/** Until when a responded report may be reopened by its reporter (7 days after the response), or null. */
export function reopenUntil(r: Pick<Report, 'state' | 'respondedAt'>): number | null {
  if (r.state !== 'responded' || !r.respondedAt) return null;
  return Date.parse(r.respondedAt) + 7 * 24 * HOUR;
}
