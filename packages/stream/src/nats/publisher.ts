/**
 * Publishing pings messages: pipelined, at most one message in flight per partition (so a retried
 * message can never overtake a later one of its partition: the first ping of a (subject, instant)
 * in file order must stay first), and a bounded number in flight overall. Each message carries a
 * msgID for JetStream's de-duplication and its publish time in a header (for the end-to-end lag).
 */
import { headers } from '@nats-io/transport-node';
import { RenxingError } from '@renxing/contracts';
import type { PingBatch } from '../core/types.js';
import { encodePingBatch } from '../core/wire.js';
import type { StreamClient } from './client.js';
import { metrics } from './metrics.js';
import { publishRetrying } from './retry.js';

/** Header carrying the epoch milliseconds a pings message was first published. */
export const PUBLISHED_HEADER = 'Rx-Published';

export class PingPublisher {
  published = 0;
  duplicates = 0;
  private readonly tails: Array<Promise<void>>;
  private readonly counters: Int32Array;
  private inFlight = 0;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly c: StreamClient,
    private readonly msgIdPrefix: string,
    private readonly maxInFlight = Math.max(32, 2 * c.cfg.partitions),
  ) {
    this.tails = Array.from({ length: c.cfg.partitions }, () => Promise.resolve());
    this.counters = new Int32Array(c.cfg.partitions);
  }

  /** Queues one message; waits while too many are in flight. Throws the first failure seen. */
  async send(partition: number, batch: PingBatch): Promise<void> {
    while (this.inFlight >= this.maxInFlight && this.failure === null)
      await new Promise<void>((r) => {
        this.wake = r;
      });
    if (this.failure !== null) throw this.failure;
    const n = this.counters[partition]++;
    const msgID = `${this.msgIdPrefix}:${partition}:${n}`;
    const subject = this.c.names.pings(partition);
    const bytes = encodePingBatch(batch);
    this.inFlight++;
    this.tails[partition] = this.tails[partition].then(async () => {
      if (this.failure !== null) return;
      try {
        const h = headers();
        h.set(PUBLISHED_HEADER, String(Date.now()));
        const ack = await publishRetrying(this.c, subject, bytes, { msgID, headers: h });
        // A duplicate after a failed attempt is most likely that attempt's message, stored before its ack was lost.
        if (ack.duplicate && !ack.retried) this.duplicates += batch.count;
        else {
          this.published += batch.count;
          metrics().pingsPublished.inc(batch.count);
        }
      } catch (e) {
        this.failure ??=
          e instanceof RenxingError
            ? e
            : new RenxingError('RX_STREAM_PUBLISH', { subject, detail: (e as Error).message });
      } finally {
        this.inFlight--;
        const w = this.wake;
        this.wake = null;
        w?.();
      }
    });
  }

  /** Waits for every queued message's acknowledgement. */
  async flush(): Promise<void> {
    await Promise.all(this.tails);
    if (this.failure !== null) throw this.failure;
  }
}
