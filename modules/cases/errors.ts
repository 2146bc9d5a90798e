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
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof CASE_ERRORS> {}
}
