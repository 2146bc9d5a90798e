/**
 * Participation statistics per place and period: counts by state, the share of reports within
 * their SLA, the median hours to respond, and the breaches listed (the rules decide each).
 */
import type { Db } from '@renxing/db';
import { listReports, type Report, type ReportState, STATES } from '../store/reports.js';
import { listSlas } from '../store/slas.js';
import { RULES, type SlaVerdict } from './rules-in-use.js';

/** The most reports one statistics run reads. */
export const MAX_STATS_REPORTS = 50_000;

export interface Breach {
  report: Report;
  /** Which deadlines were missed (`acknowledge`, `respond`). */
  missed: ('acknowledge' | 'respond')[];
  ackDue: Date;
  respondDue: Date;
}

export interface PlaceStats {
  placeId: string;
  placePath: string;
  placeName: string;
  total: number;
  byState: Record<ReportState, number>;
  /** Reports whose deadlines are decided (met or missed) and, of those, met; share = met / decided (null: none decided). */
  decided: number;
  withinSla: number;
  shareWithinSla: number | null;
  medianHoursToRespond: number | null;
  breaches: number;
}

export interface ParticipationStats extends Omit<PlaceStats, 'placeId' | 'placePath' | 'placeName'> {
  scope: string;
  from: Date;
  to: Date;
  byPlace: PlaceStats[];
  breachList: Breach[];
  truncated: boolean;
}

const emptyStates = (): Record<ReportState, number> =>
  Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ReportState, number>;

function summarise(rows: { report: Report; verdict: SlaVerdict }[]) {
  const byState = emptyStates();
  let decided = 0;
  let withinSla = 0;
  let breaches = 0;
  const hours: number[] = [];
  for (const { report, verdict } of rows) {
    byState[report.state] += 1;
    if (verdict.status !== 'pending') decided += 1;
    if (verdict.status === 'met') withinSla += 1;
    if (verdict.missed.length > 0) breaches += 1;
    if (report.respondedAt)
      hours.push((report.respondedAt.getTime() - report.submittedAt.getTime()) / 3_600_000);
  }
  return {
    total: rows.length,
    byState,
    decided,
    withinSla,
    shareWithinSla: decided === 0 ? null : withinSla / decided,
    medianHoursToRespond: RULES.median(hours),
    breaches,
  };
}

export async function getParticipationStats(
  db: Db,
  o: { scope: string; from: Date; to: Date; now: Date; breachLimit?: number },
): Promise<ParticipationStats> {
  const slas = new Map((await listSlas(db)).map((s) => [s.category, s]));
  const { reports, total } = await listReports(db, {
    scope: o.scope,
    from: o.from,
    to: o.to,
    limit: MAX_STATS_REPORTS,
    offset: 0,
  });
  const rows = reports.map((report) => ({
    report,
    verdict: RULES.sla(report, slas.get(report.category)!, o.now),
  }));
  const places = new Map<string, typeof rows>();
  for (const r of rows) places.set(r.report.placeId, [...(places.get(r.report.placeId) ?? []), r]);
  const byPlace = [...places.values()]
    .map((rs) => ({
      placeId: rs[0]!.report.placeId,
      placePath: rs[0]!.report.placePath,
      placeName: rs[0]!.report.placeName,
      ...summarise(rs),
    }))
    .sort((a, b) => (a.placePath < b.placePath ? -1 : a.placePath > b.placePath ? 1 : 0));
  const breachList = rows
    .filter((r) => r.verdict.missed.length > 0)
    .sort((a, b) => a.report.submittedAt.getTime() - b.report.submittedAt.getTime())
    .slice(0, o.breachLimit ?? 500)
    .map((r) => ({
      report: r.report,
      missed: r.verdict.missed,
      ackDue: r.verdict.ackDue,
      respondDue: r.verdict.respondDue,
    }));
  return {
    scope: o.scope,
    from: o.from,
    to: o.to,
    ...summarise(rows),
    byPlace,
    breachList,
    truncated: total > reports.length,
  };
}
