/** Volunteers' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const VOLUNTEERS_ERRORS = defineErrors('volunteers', {
  RX_VOLUNTEER_EXISTS: {
    status: 409,
    en: 'already a volunteer: {detail}',
    'zh-CN': '已登记为志愿者：{detail}',
  },
  RX_ORGANISATION_EXISTS: {
    status: 409,
    en: 'an organisation named {name} exists',
    'zh-CN': '已有名为 {name} 的组织',
  },
  RX_POSTED_NEEDS_UNIT: {
    status: 400,
    en: 'an official posted down (下沉干部) needs the organisation of their unit (kind unit)',
    'zh-CN': '下沉干部须填写其所在单位（类型为“单位”的组织）',
  },
  RX_VOLUNTEER_NO_HOME: {
    status: 409,
    en: 'your record has no home community: ask your community worker to register you',
    'zh-CN': '您的档案没有所属社区：请联系社区工作人员为您登记',
  },
  RX_VOLUNTEER_ACCOUNT_TAKEN: {
    status: 409,
    en: 'account {account} cannot be used: {detail}',
    'zh-CN': '账号 {account} 不能使用：{detail}',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof VOLUNTEERS_ERRORS> {}
}
