/** CSV as people type it in a spreadsheet and save it, parsed fast (speed is the product here). */
import type { SheetRow } from './xlsx.js';

/**
 * RFC 4180 CSV (comma, `"` quoting with `""`, CRLF or LF, quoted newlines), a UTF-8 BOM dropped.
 * Blank lines are skipped. An unterminated quote ends the file: that record gets `error`.
 */
export function parseCsv(text: string): (SheetRow & { error?: string })[] {
  // Cells are sliced out of the text, never built a character at a time (a million rows: seconds
  // of allocation and garbage collection otherwise).
  const out: (SheetRow & { error?: string })[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let error: string | undefined;
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          for (let k = text.indexOf('\n', i); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) line++;
          cell += text.slice(i, end);
          i = end;
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) error = 'unterminated quoted field';
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      if (j > i) {
        cell += text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    line++;
    if (!(cells.length === 1 && cells[0].trim() === '' && !error))
      out.push({ line: start, cells, ...(error ? { error } : {}) });
  }
  return out;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
