/** The notify kernel: one outbound channel interface, its in-app and e-mail (SMTP) channels. */
export {
  type DeliveryRow,
  type EmailChannel,
  insertDelivery,
  type LoggedDelivery,
  listDeliveries,
  parseSmtpUrl,
  smtpChannel,
} from './email.js';
export {
  insertNotification,
  listNotifications,
  markRead,
  type Notification,
  type Reader,
} from './inapp.js';
export type { Channel, Delivery, Message, Notifier, Recipient } from './message.js';
export { createNotifier, DEFAULT_MAIL_FROM, type NotifierOptions, PlatformNotifier } from './notifier.js';
