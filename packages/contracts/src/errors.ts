/**
 * The one error catalogue: a stable code, an HTTP status for the API, and the message in each
 * locale. The kernel's codes are here; each module adds its own with `defineErrors` in its
 * errors.ts (and a `declare module` augmentation of ErrorCatalogue, so `new RenxingError(code)`
 * type-checks only for a known code). Codes never change meaning; add new ones at the end of
 * their group.
 */
import { fill, type Locale, type Text } from './locale.js';

export interface ErrorSpec extends Text {
  status: number;
  /** For a module's code: the module that owns it. */
  readonly module?: string;
}

const KERNEL_ERRORS = {
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
  RX_UNPACKED_TOO_LARGE: {
    status: 413,
    en: '{file} unpacks to more than {limit}: {detail}',
    'zh-CN': '{file} 解压后超过 {limit}：{detail}',
  },
  RX_TOO_MANY_ROWS: {
    status: 413,
    en: '{file} has more than {limit} rows',
    'zh-CN': '{file} 超过 {limit} 行',
  },
  RX_IMPORT_BUSY: {
    status: 429,
    en: 'an import is already running ({detail}); try again when it has finished',
    'zh-CN': '已有导入正在进行（{detail}）；请在其完成后重试',
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
  // Internal
  RX_INTERNAL: { status: 500, en: 'internal error: {detail}', 'zh-CN': '内部错误：{detail}' },
} as const satisfies Record<string, ErrorSpec>;

/** Codes of a module's table, for its augmentation of ErrorCatalogue. */
export type Catalogued<T extends Record<string, ErrorSpec>> = { readonly [K in keyof T]: ErrorSpec };

/**
 * Every known code. Modules add theirs:
 * `declare module '@renxing/contracts' { interface ErrorCatalogue extends Catalogued<typeof X_ERRORS> {} }`.
 */
export interface ErrorCatalogue extends Catalogued<typeof KERNEL_ERRORS> {}

export type ErrorCode = keyof ErrorCatalogue & string;

const catalogue = new Map<string, ErrorSpec>(Object.entries(KERNEL_ERRORS));

/**
 * Adds a module's codes to the catalogue (at import of its errors.ts). A code already defined,
 * or one not of the form RX_NAME, is a programming error and throws.
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(module: string, specs: T): T {
  for (const [code, spec] of Object.entries(specs)) {
    if (!/^RX_[A-Z0-9_]+$/.test(code)) throw new Error(`error code ${code} (${module}) is not RX_NAME`);
    if (catalogue.has(code)) throw new Error(`error code ${code} (${module}) is already defined`);
    catalogue.set(code, { ...spec, module });
  }
  return specs;
}

/** The spec of a code; a code no loaded module defines reads as an internal error naming it. */
export function errorSpec(code: string): ErrorSpec {
  return (
    catalogue.get(code) ?? {
      status: 500,
      en: `internal error: unknown error code ${code}`,
      'zh-CN': `内部错误：未知错误代码 ${code}`,
    }
  );
}

/** Every defined code and its spec, kernel first (for docs and the catalogue test). */
export function errorCatalogue(): ReadonlyMap<string, ErrorSpec> {
  return catalogue;
}

/** A message parameter: plain, or worded per locale (a detail, a reason). */
export type ErrorParam = string | number | Text;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

function inLocale(params: ErrorParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[locale] : v;
  return out;
}

/**
 * The platform's one error: a catalogue code, its parameters, and optionally the input at fault
 * (`field`, e.g. `body.reason`). Status and message come from the catalogue when asked for, so a
 * module's code can be thrown by any of its files.
 */
export class RenxingError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** The input at fault, e.g. `body.username`. */
    readonly field?: string,
  ) {
    super();
    this.name = 'RenxingError';
  }

  override get message(): string {
    return this.text('en');
  }

  get status(): number {
    return errorSpec(this.code).status;
  }

  /** The message alone, in a locale. */
  text(locale: Locale): string {
    return fill(errorSpec(this.code)[locale], inLocale(this.params, locale));
  }

  /** The message in a locale, prefixed with the stable code. */
  localized(locale: Locale): string {
    return `${this.code}: ${this.text(locale)}`;
  }
}

/** A RenxingError naming the input at fault. */
export class FieldError extends RenxingError {
  constructor(code: ErrorCode, field: string, params: ErrorParams = {}) {
    super(code, { field, ...params }, field);
  }
}

/** RX_VALIDATION for `field`, with what is wrong (worded per locale where it can be). */
export function invalid(field: string, detail: ErrorParam): FieldError {
  return new FieldError('RX_VALIDATION', field, { detail });
}
