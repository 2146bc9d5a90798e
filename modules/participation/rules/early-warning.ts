/**
 * Early warning from residents (shared/contracts/social.md): for each community and each hour,
 * n = the number of distinct residents with a `health_symptom` report in the last 24 h (the
 * half-open window (t − 24 h, t]). Baseline: the same 24-hour counts at the same hour on each of
 * the previous 14 days, their mean m and population standard deviation s. A warning raises when
 * n ≥ max(3, m + 3s) and none was raised for that community in the last 24 h (a warning exactly
 * 24 h before does not hold the next one back). Times are given; nothing here reads a clock.
 */

export const BASELINE_DAYS = 14;
export const WARNING_MIN_N = 3;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface WarningVerdict {
  raise: boolean;
  m: number;
  s: number;
  threshold: number;
}

/** Mean and population standard deviation (0 and 0 for none). */
export function meanAndPopulationStd(xs: readonly number[]): { m: number; s: number } {
  if (xs.length === 0) return { m: 0, s: 0 };
  const m = xs.reduce((a, x) => a + x, 0) / xs.length;
  const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length;
  return { m, s: Math.sqrt(v) };
}

/** The rule on counts: n against the baseline, and the last warning of the community. */
export function earlyWarningVerdict(o: {
  n: number;
  baseline: readonly number[];
  lastRaisedAt: Date | null;
  now: Date;
}): WarningVerdict {
  const { m, s } = meanAndPopulationStd(o.baseline);
  const threshold = Math.max(WARNING_MIN_N, m + 3 * s);
  const recent = o.lastRaisedAt !== null && o.now.getTime() - o.lastRaisedAt.getTime() < DAY_MS;
  return { raise: o.n >= threshold && !recent, m, s, threshold };
}

export interface SymptomReport {
  id: string;
  community: string;
  /** The resident (person) who reported. */
  reporter: string;
  category: string;
  submittedAt: Date;
}

/** The reports of the 24 h up to `at` of one community: `health_symptom` only. */
export function symptomReportsBefore(
  reports: readonly SymptomReport[],
  community: string,
  at: Date,
): SymptomReport[] {
  const end = at.getTime();
  return reports.filter(
    (r) =>
      r.community === community &&
      r.category === 'health_symptom' &&
      r.submittedAt.getTime() > end - DAY_MS &&
      r.submittedAt.getTime() <= end,
  );
}

/** Distinct residents with a `health_symptom` report in the 24 h up to `at`. */
export const distinctResidents = (reports: readonly SymptomReport[], community: string, at: Date): number =>
  new Set(symptomReportsBefore(reports, community, at).map((r) => r.reporter)).size;

/** n at `at`, and the baseline: the same count at `at` − d days, d = 1 … 14. */
export function symptomCounts(
  reports: readonly SymptomReport[],
  community: string,
  at: Date,
): { n: number; baseline: number[] } {
  const n = distinctResidents(reports, community, at);
  const baseline = Array.from({ length: BASELINE_DAYS }, (_, i) =>
    distinctResidents(reports, community, new Date(at.getTime() - (i + 1) * DAY_MS)),
  );
  return { n, baseline };
}

export interface EarlyWarning extends WarningVerdict {
  community: string;
  at: Date;
  n: number;
  /** The reports behind it: the community's symptom reports of the 24 h up to `at`. */
  reportIds: string[];
}

/**
 * The warnings the rule raises at the hour `at` for each community, given when each community was
 * last warned (absent: never).
 */
export function evaluateEarlyWarnings(
  reports: readonly SymptomReport[],
  communities: readonly string[],
  at: Date,
  lastRaisedAt: ReadonlyMap<string, Date>,
): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  for (const community of communities) {
    const { n, baseline } = symptomCounts(reports, community, at);
    const v = earlyWarningVerdict({
      n,
      baseline,
      lastRaisedAt: lastRaisedAt.get(community) ?? null,
      now: at,
    });
    if (v.raise)
      out.push({
        community,
        at,
        n,
        ...v,
        reportIds: symptomReportsBefore(reports, community, at).map((r) => r.id),
      });
  }
  return out;
}

/** The rule run at every whole hour from `from` to `to` (inclusive), each warning holding the next back. */
export function replayEarlyWarnings(reports: readonly SymptomReport[], from: Date, to: Date): EarlyWarning[] {
  const communities = [...new Set(reports.map((r) => r.community))].sort();
  const last = new Map<string, Date>();
  const out: EarlyWarning[] = [];
  for (let t = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS; t <= to.getTime(); t += HOUR_MS) {
    for (const w of evaluateEarlyWarnings(reports, communities, new Date(t), last)) {
      last.set(w.community, w.at);
      out.push(w);
    }
  }
  return out;
}
