/** Mutual aid's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const MUTUAL_AID_ERRORS = defineErrors('mutual-aid', {
  RX_NO_SUCH_AID_REQUEST: {
    status: 404,
    en: 'no aid request {request}',
    'zh-CN': '没有互助请求 {request}',
  },
  RX_NO_SUCH_AID_OFFER: {
    status: 404,
    en: 'no offer {offer}',
    'zh-CN': '没有派单 {offer}',
  },
  RX_AID_NO_REQUESTER: {
    status: 404,
    en: 'no person {person} in your place',
    'zh-CN': '您的辖区内没有人员 {person}',
  },
  RX_AID_NO_LOCATION: {
    status: 400,
    en: 'the home of {person} has no known location: give a point (lon, lat)',
    'zh-CN': '{person} 的住址没有坐标：请给出位置（经度、纬度）',
  },
  RX_AID_BAD_STATE: {
    status: 409,
    en: 'the request is {state}: it cannot be {action}',
    'zh-CN': '请求当前为“{state}”，不能{action}',
  },
  RX_AID_OFFER_ANSWERED: {
    status: 409,
    en: 'the offer is already {state}',
    'zh-CN': '该派单已是“{state}”',
  },
  RX_AID_NOT_A_VOLUNTEER: {
    status: 404,
    en: 'your account is not linked to a volunteer',
    'zh-CN': '您的账号未关联志愿者',
  },
  RX_AID_WINDOW_PAST: {
    status: 400,
    en: 'the window has already passed',
    'zh-CN': '时间窗口已经过去',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof MUTUAL_AID_ERRORS> {}
}
