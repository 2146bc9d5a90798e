/**
 * The daily computation: every community's value of each enabled indicator (the platform's computed
 * by their areas, the city's own from its uploads), scored (rules/scoring.ts) and ranked, written
 * in one transaction that replaces the date's run, with one audit row.
 */
import {
  type IndicatorContext,
  type IndicatorValue,
  MAX_EVIDENCE,
  MECHANISMS,
  TRAITS,
} from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { communitiesWithResidents } from '@renxing/modules/people';
import { type CommunityScore, scoreCommunities } from '../rules/scoring.js';
import { customValuesOn } from '../store/custom.js';
import { type ResilienceRun, replaceRun, type StoredScore, type StoredValue } from '../store/runs.js';
import { auditActor, type ResilienceActor } from './actor.js';
import { type Definition, readCatalogue, specOf } from './catalogue.js';
import { checkDate, cityDate, endOfCityDate } from './dates.js';

export interface ComputeProgress {
  /** `communities`, `indicators` (one step per indicator), `scoring`, `saving`. */
  phase: string;
  done: number;
  total: number;
}

export interface ComputeOptions {
  /** The city date (default: the actor's today). */
  date?: string;
  actor: ResilienceActor;
  onProgress?: (p: ComputeProgress) => void;
  /** The platform's indicators (default: the areas'); tests give their own. */
  platform?: readonly Definition[];
}

/** Ranks by index, highest first: 1 = the highest; equal indexes share a rank (1, 1, 3); null without an index. */
export function rankOf(scores: readonly Pick<CommunityScore, 'community' | 'index'>[]): Map<string, number> {
  const ranked = scores
    .filter((s) => s.index !== null)
    .sort((a, b) => (b.index as number) - (a.index as number));
  const ranks = new Map<string, number>();
  ranked.forEach((s, i) => {
    const before = ranked[i - 1];
    ranks.set(
      s.community,
      before && before.index === s.index ? (ranks.get(before.community) as number) : i + 1,
    );
  });
  return ranks;
}

/** The city's own value as an indicator value (its record: the upload). */
function uploaded(key: string, community: string, value: number, date: string): IndicatorValue {
  return {
    community,
    value,
    numerator: value,
    denominator: 1,
    summary: {
      en: `${key} ${value}: uploaded by the city for ${date}`,
      'zh-CN': `${key} ${value}：城市上传（${date}）`,
    },
    records: [],
    recordCount: 0,
  };
}

/**
 * `tx` with its statements run one after another: an area's computation may start several at once
 * (Promise.all), which one connection of a transaction would have to queue itself (node-postgres
 * deprecates that).
 */
function oneAtATime(tx: Db): Db {
  let last: Promise<unknown> = Promise.resolve();
  const next = <T>(f: () => Promise<T>): Promise<T> => {
    const p = last.then(f, f);
    last = p.catch(() => {});
    return p;
  };
  return {
    kind: tx.kind,
    query: (sql, params) => next(() => tx.query(sql, params)),
    exec: (sql) => next(() => tx.exec(sql)),
    transaction: (fn) => next(() => tx.transaction(fn)),
    close: () => tx.close(),
  };
}

export async function computeResilienceIndex(db: Db, o: ComputeOptions): Promise<ResilienceRun> {
  // One transaction: the indicators read one state of the city and the run replaces the date's.
  // PostgreSQL's JIT compiles a query whose estimated cost is high (set-based queries over 10,000
  // communities are estimated at millions of rows): seconds of compiling per indicator for queries
  // that run in a few hundred milliseconds, so it is off for this transaction. PGlite has no JIT.
  return db.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('SET LOCAL jit = off');
    return computeIn(tx, o);
  });
}

async function computeIn(db: Db, o: ComputeOptions): Promise<ResilienceRun> {
  const started = performance.now();
  const date = o.date === undefined ? cityDate(o.actor.now) : checkDate(o.date);
  const progress = o.onProgress ?? (() => {});
  const catalogue = await readCatalogue(db, o.platform);
  const enabled = catalogue.entries.filter((e) => e.enabled);
  const platform = enabled.filter((e) => e.def);
  const total = platform.length + 1;

  progress({ phase: 'communities', done: 0, total: 1 });
  const communities = await communitiesWithResidents(db);
  progress({ phase: 'communities', done: 1, total: 1 });
  const known = new Map(communities.map((c) => [c.id, c]));
  const ctx: IndicatorContext = { date, asOf: endOfCityDate(date), communities, hazards: catalogue.hazards };

  // One value per (community, key): a community outside the city or a value not finite is left out.
  const values = new Map<string, IndicatorValue[]>();
  const keep = (key: string, computed: readonly IndicatorValue[]) => {
    const seen = new Set<string>();
    values.set(
      key,
      computed.filter((v) => {
        if (!known.has(v.community) || !Number.isFinite(v.value) || seen.has(v.community)) return false;
        seen.add(v.community);
        return true;
      }),
    );
  };
  progress({ phase: 'indicators', done: 0, total });
  const serial = oneAtATime(db);
  for (const [i, e] of platform.entries()) {
    keep(e.key, await (e.def as Definition).compute(serial, ctx));
    progress({ phase: 'indicators', done: i + 1, total });
  }
  const own = enabled.filter((e) => !e.def).map((e) => e.key);
  const uploads = await customValuesOn(db, own, date);
  for (const key of own)
    keep(
      key,
      uploads.filter((u) => u.key === key).map((u) => uploaded(key, u.community, u.value, u.date)),
    );
  progress({ phase: 'indicators', done: total, total });

  progress({ phase: 'scoring', done: 0, total: 1 });
  const specs = enabled.map(specOf);
  const rows = enabled.flatMap((e) =>
    (values.get(e.key) ?? []).map((v) => ({ community: v.community, key: e.key, value: v.value })),
  );
  const scoring = scoreCommunities(
    specs,
    rows,
    communities.map((c) => c.id),
  );
  const ranks = rankOf(scoring.communities);
  const byCommunity = new Map(scoring.communities.map((s) => [s.community, s]));
  const stored: StoredValue[] = enabled.flatMap((e) =>
    (values.get(e.key) ?? []).map((v) => ({
      community: v.community,
      key: e.key,
      value: v.value,
      normalised: byCommunity.get(v.community)?.normalised[e.key] ?? null,
      numerator: v.numerator,
      denominator: v.denominator,
      summary: v.summary,
      records: v.records.slice(0, MAX_EVIDENCE),
      recordCount: v.recordCount,
    })),
  );
  const scores: StoredScore[] = scoring.communities.map((s) => ({
    community: s.community,
    ...(Object.fromEntries(MECHANISMS.map((m) => [m, s.mechanisms[m]])) as Record<
      (typeof MECHANISMS)[number],
      number | null
    >),
    ...(Object.fromEntries(TRAITS.map((t) => [t, s.traits[t]])) as Record<
      (typeof TRAITS)[number],
      number | null
    >),
    index: s.index,
    rank: ranks.get(s.community) ?? null,
    indicators: Object.keys(s.normalised).length,
    residents: known.get(s.community)?.residents ?? 0,
  }));
  progress({ phase: 'scoring', done: 1, total: 1 });

  const run: ResilienceRun = {
    date,
    computedAt: o.actor.now,
    communities: communities.length,
    indicators: enabled.map((e) => e.key),
    disabled: catalogue.entries.filter((e) => !e.enabled).map((e) => e.key),
    absent: enabled.filter((e) => (values.get(e.key) ?? []).length === 0).map((e) => e.key),
    ms: 0,
  };
  progress({ phase: 'saving', done: 0, total: 1 });
  run.ms = Math.round(performance.now() - started);
  await db.transaction(async (tx) => {
    await replaceRun(tx, run, stored, scores);
    await appendAudit(tx, {
      actor: auditActor(o.actor),
      action: 'resilience.compute',
      subjectType: 'resilience_run',
      subjectId: date,
      detail: {
        communities: run.communities,
        values: stored.length,
        indicators: run.indicators,
        disabled: run.disabled,
        absent: run.absent,
        ms: run.ms,
      },
    });
  });
  progress({ phase: 'saving', done: 1, total: 1 });
  return run;
}
