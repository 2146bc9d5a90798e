/**
 * Each member's outcome for each tube (shared/contracts/screening.md, "Results"): a single tube's
 * result is the member's; a negative pool is negative for every member; a positive pool leaves its
 * members awaiting a re-test until the earliest single tube of theirs sampled after it has a
 * negative or positive result (`retest_negative` / `retest_positive`); an invalid tube asks for a
 * re-sample; no result is pending. Pure.
 */
import { compareUtf8 } from '@renxing/engine';
import type { MemberOutcome, Outcome, ReportedResult, Tube } from './types.js';

interface Single {
  at: number;
  tube: string;
  positive: boolean;
}

const bySampling = (a: Single, b: Single): number => a.at - b.at || compareUtf8(a.tube, b.tube);

/** The first single tube sampled strictly after `after` (singles sorted by bySampling). */
function firstAfter(singles: readonly Single[], after: number): Single | undefined {
  let lo = 0;
  let hi = singles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (singles[mid].at <= after) lo = mid + 1;
    else hi = mid;
  }
  return singles[lo];
}

/** The outcome of a member of `tube` whose later single results are `singles`. */
export function outcomeOf(
  tube: Pick<Tube, 'k' | 'sampledAt'>,
  result: ReportedResult | undefined,
  singles: readonly Single[],
): { outcome: Outcome; decidedBy?: string } {
  if (!result) return { outcome: 'pending' };
  if (result.result === 'invalid') return { outcome: 'resample' };
  if (result.result === 'negative') return { outcome: 'negative' };
  if (tube.k === 1) return { outcome: 'positive' };
  const retest = firstAfter(singles, tube.sampledAt);
  if (!retest) return { outcome: 'awaiting_retest' };
  return { outcome: retest.positive ? 'retest_positive' : 'retest_negative', decidedBy: retest.tube };
}

/**
 * Every member's outcome for every tube, sorted by person, then sampling time, then tube (UTF-8
 * byte order). A person listed twice in one tube is one member.
 */
export function memberOutcomes(
  tubes: Iterable<Tube>,
  results: ReadonlyMap<string, ReportedResult>,
): MemberOutcome[] {
  const singles = new Map<string, Single[]>();
  const list = [...tubes];
  for (const t of list) {
    const r = results.get(t.barcode);
    if (t.k !== 1 || !r || r.result === 'invalid') continue;
    for (const person of new Set(t.members)) {
      let s = singles.get(person);
      if (!s) {
        s = [];
        singles.set(person, s);
      }
      s.push({ at: t.sampledAt, tube: t.barcode, positive: r.result === 'positive' });
    }
  }
  for (const s of singles.values()) s.sort(bySampling);
  const out: MemberOutcome[] = [];
  for (const t of list) {
    const r = results.get(t.barcode);
    for (const person of new Set(t.members)) {
      const o = outcomeOf(t, r, singles.get(person) ?? []);
      out.push({ person, tube: t.barcode, at: t.sampledAt, ...o });
    }
  }
  return out.sort((a, b) => compareUtf8(a.person, b.person) || a.at - b.at || compareUtf8(a.tube, b.tube));
}

/** The counts of the CLI's summary over a set of outcomes. */
export function outcomeCounts(rows: readonly MemberOutcome[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {
    negative: 0,
    positive: 0,
    awaiting_retest: 0,
    retest_negative: 0,
    retest_positive: 0,
    resample: 0,
    pending: 0,
  };
  for (const r of rows) counts[r.outcome]++;
  return counts;
}
