/**
 * The one error catalogue: a stable code, an HTTP status for the API, and the message in each
 * locale. Codes never change meaning; add new ones at the end of their group.
 */
import { fill, type Locale, type Text } from './locale.js';

export interface ErrorSpec extends Text {
  status: number;
}

export const ERRORS = {
  // Input files
  RX_FILE_UNREADABLE: {
    status: 400,
    en: 'cannot open {file}: {detail}',
    'zh-CN': '无法打开文件 {file}：{detail}',
  },
  RX_FILE_EMPTY: { status: 400, en: '{file} is empty', 'zh-CN': '{file} 是空文件' },
  RX_MISSING_COLUMN: {
    status: 400,
    en: '{file} lacks a required column: {detail}',
    'zh-CN': '{file} 缺少必需的列：{detail}',
  },
  RX_BAD_INDEX: {
    status: 400,
    en: '{file} is not a usable index: {detail}',
    'zh-CN': '{file} 不是可用的索引：{detail}',
  },
  RX_TOO_LARGE: {
    status: 413,
    en: '{field} is larger than {limit}',
    'zh-CN': '{field} 超过大小上限 {limit}',
  },
  // Command line
  RX_UNKNOWN_COMMAND: {
    status: 400,
    en: 'unknown command "{command}"; see renxing --help',
    'zh-CN': '未知命令“{command}”；请查看 renxing --help',
  },
  RX_BAD_FLAG: { status: 400, en: 'bad option {flag}: {detail}', 'zh-CN': '选项 {flag} 有误：{detail}' },
  RX_MISSING_FLAG: { status: 400, en: 'missing option {flag}', 'zh-CN': '缺少选项 {flag}' },
  RX_FLAG_CONFLICT: {
    status: 400,
    en: 'option {flag} cannot be used here: {detail}',
    'zh-CN': '此处不能使用选项 {flag}：{detail}',
  },
  RX_UNKNOWN_FLAG: {
    status: 400,
    en: 'unknown option {flag} for {command}; see renxing {command} --help',
    'zh-CN': '{command} 没有选项 {flag}；请查看 renxing {command} --help',
  },
  RX_UNKNOWN_ROLE: {
    status: 400,
    en: 'unknown role "{role}"; one of: {roles}',
    'zh-CN': '未知角色“{role}”；可选：{roles}',
  },
  RX_UNKNOWN_PLACE: {
    status: 400,
    en: 'no place at "{place}" (a path such as cq.yz.jd01)',
    'zh-CN': '不存在地点“{place}”（应为路径，如 cq.yz.jd01）',
  },
  RX_BAD_PASSWORD: {
    status: 400,
    en: 'password refused: {detail}',
    'zh-CN': '密码不可用：{detail}',
  },
  RX_USER_EXISTS: { status: 409, en: 'user "{username}" already exists', 'zh-CN': '用户“{username}”已存在' },
  RX_UNKNOWN_PERSON: {
    status: 400,
    en: 'no person with id "{person}", or that person already has an account',
    'zh-CN': '不存在编号为“{person}”的人员，或该人员已有账号',
  },
  // API
  RX_UNAUTHENTICATED: { status: 401, en: 'sign in first', 'zh-CN': '请先登录' },
  RX_BAD_CREDENTIALS: {
    status: 401,
    en: 'wrong username or password',
    'zh-CN': '用户名或密码错误',
  },
  RX_NOT_FOUND: { status: 404, en: 'not found', 'zh-CN': '未找到' },
  RX_VALIDATION: { status: 400, en: 'invalid {field}: {detail}', 'zh-CN': '{field} 无效：{detail}' },
  RX_CSRF: {
    status: 403,
    en: 'missing or wrong CSRF token (x-csrf-token header)',
    'zh-CN': 'CSRF 令牌缺失或错误（x-csrf-token 请求头）',
  },
  RX_RATE_LIMITED: {
    status: 429,
    en: 'too many attempts; try again in {retry}',
    'zh-CN': '尝试次数过多；请在 {retry} 后重试',
  },
  // Cases and follow-up
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
  RX_TASK_TRANSITION: {
    status: 409,
    en: 'a task cannot go from {from} to {to}',
    'zh-CN': '任务不能从“{from}”变为“{to}”',
  },
  // Health codes
  RX_OVERRIDE_SELF: {
    status: 403,
    en: 'you requested this override: a second, different user must approve or reject it',
    'zh-CN': '此变更申请由您提出：须由另一位用户审批或驳回',
  },
  RX_OVERRIDE_DECIDED: {
    status: 409,
    en: 'this override request is already {state}',
    'zh-CN': '此变更申请已处理（{state}）',
  },
  RX_OVERRIDE_NO_CHANGE: {
    status: 409,
    en: 'the health code is already {colour}',
    'zh-CN': '健康码已是{colour}',
  },
  RX_TEST_RESULT_CONFLICT: {
    status: 409,
    en: 'sample {sampleId} from {lab} is already recorded as {result}; a correction is a new sample',
    'zh-CN': '{lab} 的样本 {sampleId} 已登记为 {result}；更正请按新样本登记',
  },
  RX_ALREADY_RED: {
    status: 409,
    en: 'the health code is already red ({basis}): a close-contact designation changes nothing',
    'zh-CN': '健康码已是红码（{basis}）：判定为密接不改变健康码',
  },
  RX_NOT_CLOSE_CONTACT: {
    status: 409,
    en: 'isolation applies to a designated close contact (red); this code is {colour} ({basis})',
    'zh-CN': '隔离仅适用于已判定的密接（红码）；此健康码为 {colour}（{basis}）',
  },
  RX_ISOLATION_STARTED: {
    status: 409,
    en: 'the isolation already started at {at}',
    'zh-CN': '隔离已于 {at} 开始',
  },
  RX_NOT_A_CASE: {
    status: 409,
    en: 'discharge applies to a confirmed case (red); this code is {colour} ({basis})',
    'zh-CN': '出院仅适用于确诊病例（红码）；此健康码为 {colour}（{basis}）',
  },
  RX_ALREADY_DISCHARGED: {
    status: 409,
    en: 'the case was already discharged at {at}',
    'zh-CN': '该病例已于 {at} 出院',
  },
  // Internal
  RX_INTERNAL: { status: 500, en: 'internal error: {detail}', 'zh-CN': '内部错误：{detail}' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export class RenxingError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(fill(ERRORS[code].en, params));
    this.status = ERRORS[code].status;
  }

  /** The message in a locale, prefixed with the stable code. */
  localized(locale: Locale): string {
    return `${this.code}: ${fill(ERRORS[this.code][locale], this.params)}`;
  }
}
