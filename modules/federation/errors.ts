/** Federation's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const FEDERATION_ERRORS = defineErrors('federation', {
  // A received message refused: one code per refusal (rules/messages.ts REFUSALS).
  RX_HANDOFF_UNSIGNED: {
    status: 401,
    en: 'the message is not a JWS signed with EdDSA',
    'zh-CN': '消息不是以 EdDSA 签名的 JWS',
  },
  RX_HANDOFF_MALFORMED: {
    status: 400,
    en: 'the message is malformed: {field} {detail}',
    'zh-CN': '消息格式错误：{field} {detail}',
  },
  RX_HANDOFF_UNKNOWN_SENDER: {
    status: 403,
    en: 'city {city} is not a registered peer of this city',
    'zh-CN': '城市 {city} 不是本市登记的对接城市',
  },
  RX_HANDOFF_FORGED: {
    status: 401,
    en: "the signature does not verify against city {city}'s published keys",
    'zh-CN': '签名无法用城市 {city} 公布的公钥验证',
  },
  RX_HANDOFF_WRONG_AUDIENCE: {
    status: 403,
    en: 'the message is addressed to {aud}, not to this city',
    'zh-CN': '该消息发往 {aud}，不是本市',
  },
  RX_HANDOFF_EXPIRED: {
    status: 401,
    en: 'the message has expired',
    'zh-CN': '消息已过期',
  },
  RX_HANDOFF_NOT_YET_VALID: {
    status: 401,
    en: 'the message was signed in the future: check the clocks',
    'zh-CN': '消息的签发时间晚于当前时间，请检查时钟',
  },
  RX_HANDOFF_REPLAYED: {
    status: 409,
    en: 'message {id} was received before; it is not applied again',
    'zh-CN': '消息 {id} 此前已收到，不会重复处理',
  },
  RX_HANDOFF_UNKNOWN_HANDOFF: {
    status: 404,
    en: 'no hand-off {id} was sent to city {city}',
    'zh-CN': '未曾向城市 {city} 移交 {id}',
  },
  // The operations.
  RX_HANDOFF_DECIDED: {
    status: 409,
    en: 'the hand-off was already {state}',
    'zh-CN': '该移交已{state}',
  },
  RX_HANDOFF_NOT_INBOUND: {
    status: 409,
    en: 'only a hand-off received from another city is accepted or rejected here',
    'zh-CN': '只有外市移交来的才能在此接收或拒收',
  },
  RX_PEER_UNKNOWN: {
    status: 422,
    en: 'city {city} is not a registered peer',
    'zh-CN': '城市 {city} 尚未登记为对接城市',
  },
  RX_PEER_NOT_COVERED: {
    status: 422,
    en: 'place {place} is not among the places city {city} covers',
    'zh-CN': '地点 {place} 不在城市 {city} 的辖区内',
  },
  RX_PEER_IS_SELF: {
    status: 422,
    en: 'city {city} is this city',
    'zh-CN': '城市 {city} 即本市',
  },
  RX_PEER_UNREACHABLE: {
    status: 422,
    en: 'the keys of {url} could not be read: {detail}',
    'zh-CN': '无法读取 {url} 的公钥：{detail}',
  },
  RX_FEDERATION_NO_CITY: {
    status: 409,
    en: 'this instance has no city yet (no root place)',
    'zh-CN': '本实例尚无城市（没有根地点）',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof FEDERATION_ERRORS> {}
}
