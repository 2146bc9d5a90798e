/**
 * Near-duplicate reports (shared/contracts/social.md, "Public participation"): same category, same
 * community, within the last 7 days, texts whose character-trigram Jaccard is ≥ 0.6.
 *
 * Texts are compared after Unicode NFKC, lower-casing and collapsing runs of white space to one
 * space (trimmed); trigrams are runs of three code points (a CJK text is compared character by
 * character). A text shorter than three code points is its own single gram; an empty text has
 * none, and Jaccard with no grams on either side is 0.
 */

export const NEAR_DUPLICATE_JACCARD = 0.6;
export const NEAR_DUPLICATE_DAYS = 7;
const DAY_MS = 86_400_000;

export const normaliseText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

export function trigrams(text: string): Set<string> {
  const cps = Array.from(normaliseText(text));
  const grams = new Set<string>();
  if (cps.length === 0) return grams;
  if (cps.length < 3) {
    grams.add(cps.join(''));
    return grams;
  }
  for (let i = 0; i + 3 <= cps.length; i++) grams.add(cps[i] + cps[i + 1] + cps[i + 2]);
  return grams;
}

/** |A ∩ B| / |A ∪ B| of the two texts' trigram sets (0 when both are empty). */
export function trigramJaccard(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  if (ga.size === 0 && gb.size === 0) return 0;
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  return common / (ga.size + gb.size - common);
}

export interface DuplicateCandidate {
  id: string;
  text: string;
  submittedAt: Date;
}

/**
 * The earliest candidate (ties: the first given) whose text has Jaccard ≥ 0.6 with `text`, or
 * null. The candidates are already of the same category and community and within 7 days.
 */
export function nearDuplicateOf(text: string, candidates: readonly DuplicateCandidate[]): string | null {
  let best: DuplicateCandidate | null = null;
  for (const c of candidates)
    if (
      (best === null || c.submittedAt.getTime() < best.submittedAt.getTime()) &&
      trigramJaccard(text, c.text) >= NEAR_DUPLICATE_JACCARD
    )
      best = c;
  return best?.id ?? null;
}

export interface ComparableReport extends DuplicateCandidate {
  category: string;
  community: string;
}

/**
 * The whole rule over a list: the earlier report (same category and community, submitted in the
 * 7 days up to `report`, not after it) that `report` duplicates, or null.
 */
export function findNearDuplicate(
  report: ComparableReport,
  earlier: readonly ComparableReport[],
): string | null {
  const t = report.submittedAt.getTime();
  return nearDuplicateOf(
    report.text,
    earlier.filter(
      (e) =>
        e.id !== report.id &&
        e.category === report.category &&
        e.community === report.community &&
        e.submittedAt.getTime() <= t &&
        t - e.submittedAt.getTime() <= NEAR_DUPLICATE_DAYS * DAY_MS,
    ),
  );
}
