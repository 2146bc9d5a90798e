/**
 * The notifier: in-app for a user or a person (a `notifications` row), e-mail when the message
 * names an address and SMTP is configured. It never throws into its caller: a failed channel is
 * logged and left out of the answer.
 */
import type { Db } from '@renxing/db';
import { type EmailChannel, insertDelivery, smtpChannel } from './email.js';
import { insertNotification } from './inapp.js';
import type { Channel, Delivery, Message, Notifier } from './message.js';

export interface NotifierOptions {
  db: Db;
  /** `smtp://host:port` (null: in-app only). */
  smtpUrl: string | null;
  /** The sender of e-mail (`Renxing <noreply@renxing.local>`). */
  from?: string;
  /** The clock (default: the system's). */
  now?: () => Date;
  /** Where a failure that could not be logged in the database is told. */
  log?: (error: unknown, what: string) => void;
}

export const DEFAULT_MAIL_FROM = '韧性平台 <noreply@renxing.local>';

const MAX_SUBJECT = 500;
const MAX_TEXT = 20_000;

/** Cuts a message to the table's bounds (a subject is one line). */
function bounded(m: Message): Message {
  const subject =
    m.subject
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .slice(0, MAX_SUBJECT) || m.kind;
  return { ...m, subject, text: m.text.slice(0, MAX_TEXT) };
}

export class PlatformNotifier implements Notifier {
  readonly #db: Db;
  readonly #email: EmailChannel | null;
  readonly #now: () => Date;
  readonly #log: (error: unknown, what: string) => void;

  constructor(o: NotifierOptions) {
    this.#db = o.db;
    this.#email = o.smtpUrl ? smtpChannel(o.smtpUrl, o.from ?? DEFAULT_MAIL_FROM) : null;
    this.#now = o.now ?? (() => new Date());
    this.#log = o.log ?? ((error, what) => console.error(`notify: ${what}`, error));
  }

  /** Whether e-mail goes out (SMTP configured). */
  get emails(): boolean {
    return this.#email !== null;
  }

  async send(message: Message): Promise<Delivery> {
    const m = bounded(message);
    const channels: Channel[] = [];
    let notificationId: string | null = null;
    if (m.to.userId || m.to.personId) {
      try {
        notificationId = await insertNotification(this.#db, m, this.#now());
        channels.push('inapp');
      } catch (error) {
        this.#log(error, `in-app ${m.kind} not stored`);
      }
    }
    const address = m.to.email?.trim();
    if (this.#email && address) {
      let messageId: string | null = null;
      let error: string | null = null;
      try {
        messageId = await this.#email.send(m, address);
        channels.push('email');
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).slice(0, 2000) || 'failed';
      }
      try {
        await insertDelivery(this.#db, {
          notificationId,
          recipient: address,
          kind: m.kind,
          subject: m.subject,
          ref: m.ref ?? null,
          status: error === null ? 'sent' : 'failed',
          error,
          messageId,
          at: this.#now(),
        });
      } catch (e) {
        this.#log(e, `e-mail ${m.kind} to ${address} not logged`);
      }
    }
    return { channels };
  }

  close(): void {
    this.#email?.close();
  }
}

/** The notifier of a configuration: e-mail over SMTP when `smtpUrl` is set, in-app always. */
export const createNotifier = (o: NotifierOptions): PlatformNotifier => new PlatformNotifier(o);
