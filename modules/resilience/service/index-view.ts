/** getResilienceIndex: a computed date's rows for the communities the caller sees. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isWithin } from '@renxing/modules/places';
import { type ResilienceRun, recentDates } from '../store/runs.js';
import { scoresOn } from '../store/values.js';
import type { ResilienceActor } from './actor.js';
import {
  communityView,
  type ResilienceCommunity,
  type ResilienceScores,
  runFor,
  scoresView,
} from './view.js';

export type ResilienceRow = { community: ResilienceCommunity } & ResilienceScores;

export interface ResilienceIndexView {
  /** The run shown (the date asked, or the latest); null when it was not computed. */
  run: ResilienceRun | null;
  /** Recent computed dates, newest first. */
  dates: string[];
  rows: ResilienceRow[];
}

export async function getResilienceIndex(
  db: Db,
  q: { date?: string; under?: string },
  actor: ResilienceActor,
): Promise<ResilienceIndexView> {
  if (q.under !== undefined && actor.scope !== null && !isWithin(q.under, actor.scope))
    throw new RenxingError('RX_NOT_FOUND');
  const run = await runFor(db, q.date);
  const dates = await recentDates(db, 90);
  if (!run) return { run: null, dates, rows: [] };
  const scope = q.under ?? actor.scope;
  const rows = await scoresOn(db, run.date, scope);
  return {
    run,
    dates,
    rows: rows.map((r) => ({
      community: communityView(r.community, r.scores.residents),
      ...scoresView(r.scores),
    })),
  };
}
