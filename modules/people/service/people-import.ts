/**
 * Imports people from a CSV or XLSX file's bytes: rows parsed by `people-rows.ts`, stored in
 * batches by `upsertPeople`, each batch its own transaction. A crash loses at most the batch in
 * flight and a re-run finds every person stored before by their phone pseudonym: nothing is lost,
 * nothing doubled. Bad rows go to the rejects report (line, field, reason); the rest are kept.
 */

import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { normalisePhone } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import {
  type FileSource,
  nameOf,
  type RowReject,
  readTable,
  type SheetLimits,
  sniffKind,
  type TableKind,
} from '@renxing/sheets';
import { type NewPerson, type UpsertOptions, upsertPeople } from '../store/people.js';
import { type ColumnMap, columnMap, rowToPerson, type SourceRow } from './people-rows.js';

export type PeopleFileKind = TableKind;
export type { FileSource };
export { sniffKind };

/** Rows of a CSV or XLSX file (the XLSX within bounds); rows the CSV reader could not read come back as rejects. */
export const readPeopleFile = readTable;

export interface ImportOptions extends UpsertOptions, FileSource {
  /** Bounds on an XLSX (unpacked bytes, entries, rows); the default is Excel's own sheet. */
  sheetLimits?: SheetLimits;
  /** People per transaction (default 1000). */
  batchSize?: number;
  /**
   * Batches in flight at once, each on its own connection (default 1; PGlite runs one at a time
   * anyway). Batches never share a person, so they commit independently in any order.
   */
  concurrency?: number;
  /**
   * Who imports, and why: the run is then audited as `people.import` with its counts, after the
   * last batch (each batch commits on its own, so the run has no single transaction to share).
   */
  audit?: { actor: string; reason: string };
  /** Called after each committed batch (progress; tests interrupt the import here). */
  onBatch?: (progress: { rowsDone: number; rowsTotal: number }) => void | Promise<void>;
}

export interface ImportResult {
  /** Data rows read (the header not counted). */
  rows: number;
  inserted: number;
  updated: number;
  rejects: RowReject[];
}

/**
 * Imports a header row plus data rows. Throws RX_FILE_EMPTY without a header row and
 * RX_MISSING_COLUMN naming the missing columns (the API's field: the first of them); a phone or ID
 * number repeating an earlier row is rejected naming that line.
 */
export async function importPeopleRows(
  db: Db,
  source: { rows: readonly SourceRow[]; rejects?: readonly RowReject[] },
  options: ImportOptions,
): Promise<ImportResult> {
  const [header, ...data] = source.rows;
  if (!header) throw new RenxingError('RX_FILE_EMPTY', { file: nameOf(options) }, options.field);
  const { columns, missing } = columnMap(header.cells);
  if (missing.length > 0) {
    const field = options.field === undefined ? undefined : `${options.field}.${missing[0]}`;
    throw new RenxingError('RX_MISSING_COLUMN', { file: nameOf(options), detail: missing.join(', ') }, field);
  }

  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 1000));
  const rejects: RowReject[] = [...(source.rejects ?? [])];
  const phoneLine = new Map<string, number>();
  const idLine = new Map<string, number>();
  let inserted = 0;
  let updated = 0;
  let batch: NewPerson[] = [];
  let lines: number[] = [];
  let batchHouseholds = new Set<string>();

  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? 1));
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let rowsDone = 0;

  const flush = async (rowsRead: number) => {
    if (batch.length === 0) return;
    const people = batch;
    const batchLines = lines;
    batch = [];
    lines = [];
    batchHouseholds = new Set();
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) return;
    const job = (async () => {
      const result = await upsertPeople(db, people, options);
      inserted += result.inserted;
      updated += result.updated;
      for (const r of result.rejects)
        rejects.push({ line: batchLines[r.index], field: r.field, reason: r.reason });
      rowsDone = Math.max(rowsDone, rowsRead);
      await options.onBatch?.({ rowsDone, rowsTotal: data.length });
    })()
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  for (let k = 0; k < data.length; k++) {
    const row = data[k];
    const parsed = rowToPerson(row, columns as ColumnMap);
    if ('reject' in parsed) {
      rejects.push(parsed.reject);
      continue;
    }
    const { person } = parsed;
    const phone = normalisePhone(person.phone)!;
    const samePhone = phoneLine.get(phone);
    if (samePhone !== undefined) {
      rejects.push({ line: row.line, field: 'phone', reason: `repeats line ${samePhone}` });
      continue;
    }
    const sameId = person.idNumber ? idLine.get(person.idNumber) : undefined;
    if (sameId !== undefined) {
      rejects.push({ line: row.line, field: 'id_number', reason: `repeats line ${sameId}` });
      continue;
    }
    phoneLine.set(phone, row.line);
    if (person.idNumber) idLine.set(person.idNumber, row.line);
    // With batches in flight at once, a full batch ends before the next household, not inside
    // one: two batches that upsert the same household wait for each other (the second for the
    // first's commit), and the import runs no faster than one batch at a time.
    const household = concurrency > 1 ? person.household?.trim() || null : null;
    if (batch.length >= batchSize && (household === null || !batchHouseholds.has(household))) {
      await flush(k);
      if (failure) break;
    }
    batch.push(person);
    lines.push(row.line);
    if (household !== null) batchHouseholds.add(household);
  }
  await flush(data.length);
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  rejects.sort((a, b) => a.line - b.line);
  return { rows: data.length, inserted, updated, rejects };
}

/** Reads and imports a CSV or XLSX file's bytes. */
export async function importPeopleFile(
  db: Db,
  bytes: Uint8Array,
  options: ImportOptions & { kind?: PeopleFileKind },
): Promise<ImportResult> {
  if (bytes.length === 0) throw new RenxingError('RX_FILE_EMPTY', { file: nameOf(options) }, options.field);
  const result = await importPeopleRows(
    db,
    await readPeopleFile(bytes, options.kind, options, options.sheetLimits),
    options,
  );
  if (options.audit) {
    await appendAudit(db, {
      actor: options.audit.actor,
      action: 'people.import',
      reason: options.audit.reason,
      detail: {
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        rejected: result.rejects.length,
      },
    });
  }
  return result;
}
