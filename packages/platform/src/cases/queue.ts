/**
 * Detection runs one at a time in the background (each holds a day's index in memory): a case is
 * registered at once and its run is queued; the case row shows the run's state and progress.
 * At start, runs a stopped server left unfinished are queued again.
 */
import { type Db, unfinishedDetections } from '@renxing/db';
import { type DetectionResult, type DetectOptions, detectCase } from './detect.js';

export interface QueueOptions {
  /** The clock, epoch seconds (injected so tests control time). */
  now: () => number;
  params?: DetectOptions['params'];
  taskDueHours?: number;
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
    for (let id = this.pending.shift(); id !== undefined; id = this.pending.shift()) {
      try {
        const result = await detectCase(this.db, id, {
          now: this.options.now(),
          params: this.options.params,
          taskDueHours: this.options.taskDueHours,
        });
        this.options.onRun?.(id, { result });
      } catch (error) {
        this.options.onRun?.(id, { error });
      }
    }
    this.running = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
