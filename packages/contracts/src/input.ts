/**
 * The one rule every input obeys, whatever its schema says: text holds no NUL and no lone UTF-16
 * surrogate (PostgreSQL cannot store the first, no encoder can write the second), and a number is
 * finite (`Infinity`, `1e999` pass JSON Schema's `integer`). The API applies it to every request
 * (packages/http's input hook); file readers apply `textProblem` to every cell.
 */
import type { Text } from './locale.js';

const NUL: Text = { en: 'contains a NUL character', 'zh-CN': '含有 NUL 字符' };
const SURROGATE: Text = {
  en: 'contains a lone UTF-16 surrogate (not valid Unicode)',
  'zh-CN': '含有孤立的 UTF-16 代理项（不是有效的 Unicode）',
};
/** With the `u` flag a pair is one code point; only a lone half is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
const NOT_FINITE: Text = { en: 'is not a finite number', 'zh-CN': '不是有限数值' };

/** Why a text may not be stored, or null when it may. */
export function textProblem(text: string): Text | null {
  if (text.includes('\u0000')) return NUL;
  if (LONE_SURROGATE.test(text)) return SURROGATE;
  return null;
}

export interface InputProblem {
  /** Where, e.g. `body.items.3.name` (a key at fault is named by its parent). */
  field: string;
  detail: Text;
}

/**
 * The first text or number in a parsed value (JSON, a query) that breaks the rule, walking its
 * objects and arrays.
 */
export function inputProblem(value: unknown, field: string): InputProblem | null {
  if (typeof value === 'string') {
    const detail = textProblem(value);
    return detail ? { field, detail } : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : { field, detail: NOT_FINITE };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inputProblem(value[i], `${field}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    // A file body (bytes, a stream) is its reader's business.
    if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
    for (const [key, inner] of Object.entries(value)) {
      const keyDetail = textProblem(key);
      if (keyDetail) return { field, detail: keyDetail };
      const found = inputProblem(inner, `${field}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
