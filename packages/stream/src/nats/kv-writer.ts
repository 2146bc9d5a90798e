/**
 * Progress written to KV without waiting on it and without piling up: per key only the newest
 * value is written, one write in flight at a time, in the order keys were first set (so `latest.<p>`
 * set before `built.<p>` lands first). A failed write is retried with backoff; after a few failures
 * in a row the writer pauses and tries again later on its own, so the last value set is written
 * once NATS answers again even when nothing new is set.
 */
import type { KV } from '@nats-io/kv';

/** The pause after a run of failures before the writer tries again, milliseconds. */
const RETRY_LATER_MS = 1000;

export class KvWriter {
  private readonly pending = new Map<string, string>();
  private running: Promise<void> | null = null;
  private later: NodeJS.Timeout | null = null;

  constructor(
    private readonly kv: KV,
    private readonly log: (line: string) => void,
  ) {}

  set(key: string, value: string): void {
    this.pending.delete(key);
    this.pending.set(key, value);
    this.running ??= this.run();
  }

  /** Waits until everything set so far is written (or gives up after `deadlineMs`). */
  async flush(deadlineMs = 10_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    while ((this.pending.size > 0 || this.running) && Date.now() < until) {
      this.running ??= this.run();
      await this.running;
      if (this.pending.size > 0) await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.pending.size > 0) {
      const [key, value] = this.pending.entries().next().value as [string, string];
      this.pending.delete(key);
      try {
        await this.kv.put(key, value);
        failures = 0;
      } catch (e) {
        // Keep the newer value if one was set meanwhile.
        if (!this.pending.has(key)) this.pending.set(key, value);
        if (++failures === 1) this.log(`writing ${key}: ${(e as Error).message}; retrying`);
        if (failures > 3) {
          this.later ??= setTimeout(() => {
            this.later = null;
            if (this.pending.size > 0) this.running ??= this.run();
          }, RETRY_LATER_MS).unref();
          break;
        }
        await new Promise((r) => setTimeout(r, 200 * failures));
      }
    }
    this.running = null;
  }
}
