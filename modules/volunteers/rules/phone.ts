/** Volunteers' phone numbers: normalised as the people registry does, masked in every list. */

/**
 * The number without spaces, dashes, dots or brackets, `00` as `+`, China's `+86` dropped from a
 * mobile number; null when it is not 5 to 20 digits (after an optional `+`).
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s\-.()]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!/^\+?[0-9]{5,20}$/.test(s)) return null;
  if (/^\+861[0-9]{10}$/.test(s)) s = s.slice(3);
  return s;
}

/** The number with all but its first three and last four digits hidden (`138****0001`). */
export function maskPhone(phone: string): string {
  if (phone.length <= 7)
    return `${phone.slice(0, 1)}${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-1)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
