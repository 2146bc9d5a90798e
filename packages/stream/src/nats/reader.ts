/**
 * Reading one subject of a stream in sequence order from a given sequence, in batches, surviving a
 * server restart: an ephemeral pull consumer (no acks — the sequence handled is the caller's state,
 * kept in its snapshot) is recreated from the next sequence whenever it is lost; when a jump in its
 * delivery sequence shows messages sent but never received (with no acks, a message sent while
 * the connection drops is gone for the consumer, which has moved past it); and when it delivers
 * nothing for a while although the stream's leader holds more on the subject (a consumer on a
 * server that was killed and started again can be recreated there by the server and stall).
 * (nats-server 2.9 has no multi-filter ordered consumers; a single filter_subject works.)
 */
import { AckPolicy, type ConsumerMessages, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import type { StreamClient } from './client.js';
import { lastSequence } from './progress.js';

/** Bytes pulled ahead and queued for `handle`, at most (bounds memory whatever the message sizes). */
const QUEUE_BYTES = 16 << 20;

/** A consumer that delivers nothing this long while the stream holds more is recreated. */
export const STALL_MS = 5_000;

export interface SubjectReaderOptions {
  stream: string;
  subject: string;
  /** The first sequence wanted. */
  from: number;
  /** Handles messages in sequence order, a batch at a time; the next batch waits for it. */
  handle: (msgs: JsMsg[]) => Promise<void>;
  /** At most this many messages wait for `handle` (the batch size). */
  maxQueued?: number;
  log: (line: string) => void;
  /** Called when `handle` throws: the reader stops (the owner restarts from its snapshot). */
  onFailure: (e: unknown) => void;
  /** Called between batches after `idleMs` with nothing to handle (e.g. a snapshot of a quiet partition). */
  idle?: () => Promise<void>;
  idleMs?: number;
  /** How long the consumer may deliver nothing while the stream holds more (default STALL_MS). */
  stallMs?: number;
}

export class SubjectReader {
  private queue: JsMsg[] = [];
  private queuedBytes = 0;
  private stopped = false;
  private msgs: ConsumerMessages | null = null;
  private consumerName: string | null = null;
  private next: number;
  private wakeWorker: (() => void) | null = null;
  private wakePump: (() => void) | null = null;
  private readonly done: Promise<unknown>;
  private readonly maxQueued: number;
  /** When the consumer last delivered a message (or was made). */
  private lastDelivery = Date.now();
  private readonly stallTimer: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly c: StreamClient,
    private readonly o: SubjectReaderOptions,
  ) {
    this.next = o.from;
    this.maxQueued = o.maxQueued ?? 32;
    this.done = Promise.all([this.pumpLoop(), this.workLoop()]);
    const stallMs = o.stallMs ?? STALL_MS;
    this.stallTimer = setInterval(() => void this.checkStalled(stallMs), stallMs).unref();
  }

  /** Messages received and not yet handled, plus those the consumer has not delivered yet. */
  async lag(): Promise<number> {
    const name = this.consumerName;
    let pending = 0;
    if (name !== null) {
      try {
        pending = (await this.c.jsm.consumers.info(this.o.stream, name)).num_pending;
      } catch {
        // The consumer is being recreated: its pending count is unknown for now.
      }
    }
    return pending + this.queue.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.stallTimer);
    this.wakeWorker?.();
    this.wakePump?.();
    await this.msgs?.close().catch(() => undefined);
    await this.done;
    if (this.consumerName !== null)
      await this.c.jsm.consumers.delete(this.o.stream, this.consumerName).catch(() => false);
  }

  private async pumpLoop(): Promise<void> {
    let backoff = 100;
    while (!this.stopped) {
      try {
        const info = await this.c.jsm.consumers.add(this.o.stream, {
          filter_subject: this.o.subject,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: this.next,
          ack_policy: AckPolicy.None,
          inactive_threshold: 30e9,
          mem_storage: true,
          num_replicas: 1,
        });
        const old = this.consumerName;
        this.consumerName = info.name;
        if (old !== null) void this.c.jsm.consumers.delete(this.o.stream, old).catch(() => false);
        const consumer = await this.c.js.consumers.get(this.o.stream, info.name);
        const msgs = await consumer.consume({
          max_messages: Math.max(64, this.maxQueued * 2),
          expires: 5_000,
          abort_on_missing_resource: true,
        });
        this.msgs = msgs;
        this.lastDelivery = Date.now();
        if (this.stopped) await msgs.close();
        void this.watch(msgs);
        backoff = 100;
        let delivered = 0;
        for await (const m of msgs) {
          this.lastDelivery = Date.now();
          const lost = deliveriesLost(delivered, m.info.deliverySequence);
          if (lost > 0) {
            // Sent by the consumer but never received (the connection dropped on the way): with no
            // acks the consumer has moved past them for good, so a new one starts from `next`.
            this.o.log(
              `reading ${this.o.subject}: ${lost} message(s) lost in delivery; recreating the consumer from ${this.next}`,
            );
            await msgs.close().catch(() => undefined);
            break;
          }
          delivered = m.info.deliverySequence;
          // A recreated consumer may repeat what an earlier one delivered.
          if (m.seq < this.next) continue;
          this.next = m.seq + 1;
          this.queue.push(m);
          this.queuedBytes += m.data.length;
          this.wakeWorker?.();
          while ((this.queue.length >= this.maxQueued || this.queuedBytes >= QUEUE_BYTES) && !this.stopped)
            await new Promise<void>((r) => {
              this.wakePump = r;
            });
          if (this.stopped) break;
        }
      } catch (e) {
        if (this.stopped) break;
        this.o.log(`reading ${this.o.subject} from ${this.next}: ${(e as Error).message}; retrying`);
      }
      if (this.stopped) break;
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, 2000);
    }
  }

  /**
   * Ends the iteration when the consumer has delivered nothing for `stallMs` with nothing queued
   * (so not held back by `handle`) while the stream's leader has a message at `next` or later.
   */
  private async checkStalled(stallMs: number): Promise<void> {
    const msgs = this.msgs;
    if (this.checking || this.stopped || msgs === null || this.queue.length > 0) return;
    if (Date.now() - this.lastDelivery < stallMs) return;
    this.checking = true;
    try {
      const last = await lastSequence(this.c, this.o.stream, this.o.subject);
      if (last < this.next || this.stopped || this.msgs !== msgs || Date.now() - this.lastDelivery < stallMs)
        return;
      this.o.log(
        `reading ${this.o.subject}: nothing delivered for ${Math.round(stallMs / 1000)} s while the stream holds up to ${last}; recreating the consumer from ${this.next}`,
      );
      await msgs.close();
    } catch {
      // NATS not answering: looked at again at the next tick.
    } finally {
      this.checking = false;
    }
  }

  /** Ends the iteration when the consumer is gone or silent, so the pump recreates it. */
  private async watch(msgs: ConsumerMessages): Promise<void> {
    try {
      for await (const s of msgs.status()) {
        const lost =
          (s.type === 'heartbeats_missed' && s.count >= 2) ||
          s.type === 'consumer_not_found' ||
          s.type === 'consumer_deleted' ||
          s.type === 'stream_not_found';
        if (lost) {
          await msgs.close().catch(() => undefined);
          return;
        }
      }
    } catch {
      // The status iterator ends with the messages.
    }
  }

  private async workLoop(): Promise<void> {
    while (!this.stopped) {
      if (this.queue.length === 0) {
        let timer: NodeJS.Timeout | undefined;
        const woke = await new Promise<boolean>((r) => {
          this.wakeWorker = () => r(true);
          if (this.o.idle) timer = setTimeout(() => r(false), this.o.idleMs ?? 1000);
        });
        clearTimeout(timer);
        if (!woke && !this.stopped && this.queue.length === 0)
          await this.o.idle?.().catch((e) => this.o.log(`${this.o.subject}: ${(e as Error).message}`));
        continue;
      }
      const batch = this.queue;
      this.queue = [];
      this.queuedBytes = 0;
      this.wakePump?.();
      try {
        await this.o.handle(batch);
      } catch (e) {
        this.stopped = true;
        await this.msgs?.close().catch(() => undefined);
        this.o.onFailure(e);
        return;
      }
    }
  }
}

/**
 * Deliveries missing before one with delivery sequence `got`, after `delivered` (0 before the
 * first): a consumer without acks numbers every message it sends 1, 2, 3 …, so a jump means messages
 * sent but never received. A sequence back at 1 is the consumer made again by its server (restarted
 * with an empty state), which delivers from its start again: nothing lost.
 */
export function deliveriesLost(delivered: number, got: number): number {
  if (got === 1 || got === delivered + 1) return 0;
  return got > delivered ? got - delivered - 1 : 1;
}
