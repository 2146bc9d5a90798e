/**
 * The e-mail channel: plain-text mail over SMTP (nodemailer), each attempt logged in
 * `notification_deliveries` as sent or failed with the error.
 */
import type { Db } from '@renxing/db';
import nodemailer from 'nodemailer';
import type { Message } from './message.js';

export interface EmailChannel {
  /** Sends one message; the SMTP server's message id, or throws the transport's error. */
  send(m: Message, to: string): Promise<string>;
  close(): void;
}

/** Checks an SMTP URL (`smtp://host:port`, `smtps://…`; user and password in it allowed; `?tls=insecure`). */
export function parseSmtpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`not an SMTP URL: ${text}`);
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '')
    throw new RangeError(`not an SMTP URL: ${text} (smtp://host:port or smtps://host:port)`);
  return url;
}

/** A nodemailer transport for `smtpUrl`, sending from `from`. */
export function smtpChannel(smtpUrl: string, from: string): EmailChannel {
  const url = parseSmtpUrl(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // Certificates are checked; `?tls=insecure` accepts a local relay's self-signed one.
    tls: { rejectUnauthorized: url.searchParams.get('tls') !== 'insecure' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(m, to) {
      const info = await transport.sendMail({
        from,
        to,
        subject: m.subject,
        text: m.text,
        textEncoding: 'base64',
        headers: { 'X-Renxing-Kind': m.kind, ...(m.ref ? { 'X-Renxing-Ref': m.ref } : {}) },
      });
      return String(info.messageId ?? '');
    },
    close() {
      transport.close();
    },
  };
}

export interface DeliveryRow {
  notificationId: string | null;
  recipient: string;
  kind: string;
  subject: string;
  ref: string | null;
  status: 'sent' | 'failed';
  error: string | null;
  messageId: string | null;
  at: Date;
}

/** Logs one e-mail attempt. */
export async function insertDelivery(db: Db, d: DeliveryRow): Promise<void> {
  await db.query(
    `INSERT INTO notification_deliveries
       (notification_id, channel, recipient, kind, subject, ref, status, error, message_id, attempted_at)
     VALUES ($1, 'email', $2, $3, $4, $5, $6, $7, $8, $9)`,
    [d.notificationId, d.recipient, d.kind, d.subject, d.ref, d.status, d.error, d.messageId, d.at],
  );
}

export interface LoggedDelivery {
  recipient: string;
  kind: string;
  subject: string;
  ref: string | null;
  status: 'sent' | 'failed';
  error: string | null;
  attemptedAt: Date;
}

/** The newest e-mail attempts (for operators and tests). */
export async function listDeliveries(db: Db, limit = 100): Promise<LoggedDelivery[]> {
  const { rows } = await db.query<{
    recipient: string;
    kind: string;
    subject: string;
    ref: string | null;
    status: 'sent' | 'failed';
    error: string | null;
    attempted_at: Date;
  }>(
    `SELECT recipient, kind, subject, ref, status, error, attempted_at FROM notification_deliveries
      ORDER BY attempted_at DESC, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, attemptedAt: r.attempted_at }));
}
