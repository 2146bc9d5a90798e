/** Cases CSV (`subject,from,to`) → one entry per case subject with the union of its windows. */

import { RenxingError } from '@renxing/contracts';
import { decodeUtf8, isValidUtf8 } from './bytes.js';
import { CsvRecords, isBlank, unquote } from './csv-records.js';
import { parseInstant } from './instant.js';
import { findColumns, type RejectSink } from './rejects.js';

export interface CaseWindows {
  subject: string;
  /** Disjoint, sorted, closed windows [from, to]; ±Infinity where unbounded. */
  from: number[];
  to: number[];
}

const COLUMNS = ['subject', 'from', 'to'] as const;

export function readCases(
  chunks: Iterable<Uint8Array>,
  tzOffset: number,
  onReject: RejectSink,
): { cases: CaseWindows[]; rejects: number } {
  const raw = new Map<string, Array<[number, number]>>();
  let cols: number[] | null = null;
  let rejects = 0;
  let sawAnything = false;
  const reject = (line: number, reason: string) => {
    rejects++;
    onReject('cases', line, reason);
  };
  const csv = new CsvRecords((buf, fields, line, problem) => {
    const { start, end, escaped } = csv;
    sawAnything = true;
    if (cols === null) {
      cols = findColumns(buf, fields, start, end, COLUMNS, 'cases');
      return;
    }
    if (problem === 1) return reject(line, 'unterminated quote');
    if (isBlank(buf, fields, start, end)) return reject(line, 'blank line');
    for (let k = 0; k < 3; k++) if (cols[k] >= fields) return reject(line, `missing ${COLUMNS[k]}`);
    const [cs, cf, ct] = cols;
    if (start[cs] === end[cs]) return reject(line, 'missing subject');
    const subjectBytes = escaped[cs] ? unquote(buf, start[cs], end[cs]) : buf.subarray(start[cs], end[cs]);
    if (!isValidUtf8(subjectBytes, 0, subjectBytes.length)) return reject(line, 'invalid UTF-8 in subject');
    const from = start[cf] === end[cf] ? -Infinity : parseInstant(buf, start[cf], end[cf], tzOffset);
    if (Number.isNaN(from)) return reject(line, 'unparseable from');
    const to = start[ct] === end[ct] ? Infinity : parseInstant(buf, start[ct], end[ct], tzOffset);
    if (Number.isNaN(to)) return reject(line, 'unparseable to');
    if (from > to) return reject(line, 'from after to');
    const subject = decodeUtf8(subjectBytes);
    const list = raw.get(subject);
    if (list) list.push([from, to]);
    else raw.set(subject, [[from, to]]);
  });
  for (const chunk of chunks) csv.push(chunk);
  csv.finish();
  if (!sawAnything) throw new RenxingError('RX_FILE_EMPTY', { file: 'cases' });
  const cases: CaseWindows[] = [];
  for (const [subject, windows] of raw) cases.push({ subject, ...mergeWindows(windows) });
  return { cases, rejects };
}

/** The union of closed windows as sorted disjoint windows (touching ones merge). */
export function mergeWindows(windows: Array<[number, number]>): { from: number[]; to: number[] } {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const from: number[] = [];
  const to: number[] = [];
  for (const [f, t] of sorted) {
    const k = to.length - 1;
    if (k >= 0 && f <= to[k]) to[k] = Math.max(to[k], t);
    else {
      from.push(f);
      to.push(t);
    }
  }
  return { from, to };
}
