/** What the audit trail keeps of a search for evacuees. Pure. */

/**
 * The query with its digits hidden but the first three and the last four when it holds seven or
 * more of them (a phone number, an ID number): the log says what kind of thing was looked up and
 * whose, not the number itself. A name fragment is kept as typed.
 */
export function maskedQuery(q: string): string {
  const text = q.trim();
  const digits = text.replace(/[^0-9Xx]/g, '');
  if (digits.length < 7) return text;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
