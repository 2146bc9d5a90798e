/** Plans' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const PLANS_ERRORS = defineErrors('plans', {
  RX_PLAN_UNPUBLISHED: {
    status: 409,
    en: 'the plan has no published version yet: publish one before activating it',
    'zh-CN': '该预案尚无已发布版本，请先发布再启动',
  },
  RX_INCIDENT_CLOSED: {
    status: 409,
    en: 'the incident was closed at {closedAt}',
    'zh-CN': '该事件已于 {closedAt} 关闭',
  },
  RX_INCIDENT_INCOMPLETE: {
    status: 422,
    en: 'the incident cannot close until its after-action review is complete: {missing}',
    'zh-CN': '事后评估尚未完成，事件不能关闭：{missing}',
  },
  RX_ACTION_CLOSED: {
    status: 409,
    en: 'corrective action {action} was already closed by version {version}',
    'zh-CN': '纠正措施 {action} 已由第 {version} 版关闭',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof PLANS_ERRORS> {}
}
