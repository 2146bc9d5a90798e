/**
 * A JetStream publish that rides out a server restart or a leader election: retried with the same
 * msgID (so a message stored before its ack was lost is not stored twice) until a deadline.
 */
import type { JetStreamPublishOptions, PubAck } from '@nats-io/jetstream';
import { RenxingError } from '@renxing/contracts';
import type { StreamClient } from './client.js';

export const PUBLISH_DEADLINE_MS = 60_000;

export async function publishRetrying(
  c: StreamClient,
  subject: string,
  bytes: Uint8Array,
  opts: Partial<JetStreamPublishOptions>,
  deadlineMs = PUBLISH_DEADLINE_MS,
): Promise<PubAck & { retried: boolean }> {
  const until = Date.now() + deadlineMs;
  let wait = 50;
  for (let retried = false; ; retried = true) {
    try {
      return { ...(await c.js.publish(subject, bytes, { timeout: 5000, ...opts })), retried };
    } catch (e) {
      if (c.nc.isClosed() || Date.now() + wait > until)
        throw new RenxingError('RX_STREAM_PUBLISH', { subject, detail: (e as Error).message });
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 1000);
    }
  }
}
