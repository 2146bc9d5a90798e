/** The cases' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const CASE_ERRORS = defineErrors('cases', {
  RX_CASE_SUBJECT: {
    status: 400,
    en: 'cannot trace {field}: {detail}',
    'zh-CN': '无法追踪 {field}：{detail}',
  },
  RX_LABEL_TAKEN: {
    status: 409,
    en: 'a case is already labelled "{label}"',
    'zh-CN': '病例标签“{label}”已被使用',
  },
  RX_DETECTION_FAILED: {
    status: 500,
    en: 'detection failed: {detail}',
    'zh-CN': '时空伴随检测失败：{detail}',
  },
  RX_DETECTION_PARAMS: {
    status: 400,
    en: 'the preset gives no usable companion rule: {detail}',
    'zh-CN': '规则预设没有可用的时空伴随参数：{detail}',
  },
  RX_CHAIN_RANGE: {
    status: 400,
    en: 'the time range of the chain ends before it starts',
    'zh-CN': '传播链的时间范围结束早于开始',
  },
  RX_CHAIN_PRESETS: {
    status: 400,
    en: 'the cases of one chain must share one rule preset (found {presets})',
    'zh-CN': '同一条传播链中的病例须使用同一规则预设（现为 {presets}）',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof CASE_ERRORS> {}
}
