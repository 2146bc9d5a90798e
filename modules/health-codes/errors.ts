/** The health codes' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const HEALTH_CODE_ERRORS = defineErrors('health-codes', {
  RX_OVERRIDE_SELF: {
    status: 403,
    en: 'you requested this override: a second, different user must approve or reject it',
    'zh-CN': '此变更申请由您提出：须由另一位用户审批或驳回',
  },
  RX_OVERRIDE_DECIDED: {
    status: 409,
    en: 'this override request is already {state}',
    'zh-CN': '此变更申请已处理（{state}）',
  },
  RX_OVERRIDE_NO_CHANGE: {
    status: 409,
    en: 'the health code is already {colour}',
    'zh-CN': '健康码已是{colour}',
  },
  RX_TEST_RESULT_CONFLICT: {
    status: 409,
    en: 'sample {sampleId} from {lab} is already recorded as {result}; a correction is a new sample',
    'zh-CN': '{lab} 的样本 {sampleId} 已登记为 {result}；更正请按新样本登记',
  },
  RX_ALREADY_RED: {
    status: 409,
    en: 'the health code is already red ({basis}): a close-contact designation changes nothing',
    'zh-CN': '健康码已是红码（{basis}）：判定为密接不改变健康码',
  },
  RX_NOT_CLOSE_CONTACT: {
    status: 409,
    en: 'isolation applies to a designated close contact (red); this code is {colour} ({basis})',
    'zh-CN': '隔离仅适用于已判定的密接（红码）；此健康码为 {colour}（{basis}）',
  },
  RX_ISOLATION_STARTED: {
    status: 409,
    en: 'the isolation already started at {at}',
    'zh-CN': '隔离已于 {at} 开始',
  },
  RX_NOT_A_CASE: {
    status: 409,
    en: 'discharge applies to a confirmed case (red); this code is {colour} ({basis})',
    'zh-CN': '出院仅适用于确诊病例（红码）；此健康码为 {colour}（{basis}）',
  },
  RX_ALREADY_DISCHARGED: {
    status: 409,
    en: 'the case was already discharged at {at}',
    'zh-CN': '该病例已于 {at} 出院',
  },
  RX_UNKNOWN_PRESET: {
    status: 400,
    en: 'unknown health-code preset "{preset}" (default or chengdu-2021)',
    'zh-CN': '未知的健康码规则预设“{preset}”（default 或 chengdu-2021）',
  },
  RX_OVERRIDE_REFUSED: {
    status: 409,
    en: 'not a valid two-person override: {refusal}',
    'zh-CN': '不是有效的双人审批变更：{refusal}',
  },
  RX_HEALTH_CODE_CONFLICT: {
    status: 409,
    en: 'the health code changed meanwhile (expected version {version}); try again',
    'zh-CN': '健康码已被同时修改（预期版本 {version}）；请重试',
  },
  // Dates of events (rules/admission.ts): the rules refuse what no honest record can contain.
  RX_EVENT_IN_FUTURE: {
    status: 400,
    en: '{field} ({at}) is in the future: the clock reads {now}, and at most {skew} ahead is accepted',
    'zh-CN': '{field}（{at}）晚于当前时间 {now}：最多只允许超前 {skew}',
  },
  RX_EVENT_BEFORE_STATE: {
    status: 400,
    en: '{field} ({at}) is before {state} ({since}): {detail}',
    'zh-CN': '{field}（{at}）早于{state}（{since}）：{detail}',
  },
  RX_EVENT_TOO_OLD: {
    status: 400,
    en: '{field} ({at}) is earlier than {earliest}: a {event} may be dated at most {window} before it is recorded',
    'zh-CN': '{field}（{at}）早于 {earliest}：{event}最多只能补记到录入前 {window}',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof HEALTH_CODE_ERRORS> {}
}
