/** The request's state machine as the services ask it (rules/requests.ts decides), and its words. */
import { RenxingError } from '@renxing/contracts';
import '../errors.js';
import { type AidEventName, nextAidState } from '../rules/requests.js';
import type { AidEventState, AidState } from '../store/requests.js';

const WORDS: Record<AidEventState, { en: string; 'zh-CN': string }> = {
  open: { en: 'open', 'zh-CN': '待匹配' },
  matched: { en: 'matched', 'zh-CN': '已匹配' },
  accepted: { en: 'accepted', 'zh-CN': '已接单' },
  declined: { en: 'declined', 'zh-CN': '已拒绝' },
  done: { en: 'done', 'zh-CN': '已完成' },
  cancelled: { en: 'cancelled', 'zh-CN': '已取消' },
  expired: { en: 'expired', 'zh-CN': '已过期' },
};

/** A state in words (an error's parameter). */
export const stateWords = (s: AidEventState) => WORDS[s];

const ACTION_WORDS: Record<AidEventName, { en: string; 'zh-CN': string }> = {
  match: { en: 'matched', 'zh-CN': '匹配' },
  accept: { en: 'accepted', 'zh-CN': '接单' },
  decline: { en: 'declined', 'zh-CN': '拒绝' },
  complete: { en: 'done', 'zh-CN': '完成' },
  cancel: { en: 'cancelled', 'zh-CN': '取消' },
  expire: { en: 'expired', 'zh-CN': '过期' },
};

/** The state `event` leads to from `state`, or RX_AID_BAD_STATE (409) when the rules refuse it. */
export function moveOrRefuse(state: AidState, event: AidEventName): AidState {
  const to = nextAidState(state, event);
  if (to === null)
    throw new RenxingError('RX_AID_BAD_STATE', { state: stateWords(state), action: ACTION_WORDS[event] });
  return to;
}
