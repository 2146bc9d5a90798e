/** The outbox of signed messages (migration 0031): kept until the peer acknowledges or refuses each. */
import type { Db } from '@renxing/db';
import type { DecisionBody, HandoffBody, MessageType } from '../rules/messages.js';

export interface OutboxMessage {
  messageId: string;
  handoffId: string;
  peer: string;
  type: MessageType;
  body: HandoffBody | DecisionBody;
  attempts: number;
  nextAt: Date;
}

export async function enqueue(
  db: Db,
  m: {
    messageId: string;
    handoffId: string;
    peer: string;
    type: MessageType;
    body: HandoffBody | DecisionBody;
    at: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO federation_outbox (message_id, handoff_id, peer, type, body, next_at, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6) ON CONFLICT DO NOTHING`,
    [m.messageId, m.handoffId, m.peer, m.type, JSON.stringify(m.body), m.at],
  );
}

interface OutboxRow {
  message_id: string;
  handoff_id: string;
  peer: string;
  type: MessageType;
  body: HandoffBody | DecisionBody;
  attempts: number;
  next_at: Date;
}

/** Messages due at `now`, oldest first (at most `limit`). */
export async function dueMessages(db: Db, now: Date, limit: number): Promise<OutboxMessage[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT message_id, handoff_id, peer, type, body, attempts, next_at FROM federation_outbox
      WHERE delivered_at IS NULL AND refused IS NULL AND next_at <= $1
      ORDER BY next_at, created_at LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => ({
    messageId: r.message_id,
    handoffId: r.handoff_id,
    peer: r.peer,
    type: r.type,
    body: r.body,
    attempts: r.attempts,
    nextAt: r.next_at,
  }));
}

/** When the next message falls due (null: nothing waits). */
export async function nextDue(db: Db): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    'SELECT min(next_at) AS at FROM federation_outbox WHERE delivered_at IS NULL AND refused IS NULL',
  );
  return rows[0]?.at ?? null;
}

export async function markDelivered(db: Db, messageId: string, at: Date): Promise<void> {
  await db.query(
    'UPDATE federation_outbox SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE message_id = $1',
    [messageId, at],
  );
}

export async function markRefused(db: Db, messageId: string, refusal: string, detail: string): Promise<void> {
  await db.query(
    'UPDATE federation_outbox SET refused = $2, last_error = $3, attempts = attempts + 1 WHERE message_id = $1',
    [messageId, refusal, detail.slice(0, 500)],
  );
}

export async function markRetry(db: Db, messageId: string, next: Date, error: string): Promise<void> {
  await db.query(
    'UPDATE federation_outbox SET attempts = attempts + 1, next_at = $2, last_error = $3 WHERE message_id = $1',
    [messageId, next, error.slice(0, 500)],
  );
}

export interface DeliveryView {
  messageId: string;
  type: MessageType;
  attempts: number;
  nextAt: Date;
  deliveredAt: Date | null;
  refused: string | null;
  lastError: string | null;
}

/** A hand-off's messages and how their delivery went. */
export async function deliveriesOf(db: Db, handoffId: string): Promise<DeliveryView[]> {
  const { rows } = await db.query<{
    message_id: string;
    type: MessageType;
    attempts: number;
    next_at: Date;
    delivered_at: Date | null;
    refused: string | null;
    last_error: string | null;
  }>(
    `SELECT message_id, type, attempts, next_at, delivered_at, refused, last_error FROM federation_outbox
      WHERE handoff_id = $1 ORDER BY created_at`,
    [handoffId],
  );
  return rows.map((r) => ({
    messageId: r.message_id,
    type: r.type,
    attempts: r.attempts,
    nextAt: r.next_at,
    deliveredAt: r.delivered_at,
    refused: r.refused,
    lastError: r.last_error,
  }));
}
