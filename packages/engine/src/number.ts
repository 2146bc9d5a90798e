/**
 * Decimal numbers from bytes: `[+-]? digits [. digits] [(e|E) [+-]? digits]` (a side of the point
 * may be empty, not both). Correctly rounded: a fast exact path (≤ 15 digits, |exponent| ≤ 22,
 * Clinger) and `Number()` for the rest. NaN for anything else, including `NaN` and `Infinity`.
 */

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export function parseDecimal(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 45 || b[i] === 43)) {
    neg = b[i] === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let fracDigits = 0;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
      fracDigits++;
      i++;
    }
  }
  if (digits === 0) return Number.NaN;
  let exp = 0;
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (b[i] === 45 || b[i] === 43)) {
      eneg = b[i] === 45;
      i++;
    }
    const e0 = i;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      i++;
    }
    if (i === e0) return Number.NaN;
    if (eneg) exp = -exp;
  }
  if (i !== e) return Number.NaN;
  const p = exp - fracDigits;
  let v: number;
  if (digits <= 15 && p >= -22 && p <= 22) v = p < 0 ? m / POW10[-p] : m * POW10[p];
  else v = slow(b, s, e);
  return neg ? -v : v;
}

function slow(b: Uint8Array, s: number, e: number): number {
  let text = '';
  for (let i = s; i < e; i++) text += String.fromCharCode(b[i]);
  const v = Math.abs(Number(text.charCodeAt(0) === 43 ? text.slice(1) : text));
  return v;
}
