/** Bad rows: skipped, reported as `file,line,reason`, and counted. */
import { RenxingError } from '@renxing/contracts';

export type RejectFile = 'pings' | 'cases';

export type RejectSink = (file: RejectFile, line: number, reason: string) => void;

export const REJECTS_HEADER = 'file,line,reason\n';

export function rejectLine(file: RejectFile, line: number, reason: string): string {
  return `${file},${line},${reason}\n`;
}

/** Finds required columns in a header record (names trimmed of spaces, exact lower case). */
export function findColumns(
  buf: Uint8Array,
  fields: number,
  start: Int32Array,
  end: Int32Array,
  names: readonly string[],
  file: string,
): number[] {
  const found = names.map(() => -1);
  for (let f = 0; f < fields; f++) {
    let s = start[f];
    let e = end[f];
    while (s < e && buf[s] === 32) s++;
    while (e > s && buf[e - 1] === 32) e--;
    let text = '';
    for (let i = s; i < e; i++) text += String.fromCharCode(buf[i]);
    const k = names.indexOf(text);
    if (k >= 0 && found[k] < 0) found[k] = f;
  }
  const missing = names.filter((_, k) => found[k] < 0);
  if (missing.length > 0) throw new RenxingError('RX_MISSING_COLUMN', { file, detail: missing.join(', ') });
  return found;
}
