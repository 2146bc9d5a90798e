/** zh-CN first, English as the fallback. */
export type Locale = 'zh-CN' | 'en';

/** The locale asked for by RENXING_LANG, LC_ALL, LC_MESSAGES or LANG (first one set wins). */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const tag = env.RENXING_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(tag) ? 'zh-CN' : 'en';
}

export type Text = Record<Locale, string>;

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
