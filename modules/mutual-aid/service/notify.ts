/**
 * Telling the requester: every state change of a request is a message for them (in-app for the
 * person and their account; e-mail when an address is known and SMTP is configured). The notifier
 * is the one outbound channel (packages/notify); sending happens after the transaction commits, and
 * a channel that fails is logged by the notifier, never thrown here. The history itself is kept in
 * aid_events (in the transaction), so nothing the requester is told exists only in a message.
 */
import { SKILL_WORDS, type Skill } from '@renxing/modules/volunteers';
import type { AidEventState } from '../store/requests.js';

/** Whom a message is for (the notify kernel's Recipient). */
export interface AidRecipient {
  userId?: string;
  personId?: string;
  email?: string;
}

/** The notify kernel's Notifier, as this module uses it (ctx.notifier fits it). */
export interface AidNotifier {
  send(message: {
    to: AidRecipient;
    subject: string;
    text: string;
    kind: string;
    ref?: string;
  }): Promise<unknown>;
}

/** The kind of every message about a request's state. */
export const AID_NOTICE_KIND = 'mutual_aid.request_state';

/** A change the requester is told of. */
export interface AidChange {
  requestId: string;
  requesterId: string;
  need: string;
  state: AidEventState;
  at: Date;
  /** The volunteer's name and phone, once they accepted. */
  volunteer?: { name: string; phone: string | null };
  note?: string;
}

const STATE_WORDS: Record<AidEventState, { 'zh-CN': string; en: string }> = {
  open: { 'zh-CN': '已受理，等待匹配志愿者', en: 'received, waiting for a volunteer' },
  matched: { 'zh-CN': '已匹配志愿者，等待其确认', en: 'matched with a volunteer, waiting for their answer' },
  accepted: { 'zh-CN': '志愿者已接单', en: 'accepted by a volunteer' },
  declined: {
    'zh-CN': '志愿者未能接单，已重新等待匹配',
    en: 'the volunteer could not take it: waiting for another',
  },
  done: { 'zh-CN': '已完成', en: 'done' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
  expired: {
    'zh-CN': '时间窗口已过仍未匹配，社区将跟进',
    en: 'expired unmatched: your community will follow up',
  },
};

const needWords = (need: string) => SKILL_WORDS[need as Skill] ?? { 'zh-CN': need, en: need };

/** The message of a change: Chinese first, then English. */
export function noticeOf(c: AidChange): { subject: string; text: string } {
  const s = STATE_WORDS[c.state];
  const n = needWords(c.need);
  const lines = [`您的互助请求（${n['zh-CN']}）${s['zh-CN']}。`];
  if (c.volunteer) {
    lines.push(`志愿者：${c.volunteer.name}${c.volunteer.phone ? `，电话 ${c.volunteer.phone}` : ''}`);
  }
  if (c.note) lines.push(`说明：${c.note}`);
  lines.push('', `Your request for help (${n.en}): ${s.en}.`);
  if (c.volunteer) {
    lines.push(`Volunteer: ${c.volunteer.name}${c.volunteer.phone ? `, phone ${c.volunteer.phone}` : ''}`);
  }
  if (c.note) lines.push(`Note: ${c.note}`);
  lines.push('', `${c.at.toISOString()} · ${c.requestId}`);
  return { subject: `互助请求${s['zh-CN']} / Request ${s.en}`, text: lines.join('\n') };
}

/**
 * Tells the requester of these changes (after the commit): one message each, to the person (a
 * resident reads in-app what was sent to the person their account is linked to). The people
 * registry keeps no e-mail address, so e-mail goes out only once one is known (`email`). A missing
 * notifier (a tool without one) sends nothing; the history is in aid_events all the same.
 */
export async function notifyRequester(
  notifier: AidNotifier | undefined,
  changes: readonly AidChange[],
  email?: ReadonlyMap<string, string>,
): Promise<void> {
  if (!notifier) return;
  for (const c of changes) {
    const { subject, text } = noticeOf(c);
    const address = email?.get(c.requesterId);
    const to: AidRecipient = address
      ? { personId: c.requesterId, email: address }
      : { personId: c.requesterId };
    await notifier.send({ to, subject, text, kind: AID_NOTICE_KIND, ref: c.requestId });
  }
}
