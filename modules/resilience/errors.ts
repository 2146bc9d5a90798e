/** The resilience index's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const RESILIENCE_ERRORS = defineErrors('resilience', {
  RX_RESILIENCE_NOT_COMPUTED: {
    status: 404,
    en: 'the resilience index has not been computed for {date}',
    'zh-CN': '{date} 的韧性指数尚未计算',
  },
  RX_RESILIENCE_NOT_COMMUNITY: {
    status: 400,
    en: '{path} is not a community',
    'zh-CN': '{path} 不是社区',
  },
  RX_RESILIENCE_UNKNOWN_INDICATOR: {
    status: 404,
    en: 'no indicator {key}',
    'zh-CN': '没有指标 {key}',
  },
  RX_RESILIENCE_INDICATOR_EXISTS: {
    status: 409,
    en: 'indicator {key} is the platform’s own: choose another key',
    'zh-CN': '指标 {key} 是平台自带指标，请换一个键',
  },
  RX_RESILIENCE_NO_VALUE: {
    status: 409,
    en: '{path} has no value for {key} on {date}: nothing to improve from',
    'zh-CN': '{path} 在 {date} 没有指标 {key} 的值，无从改进',
  },
  RX_RESILIENCE_NO_STEP: {
    status: 409,
    en: '{path} is already at the city’s best for {key} on {date}: no step to send',
    'zh-CN': '{path} 在 {date} 的指标 {key} 已达全市最好水平，无需再派任务',
  },
  RX_RESILIENCE_UNKNOWN_BANK: {
    status: 404,
    en: 'no question bank {bank} version {version}',
    'zh-CN': '没有题库 {bank}（版本 {version}）',
  },
  RX_RESILIENCE_ASSESSMENT_PLACE: {
    status: 400,
    en: 'a self-assessment is answered by a community or a street, not {path}',
    'zh-CN': '自评由社区或街道填写，{path} 不可',
  },
  RX_RESILIENCE_ANSWERS: {
    status: 400,
    en: 'answers do not fit the bank: {detail}',
    'zh-CN': '答案与题库不符：{detail}',
  },
  RX_RESILIENCE_NOT_REVIEWER: {
    status: 403,
    en: 'you are not this self-assessment’s reviewer: {detail}',
    'zh-CN': '您不是该自评的审核人：{detail}',
  },
  RX_RESILIENCE_ASSESSMENT_STATE: {
    status: 409,
    en: 'this self-assessment is {state}: it cannot be reviewed',
    'zh-CN': '该自评状态为“{state}”，不能审核',
  },
  RX_RESILIENCE_ASSESSMENT_NOT_FOUND: {
    status: 404,
    en: 'no self-assessment {id}',
    'zh-CN': '没有自评 {id}',
  },
  RX_RESILIENCE_ASSESSMENT_PENDING: {
    status: 409,
    en: '{path} already has a self-assessment on {bank} awaiting review: review it first',
    'zh-CN': '{path} 已有一份“{bank}”自评待审核，请先审核',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof RESILIENCE_ERRORS> {}
}
