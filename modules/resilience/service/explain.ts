/**
 * explainResilienceScore: a community's index on a computed date as a tree — each mechanism's
 * score with its indicators (value, normalised, the city's min, max and count, the summary, or
 * missing: left out of the mean), each trait's score with its indicators' keys; with `key`, that
 * indicator with the records its value was computed from.
 */
import {
  type Direction,
  type EvidenceRecord,
  MECHANISMS,
  type Mechanism,
  RenxingError,
  type Text,
  TRAITS,
  type Trait,
} from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { rangesOn, scoresOf, valuesOf } from '../store/values.js';
import type { ResilienceActor } from './actor.js';
import { type Definition, readCatalogue } from './catalogue.js';
import { communityView, type ResilienceCommunity, requireRun, visibleCommunity } from './view.js';

export interface ExplainedIndicator {
  key: string;
  mechanism: Mechanism;
  trait: Trait;
  direction: Direction;
  unit: string;
  title: Text;
  /** Null: the community has no value (the indicator is left out of its means). */
  value: number | null;
  normalised: number | null;
  /** The city's lowest and highest values, and how many communities have one. */
  min: number | null;
  max: number | null;
  count: number;
  summary: Text | null;
  missing: boolean;
  numerator: number | null;
  denominator: number | null;
  /** Only for the indicator asked by key. */
  records?: EvidenceRecord[];
  recordCount?: number;
}

export interface ResilienceExplanation {
  community: ResilienceCommunity;
  date: string;
  index: number | null;
  mechanisms: { mechanism: Mechanism; score: number | null; indicators: ExplainedIndicator[] }[];
  traits: { trait: Trait; score: number | null; indicators: string[] }[];
  /** With `key`: that indicator with its records. */
  indicator?: ExplainedIndicator;
}

export async function explainResilienceScore(
  db: Db,
  path: string,
  q: { date?: string; key?: string },
  actor: ResilienceActor,
  o: { platform?: readonly Definition[] } = {},
): Promise<ResilienceExplanation> {
  const c = await visibleCommunity(db, path, actor);
  const run = await requireRun(db, q.date);
  if (q.key !== undefined && !run.indicators.includes(q.key))
    throw new RenxingError('RX_RESILIENCE_UNKNOWN_INDICATOR', { key: q.key });
  const catalogue = await readCatalogue(db, o.platform);
  const scores = await scoresOf(db, run.date, c.id);
  const own = new Map(
    (await valuesOf(db, run.date, c.id, { records: q.key !== undefined })).map((v) => [v.key, v]),
  );
  const ranges = await rangesOn(db, run.date);
  const indicators: ExplainedIndicator[] = run.indicators.flatMap((key) => {
    const e = catalogue.byKey.get(key);
    if (!e) return [];
    const v = own.get(key);
    const r = ranges.get(key);
    return [
      {
        key,
        mechanism: e.mechanism,
        trait: e.trait,
        direction: e.direction,
        unit: e.unit,
        title: e.title,
        value: v?.value ?? null,
        normalised: v?.normalised ?? null,
        min: r?.min ?? null,
        max: r?.max ?? null,
        count: r?.count ?? 0,
        summary: v?.summary ?? null,
        missing: v === undefined,
        numerator: v?.numerator ?? null,
        denominator: v?.denominator ?? null,
      },
    ];
  });
  const explanation: ResilienceExplanation = {
    community: communityView(c, scores?.residents ?? 0),
    date: run.date,
    index: scores?.index ?? null,
    mechanisms: MECHANISMS.map((m) => ({
      mechanism: m,
      score: scores?.[m] ?? null,
      indicators: indicators.filter((i) => i.mechanism === m),
    })),
    traits: TRAITS.map((t) => ({
      trait: t,
      score: scores?.[t] ?? null,
      indicators: indicators.filter((i) => i.trait === t).map((i) => i.key),
    })),
  };
  if (q.key !== undefined) {
    const i = indicators.find((x) => x.key === q.key);
    if (!i) throw new RenxingError('RX_RESILIENCE_UNKNOWN_INDICATOR', { key: q.key });
    const v = own.get(q.key);
    explanation.indicator = { ...i, records: v?.records ?? [], recordCount: v?.recordCount ?? 0 };
  }
  return explanation;
}
