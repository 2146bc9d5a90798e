/** Screening's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const SCREENING_ERRORS = defineErrors('screening', {
  RX_TUBE_FULL: {
    status: 409,
    en: 'tube full: {tube} already holds {k} swabs',
    'zh-CN': '管已满：{tube} 已有 {k} 份样本',
  },
  RX_TUBE_SEALED: {
    status: 409,
    en: 'tube {tube} is sealed: take a new tube',
    'zh-CN': '管 {tube} 已封管，请换新管',
  },
  RX_REPOOL_REFUSED: {
    status: 409,
    en: 'refused: this person was in positive pooled tube {tube} and awaits a single-tube re-test; take a single tube (k = 1)',
    'zh-CN': '已拒绝：此人所在混采管 {tube} 阳性，待单管复核，不得再混采，请用单管（k = 1）',
  },
  RX_TUBE_OTHER_ROUND: {
    status: 409,
    en: 'tube {tube} belongs to another round or site',
    'zh-CN': '管 {tube} 属于其他轮次或采样点',
  },
  RX_NO_SUCH_PERSON: {
    status: 404,
    en: 'no person matches this {by}',
    'zh-CN': '没有与此{by}相符的人员',
  },
  RX_ROUND_CLOSED: {
    status: 409,
    en: 'the round ended at {endsAt}; samples are registered within its window',
    'zh-CN': '本轮已于 {endsAt} 结束，只能在轮次时段内登记采样',
  },
  RX_NO_PREVALENCE: {
    status: 400,
    en: 'give a prevalence in (0, 1): no finished round in reach has results to estimate it from',
    'zh-CN': '请给出 (0, 1) 之间的阳性率：辖区内没有已出结果的轮次可供估计',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof SCREENING_ERRORS> {}
}
