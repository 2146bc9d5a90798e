/** The pool-size advisor with the prevalence observed in the latest rounds within reach offered as input. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import '../errors.js';
import {
  observedPrevalence,
  type PoolSizeAdvice,
  poolSizeAdvice,
  REPOOL_WARNING,
  validPrevalence,
} from '../rules/pool-size.js';
import { recentTubeResults } from '../store/coverage.js';
import { listRounds } from '../store/rounds.js';

export interface ObservedRound {
  roundId: string;
  name: string;
  /** Estimated from its tubes with results (null: none yet). */
  prevalence: number | null;
  tubes: number;
}

export interface PoolSizeAnswer extends PoolSizeAdvice {
  /** Where the prevalence came from. */
  source: 'given' | 'observed';
  observed: ObservedRound[];
  warning: typeof REPOOL_WARNING;
}

/** The advice for `prevalence`, or for the prevalence observed over the latest rounds reaching `scope` when none is given. */
export async function poolSizeAnswer(
  db: Db,
  scope: string,
  prevalence: number | undefined,
): Promise<PoolSizeAnswer> {
  const rounds = (await listRounds(db, scope, 5)).map((r) => ({ id: r.id, name: r.name }));
  const groups = await recentTubeResults(
    db,
    rounds.map((r) => r.id),
  );
  const observed = rounds.map((r) => {
    const mine = groups.filter((g) => g.roundId === r.id);
    return {
      roundId: r.id,
      name: r.name,
      prevalence: observedPrevalence(mine),
      tubes: mine.reduce((n, g) => n + g.tubes, 0),
    };
  });
  if (prevalence !== undefined)
    return { ...poolSizeAdvice(prevalence), source: 'given', observed, warning: REPOOL_WARNING };
  const estimate = observedPrevalence(groups);
  if (estimate === null || !validPrevalence(estimate))
    throw new RenxingError('RX_NO_PREVALENCE', {}, 'query.prevalence');
  return { ...poolSizeAdvice(estimate), source: 'observed', observed, warning: REPOOL_WARNING };
}
