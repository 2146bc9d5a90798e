/**
 * Delivers the outbox: each due message signed anew (fresh iat and exp, the same message id) and
 * POSTed to its peer's receiveHandoff. An acknowledgement — or the peer's "replayed", which means
 * it has the message already — delivers it; any other refusal is final and recorded with its
 * reason; no answer (down, timeout, 5xx) retries with back-off (1 s doubling to 10 min, RENXING_FEDERATION_RETRY_MAX). The
 * outbox lives in the database, so a restart resumes where it stopped, and the receiver applies a
 * message id once, so a message sent twice around a crash arrives exactly once.
 */
import { appendAudit } from '@renxing/modules/audit';
import { alreadyDelivered, MESSAGE_TTL, retryDelay } from '../rules/messages.js';
import { markHandoffSent, setHandoffState } from '../store/handoffs.js';
import {
  dueMessages,
  markDelivered,
  markRefused,
  markRetry,
  nextDue,
  type OutboxMessage,
} from '../store/outbox.js';
import { peerByCode } from '../store/peers.js';
import { type FederationContext, SYSTEM, selfCode } from './context.js';
import { signMessage } from './jws.js';
import { refusalOf } from './receive.js';

/** Messages delivered at once. */
const IN_FLIGHT = 8;

/** The path of receiveHandoff under a peer's base URL. */
export const RECEIVE_PATH = '/api/federation/messages';

export interface OutboxOptions {
  /** Longest sleep while a message waits for its retry (ms). Default 5000. */
  idleMs?: number;
  /** The longest back-off (seconds). Default 600. */
  retryMax?: number;
  /** One request's time limit (ms). Default 10000. */
  timeoutMs?: number;
  log?: (line: string, err?: unknown) => void;
}

type Outcome = { delivered: true } | { refused: string; detail: string } | { retry: string };

export class FederationOutbox {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly ctx: FederationContext,
    private readonly options: OutboxOptions = {},
  ) {}

  /** Starts delivering (what a previous run left is due at once). */
  start(): void {
    this.poke();
  }

  /** Delivers what is due now, then sleeps until the next message falls due. */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.options.log?.('federation outbox', err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        } else void this.sleep();
      });
  }

  /** Resolves when nothing is being delivered (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  private async sleep(): Promise<void> {
    if (this.closed) return;
    // Nothing waiting: sleep until a send or a decision pokes.
    const next = await nextDue(this.ctx.db).catch(() => null);
    if (!next || this.closed) return;
    const wait = Math.max(0, Math.min(this.options.idleMs ?? 5000, next.getTime() - this.ctx.now() * 1000));
    this.timer = setTimeout(() => this.poke(), wait);
    this.timer.unref();
  }

  /** Delivers every due message, in batches. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await dueMessages(this.ctx.db, new Date(this.ctx.now() * 1000), 50);
      if (due.length === 0) return sent;
      // A few at a time: signing, the round trip and the peer's work overlap.
      for (let k = 0; k < due.length; k += IN_FLIGHT) {
        if (this.closed) return sent;
        const batch = due.slice(k, k + IN_FLIGHT);
        await Promise.all(batch.map((m) => this.deliver(m)));
        sent += batch.length;
      }
    }
  }

  private async deliver(m: OutboxMessage): Promise<void> {
    const outcome = await this.attempt(m);
    const at = new Date(this.ctx.now() * 1000);
    await this.ctx.db.transaction(async (tx) => {
      if ('delivered' in outcome) {
        await markDelivered(tx, m.messageId, at);
        if (m.type === 'handoff') await markHandoffSent(tx, m.handoffId);
      } else if ('refused' in outcome) {
        await markRefused(tx, m.messageId, outcome.refused, outcome.detail);
        if (m.type === 'handoff') await setHandoffState(tx, m.handoffId, { state: 'refused' });
        await appendAudit(tx, {
          actor: SYSTEM,
          action: `federation.${m.type}.refused_by_peer`,
          subjectType: 'handoff',
          subjectId: m.handoffId,
          reason: outcome.refused,
          detail: { peer: m.peer, message: m.messageId, detail: outcome.detail },
        });
      } else {
        const next = new Date(at.getTime() + retryDelay(m.attempts, this.options.retryMax) * 1000);
        await markRetry(tx, m.messageId, next, outcome.retry);
      }
    });
  }

  private async attempt(m: OutboxMessage): Promise<Outcome> {
    const peer = await peerByCode(this.ctx.db, m.peer);
    if (!peer) return { refused: 'unknown_peer', detail: `${m.peer} is no longer registered` };
    const iat = this.ctx.now();
    const jws = await signMessage(this.ctx.key(), {
      iss: await selfCode(this.ctx),
      aud: peer.code,
      jti: m.messageId,
      iat,
      exp: iat + MESSAGE_TTL,
      typ: m.type,
      body: m.body,
    } as Parameters<typeof signMessage>[1]);
    let res: Response;
    try {
      res = await this.ctx.fetch(`${peer.baseUrl}${RECEIVE_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: jws }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      return { retry: (e as Error).message };
    }
    if (res.ok) return { delivered: true };
    const text = await res.text().catch(() => '');
    if (res.status >= 500 || res.status === 429) return { retry: `HTTP ${res.status} ${text.slice(0, 200)}` };
    let code: unknown;
    try {
      code = JSON.parse(text)?.code;
    } catch {
      code = undefined;
    }
    const refusal = refusalOf(code);
    if (alreadyDelivered(refusal ?? undefined)) return { delivered: true };
    return { refused: refusal ?? `http_${res.status}`, detail: text.slice(0, 500) };
  }
}
