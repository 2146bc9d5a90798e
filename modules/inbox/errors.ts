/** The community inbox's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const INBOX_ERRORS = defineErrors('inbox', {
  RX_DUTY_NO_RESOURCES: {
    status: 422,
    en: 'refused: {rule} is an assisting duty (依法协助事项) and the request gives no resources (funding, staff or equipment)',
    'zh-CN': '已拒收：{rule} 属依法协助事项，请求未写明所给资源（经费、人员或装备）',
  },
  RX_DUTY_NEGATIVE: {
    status: 422,
    en: 'refused by the negative list (负面清单): {rule} is a government duty that must not be pushed down to communities',
    'zh-CN': '已拒收：{rule} 列入负面清单，属政府职责，不得下派社区',
  },
  RX_DUTY_ABOLISHED: {
    status: 422,
    en: 'refused: {rule} is an abolished certificate (取消的证明事项); communities no longer issue it',
    'zh-CN': '已拒收：{rule} 为已取消的证明事项，社区不再出具',
  },
  RX_DUTY_UNLISTED: {
    status: 422,
    en: 'refused: {duty} is not in the responsibility list (version {version}) and {rule}',
    'zh-CN': '已拒收：{duty} 不在社区工作事项清单（第 {version} 版）中，且{rule}',
  },
  RX_ITEM_TRANSITION: {
    status: 409,
    en: 'an item cannot go from {from} to {to}',
    'zh-CN': '事项不能从“{from}”变为“{to}”',
  },
  RX_NOT_YOUR_DEPARTMENT: {
    status: 403,
    en: 'you act for {department}, not {asked}',
    'zh-CN': '您代表 {department}，不能以 {asked} 的名义提交',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof INBOX_ERRORS> {}
}
