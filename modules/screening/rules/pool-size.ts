/**
 * The pool-size advisor (shared/contracts/screening.md, "Pool-size advisor"): Dorfman pooling's
 * expected lab tests per person, E(1, p) = 1 and E(k, p) = 1/k + 1 − (1 − p)^k for k ≥ 2, and the
 * k in 1..50 that makes it smallest (ties: the smaller k). Pure.
 */

export const MAX_POOL = 50;
/** The pool sizes every answer also compares. */
export const COMPARED_POOLS = [5, 10, 20] as const;

export interface PoolOption {
  k: number;
  /** Expected lab tests per person. */
  expectedTests: number;
  /** Expected lab tests per 10,000 people. */
  testsPer10000: number;
}

export interface PoolSizeAdvice {
  prevalence: number;
  /** The best pool size (1 when pooling does not pay). */
  k: number;
  expectedTests: number;
  testsPer10000: number;
  /** Pooling is advised only when the best E is below 1. */
  pooling: boolean;
  /** E for k = 5, 10 and 20. */
  compare: PoolOption[];
}

/** What every answer says about the members of a positive pool. */
export const REPOOL_WARNING = {
  en: 'Members of a positive pooled tube are re-tested one by one in single tubes: never pool them again.',
  'zh-CN': '混采阳性管的人员须逐一单管复核，不得再次混采。',
} as const;

/** Expected lab tests per person with pools of `k` at prevalence `p`. */
export function expectedTests(k: number, p: number): number {
  return k === 1 ? 1 : 1 / k + 1 - (1 - p) ** k;
}

const option = (k: number, p: number): PoolOption => {
  const e = expectedTests(k, p);
  return { k, expectedTests: e, testsPer10000: e * 10_000 };
};

/** True for a prevalence the advisor answers: a finite number strictly between 0 and 1. */
export const validPrevalence = (p: number): boolean => Number.isFinite(p) && p > 0 && p < 1;

/** The advice for prevalence `p` (the caller checks `validPrevalence` first). */
export function poolSizeAdvice(p: number): PoolSizeAdvice {
  let best = option(1, p);
  for (let k = 2; k <= MAX_POOL; k++) {
    const o = option(k, p);
    if (o.expectedTests < best.expectedTests) best = o;
  }
  return {
    prevalence: p,
    k: best.k,
    expectedTests: best.expectedTests,
    testsPer10000: best.testsPer10000,
    pooling: best.expectedTests < 1,
    compare: COMPARED_POOLS.map((k) => option(k, p)),
  };
}

/**
 * The prevalence observed in tubes with results, grouped by size: for each size k, the maximum
 * likelihood estimate from the share x of positive tubes, p = 1 − (1 − x)^(1/k), weighted by the
 * people in those tubes. Null without tubes.
 */
export function observedPrevalence(
  groups: readonly { k: number; tubes: number; positive: number }[],
): number | null {
  let people = 0;
  let weighted = 0;
  for (const g of groups) {
    if (g.tubes === 0) continue;
    const p = 1 - (1 - g.positive / g.tubes) ** (1 / g.k);
    people += g.tubes * g.k;
    weighted += p * g.tubes * g.k;
  }
  return people === 0 ? null : weighted / people;
}
