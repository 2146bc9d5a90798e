/** Companion rows → the contract's CSV. */

import { csvField } from '@renxing/contracts';
import { ByteWriter } from './byte-writer.js';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import type { CaseWindows } from './case-reader.js';
import type { CompanionIndex } from './companion-index.js';
import { formatInstant } from './instant.js';
import type { CompanionRowSet } from './query.js';

export const COMPANIONS_HEADER = 'subject,case,cell,overlap_start,overlap_end,overlap_s\n';

export { csvField };

/** Yields the CSV as UTF-8 byte chunks of about `chunkRows` rows (header first). */
export function* companionCsv(
  index: CompanionIndex,
  cases: readonly CaseWindows[],
  rows: CompanionRowSet,
  chunkRows = 16384,
): Generator<Uint8Array> {
  const w = new ByteWriter(1 << 20);
  w.ascii(COMPANIONS_HEADER);
  const names = index.subjBytes;
  const offsets = index.subjOffsets;
  /** Per subject: 0 not seen yet, 1 written as is, 2 needs CSV quotes or neutralising. */
  const quoting = new Uint8Array(index.subjects);
  const caseNames = cases.map((c) => encodeUtf8(csvField(c.subject)));
  const cells: (Uint8Array | undefined)[] = [];
  let written = 0;
  for (const block of rows.blocks) {
    for (let r = 0; r < block.count; r++) {
      const who = block.subject[r];
      if (quoting[who] === 0) quoting[who] = needsQuotes(names, offsets[who], offsets[who + 1]) ? 2 : 1;
      if (quoting[who] === 1) w.range(names, offsets[who], offsets[who + 1]);
      else w.bytes(encodeUtf8(csvField(decodeUtf8(index.subjectBytes(who)))));
      const c = block.cell[r];
      let cell = cells[c];
      if (cell === undefined) {
        cell = encodeUtf8(index.cellLabel(c));
        cells[c] = cell;
      }
      w.byte(44);
      w.bytes(caseNames[block.caseIndex[r]]);
      w.byte(44);
      w.bytes(cell);
      w.byte(44);
      w.instant(block.start[r], formatInstant);
      w.byte(44);
      w.instant(block.end[r], formatInstant);
      w.byte(44);
      w.int(block.overlap[r]);
      w.byte(10);
      if (++written % chunkRows === 0) yield w.take();
    }
  }
  if (w.length > 0) yield w.take();
}

/** Whether a subject's bytes need quotes, or the `'` that keeps a spreadsheet from a formula. */
function needsQuotes(b: Uint8Array, s: number, e: number): boolean {
  const first = b[s];
  if (
    first === 0x3d ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0x40 ||
    first === 0x09 ||
    first === 0x0d
  )
    return true;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}
