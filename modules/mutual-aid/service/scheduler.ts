/**
 * The scheduled matcher: every few minutes, a run over the whole city as the system (trigger
 * `scheduled`), its expiry sweep first. One run at a time: a tick that finds the previous one still
 * running is skipped. A failed run is logged, and the next tick tries again.
 */
import type { Db } from '@renxing/db';
import { systemActor } from './actor.js';
import { type RunResult, runAidMatching } from './matching.js';
import type { AidNotifier } from './notify.js';

export interface AidMatcherOptions {
  db: Db;
  /** The clock, epoch seconds. */
  now: () => number;
  notifier?: AidNotifier;
  /** Seconds between runs (> 0). */
  everySeconds: number;
  maxKm?: number;
  log?: { info(o: object, msg: string): void; error(o: object, msg: string): void };
}

export interface AidMatcher {
  /** One run now (what the timer does), unless one is running (null then). */
  tick(): Promise<RunResult | null>;
  /** Stops the timer and waits for a running tick. */
  stop(): Promise<void>;
}

export function startAidMatcher(o: AidMatcherOptions): AidMatcher {
  if (!(o.everySeconds > 0))
    throw new RangeError(`the matcher runs every n > 0 seconds, not ${o.everySeconds}`);
  let running: Promise<RunResult | null> | null = null;
  let stopped = false;
  const tick = async (): Promise<RunResult | null> => {
    if (running || stopped) return null;
    running = (async () => {
      try {
        const r = await runAidMatching(o.db, {
          actor: systemActor(new Date(o.now() * 1000)),
          trigger: 'scheduled',
          maxKm: o.maxKm,
          notifier: o.notifier,
        });
        if (r.run.requests > 0 || r.expired.length > 0)
          o.log?.info(
            { run: r.run.id, matched: r.run.matched, expired: r.expired.length },
            'aid matching run',
          );
        return r;
      } catch (err) {
        o.log?.error({ err }, 'aid matching run failed');
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), o.everySeconds * 1000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
