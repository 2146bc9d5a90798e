/** Companion rows → the contract's CSV. */
import { decodeUtf8 } from './bytes.js';
import type { CaseWindows } from './case-reader.js';
import type { CompanionIndex } from './companion-index.js';
import { formatInstant } from './instant.js';
import type { CompanionRows } from './query.js';

export const COMPANIONS_HEADER = 'subject,case,cell,overlap_start,overlap_end,overlap_s\n';

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Yields the CSV text in pieces of about `chunkRows` rows (header first). */
export function* companionCsv(
  index: CompanionIndex,
  cases: readonly CaseWindows[],
  rows: CompanionRows,
  chunkRows = 8192,
): Generator<string> {
  let out = COMPANIONS_HEADER;
  let lastSubject = -1;
  let subjectText = '';
  for (let r = 0; r < rows.count; r++) {
    const who = rows.subject[r];
    if (who !== lastSubject) {
      subjectText = csvField(decodeUtf8(index.subjectBytes(who)));
      lastSubject = who;
    }
    out += `${subjectText},${csvField(cases[rows.caseIndex[r]].subject)},${index.cellLabel(rows.cell[r])},${formatInstant(rows.start[r])},${formatInstant(rows.end[r])},${rows.overlap[r]}\n`;
    if (r % chunkRows === chunkRows - 1) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
