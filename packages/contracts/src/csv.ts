/**
 * Cells the platform writes into CSV and XLSX files that people open in a spreadsheet. A cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice
 * (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`): OWASP's rule prefixes it with `'`, which makes it text.
 * Every other cell is written unchanged, so the contract's outputs stay byte-exact for ordinary
 * subjects (phone numbers, pseudonyms, names).
 */

/** Whether a text would be read as a formula by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** The text a spreadsheet shows as itself: formula-like text prefixed with `'`. */
export function neutralised(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = neutralised(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
