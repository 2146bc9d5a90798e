/**
 * Detection runs in the background, one run at a time (each holds the window's index in memory):
 * a case is registered at once and queued; the next run takes every case queued by then, so cases
 * registered together share one load and one index. The case row shows the state and progress.
 * At start, runs a stopped server left unfinished are queued again.
 */
import type { Db } from '@renxing/db';
import { unfinishedDetections } from '../store/cases.js';
import { type DetectionResult, type DetectOptions, detectCases } from './detect.js';

export interface QueueOptions {
  /** The clock, epoch seconds (injected so tests control time). */
  now: () => number;
  params?: DetectOptions['params'];
  taskDueHours?: number;
  /** The stream's index when streaming is configured (detect.ts); absent: in-process. */
  stream?: DetectOptions['stream'];
  /** Lines worth an operator's attention (a fallback from the stream). */
  log?: DetectOptions['log'];
  /** Called after each run, with its result or its error. */
  onRun?: (caseId: string, outcome: { result?: DetectionResult; error?: unknown }) => void;
}

export class DetectionQueue {
  private readonly pending: string[] = [];
  private running: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: QueueOptions,
  ) {}

  /** Queues a case (once: a case already waiting is not queued twice). */
  enqueue(caseId: string): void {
    if (this.closed || this.pending.includes(caseId)) return;
    this.pending.push(caseId);
    this.running ??= this.drain();
  }

  /** Queues every case whose detection was never finished. */
  async resume(): Promise<number> {
    const ids = await unfinishedDetections(this.db);
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking work and waits for the current run (what is queued stays pending in the database). */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const ids = this.pending.splice(0);
      try {
        const results = await detectCases(this.db, ids, {
          now: this.options.now(),
          params: this.options.params,
          taskDueHours: this.options.taskDueHours,
          stream: this.options.stream,
          log: this.options.log,
        });
        results.forEach((r, k) => {
          this.options.onRun?.(ids[k], r instanceof Error ? { error: r } : { result: r });
        });
      } catch (error) {
        for (const id of ids) this.options.onRun?.(id, { error });
      }
    }
    this.running = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
