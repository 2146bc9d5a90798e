/** Participation's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const PARTICIPATION_ERRORS = defineErrors('participation', {
  RX_NO_SUCH_REPORT: {
    status: 404,
    en: 'no report {report}',
    'zh-CN': '没有报告 {report}',
  },
  RX_REPORT_RATE_LIMITED: {
    status: 429,
    en: 'at most {limit} reports an hour: try again after {retry}',
    'zh-CN': '每小时最多提交 {limit} 条报告：请在 {retry} 之后再试',
  },
  RX_REPORT_TRANSITION: {
    status: 409,
    en: 'a {state} report cannot be {action}',
    'zh-CN': '处于“{state}”状态的报告不能执行“{action}”',
  },
  RX_REOPEN_WINDOW: {
    status: 409,
    en: 'a report can be reopened only within 7 days of its response (responded {respondedAt})',
    'zh-CN': '只能在答复后 7 天内重新打开报告（答复于 {respondedAt}）',
  },
  RX_NO_HOME_COMMUNITY: {
    status: 400,
    en: 'no community known for the reporter: name the place',
    'zh-CN': '不知道报告人所在社区：请指明地点',
  },
  RX_PHOTO_TYPE: {
    status: 415,
    en: 'a photo must be a JPEG, PNG or WebP image (its bytes say otherwise)',
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片（文件内容不符）',
  },
  RX_PHOTO_TOO_LARGE: {
    status: 413,
    en: 'a photo may be at most {limit} bytes',
    'zh-CN': '照片最大 {limit} 字节',
  },
  RX_NO_PHOTO: {
    status: 404,
    en: 'report {report} has no photo',
    'zh-CN': '报告 {report} 没有照片',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof PARTICIPATION_ERRORS> {}
}
