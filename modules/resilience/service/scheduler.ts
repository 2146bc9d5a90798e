/**
 * The daily run: at start, today's index is computed when today has no run; then every ten
 * minutes the city date is looked at again, and a new date without a run is computed (as the
 * system). One computation at a time; a failed one is logged and the next check tries again.
 */
import type { Db } from '@renxing/db';
import { runOf } from '../store/runs.js';
import type { Definition } from './catalogue.js';
import { computeResilienceIndex } from './compute.js';
import { cityDate } from './dates.js';

export interface ResilienceScheduleOptions {
  db: Db;
  /** The clock, epoch seconds. */
  now: () => number;
  log?: (line: string) => void;
  /** How often the city date is checked (ms; default ten minutes). */
  everyMs?: number;
  /** The platform's indicators (default: the areas'). */
  platform?: readonly Definition[];
}

export interface ResilienceSchedule {
  /** The computation at start (the date computed, else null). */
  first: Promise<string | null>;
  /** Computes today's index unless it has a run (or a computation is running): the date computed, else null. */
  tick(): Promise<string | null>;
  /** Stops the timer and waits for a running computation. */
  stop(): Promise<void>;
}

export function startResilienceSchedule(o: ResilienceScheduleOptions): ResilienceSchedule {
  const log = o.log ?? (() => {});
  let running: Promise<string | null> | null = null;
  let stopped = false;
  const tick = (): Promise<string | null> => {
    if (running || stopped) return Promise.resolve(null);
    running = (async () => {
      try {
        const now = new Date(o.now() * 1000);
        const date = cityDate(now);
        if (await runOf(o.db, date)) return null;
        const run = await computeResilienceIndex(o.db, {
          date,
          actor: { userId: null, scope: null, now },
          platform: o.platform,
        });
        log(
          `resilience index ${date}: ${run.communities} communities, ${run.indicators.length} indicators` +
            `${run.absent.length > 0 ? ` (no value anywhere: ${run.absent.join(', ')})` : ''} in ${run.ms} ms`,
        );
        return date;
      } catch (err) {
        log(`resilience index computation failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const first = tick();
  const timer = setInterval(() => void tick(), o.everyMs ?? 10 * 60_000);
  timer.unref();
  return {
    first,
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
