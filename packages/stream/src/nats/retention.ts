/**
 * Retention at run time: the cutoff from the role's clock (the start of the local day, at the
 * city's offset, `retentionDays` before now), how often roles prune, and the retention metrics
 * (registered on the stream's one registry).
 */
import { Counter, Gauge } from 'prom-client';
import { retentionCutoffSeconds } from '../core/retention.js';
import type { StreamClient } from './client.js';
import { retentionDaysOf } from './config.js';
import { metrics } from './metrics.js';

/** Builders and index workers prune this often (and at start, after restoring). */
export const PRUNE_EVERY_MS = 60_000;

/** The first retained ping instant (epoch seconds) at `nowMs`. */
export function cutoffAt(c: StreamClient, nowMs: number): number {
  return retentionCutoffSeconds(nowMs, retentionDaysOf(c.cfg), c.cfg.params.tzOffset);
}

export interface RetentionMetrics {
  expired: Counter;
  cutoff: Gauge;
}

let made: RetentionMetrics | null = null;

export function retentionMetrics(): RetentionMetrics {
  if (made) return made;
  const registers = [metrics().registry];
  made = {
    expired: new Counter({
      name: 'rx_stream_pings_expired_total',
      help: 'Pings dropped by retention in this process’s stay builders: pruned, or arriving before the cutoff',
      registers,
    }),
    cutoff: new Gauge({
      name: 'rx_stream_retention_cutoff_seconds',
      help: 'The retention cutoff in force (epoch seconds): pings before it are deleted',
      registers,
    }),
  };
  return made;
}

/** Calls `f` every `everyMs` (never two at once); returns the stop. */
export function everyPrunePeriod(
  f: () => Promise<void>,
  log: (line: string) => void,
  everyMs = PRUNE_EVERY_MS,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= f()
      .catch((e) => log(`retention: ${(e as Error).message}`))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
