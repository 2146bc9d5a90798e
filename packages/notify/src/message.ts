/** What the one outbound channel carries: a message for someone, and where it went. */

/** A channel a message can reach someone on. */
export type Channel = 'inapp' | 'email';

/**
 * Whom a message is for: a user, a person (a resident is a user linked to a person: they read what
 * was sent to either) and/or an e-mail address. In-app needs a user or a person; e-mail an address.
 */
export interface Recipient {
  userId?: string;
  personId?: string;
  email?: string;
}

export interface Message {
  to: Recipient;
  /** One line (≤ 500 characters); the e-mail's subject. */
  subject: string;
  /** Plain text, never HTML (≤ 20,000 characters). */
  text: string;
  /** What sends it, `area.what` (`participation.report_state`). */
  kind: string;
  /** What it is about there (a report's id), so a screen can link back. */
  ref?: string;
}

/** The channels the message reached (an e-mail that failed is logged, not listed). */
export interface Delivery {
  channels: Channel[];
}

/**
 * The one outbound channel interface. `send` never throws: a failure on a channel is logged (the
 * delivery log for e-mail) and the channel left out of the answer. Call it after your transaction
 * commits: it writes with its own connection.
 */
export interface Notifier {
  send(message: Message): Promise<Delivery>;
}
