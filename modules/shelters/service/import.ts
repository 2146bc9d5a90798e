/**
 * A shelters file (CSV or XLSX): each row admitted by the rules (rules/registry.ts), the places
 * checked in one query, new shelters created and known ones (same place and name) updated — one
 * transaction with one audit row. Rows that cannot be used come back with their line and reason;
 * the rest is kept. Importing the same file again changes nothing. States are never set by a file:
 * opening and closing are acts of their own.
 */
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import { type FileSource, headerColumns, readTable, type TableKind } from '@renxing/sheets';
import {
  admitShelterRow,
  type LineReject,
  OPTIONAL_COLUMNS,
  REJECT_REASONS,
  SHELTER_COLUMNS,
  type ShelterInput,
  type ShelterRow,
} from '../rules/registry.js';
import { insertShelter, knownPlaces, replaceShelter, shelterById, sheltersByKey } from '../store/shelters.js';
import type { ShelterActor } from './shelters.js';

export interface ShelterImportSummary {
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  /** Rows repeating what is stored. */
  unchanged: number;
  rejects: (LineReject & { message: { en: string; 'zh-CN': string } })[];
}

const same = (a: ShelterInput, b: ShelterInput) =>
  (Object.keys(a) as (keyof ShelterInput)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

export async function importShelters(
  db: Db,
  bytes: Uint8Array,
  o: { kind?: TableKind; source?: FileSource; actor: ShelterActor },
): Promise<ShelterImportSummary> {
  const source = o.source ?? {};
  const table = await readTable(bytes, o.kind, source);
  const [header, ...data] = table.rows;
  const { at, extra } = headerColumns(header, SHELTER_COLUMNS, source);
  const optional = Object.fromEntries(
    OPTIONAL_COLUMNS.map((name) => [name, extra.find((e) => e.name === name)?.index]),
  ) as Record<(typeof OPTIONAL_COLUMNS)[number], number | undefined>;
  const rejects: LineReject[] = table.rejects.map((r) => ({ line: r.line, reason: 'unreadable_row' }));

  const admitted: { line: number; input: ShelterInput }[] = [];
  for (const r of data) {
    const cell = (i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? ''));
    const row = {
      line: r.line,
      ...Object.fromEntries(SHELTER_COLUMNS.map((c) => [c, cell(at[c])])),
      offers: cell(optional.offers),
      address: cell(optional.address),
    } as ShelterRow;
    if (row.place.trim() === '' && row.name.trim() === '' && r.cells.every((c) => c.trim() === '')) continue;
    const a = admitShelterRow(row);
    if ('reject' in a) rejects.push({ line: r.line, reason: a.reject });
    else admitted.push({ line: r.line, input: a.ok });
  }

  // Places: within the caller's and existing (one query); anything else reads as unknown.
  const places = await knownPlaces(db, admitted.map((a) => a.input.place).filter(isPlacePath));
  const seen = new Set<string>();
  const good: typeof admitted = [];
  for (const a of admitted) {
    const key = `${a.input.place}\0${a.input.name}`;
    if (!isPlacePath(a.input.place) || !isWithin(a.input.place, o.actor.scope) || !places.has(a.input.place))
      rejects.push({ line: a.line, reason: 'unknown_place' });
    else if (seen.has(key)) rejects.push({ line: a.line, reason: 'duplicate_row' });
    else {
      seen.add(key);
      good.push(a);
    }
  }

  const write = () =>
    db.transaction(async (tx) => {
      const existing = await sheltersByKey(
        tx,
        good.map((g) => g.input),
      );
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const ids: string[] = [];
      for (const { input } of good) {
        const id = existing.get(`${input.place}\0${input.name}`);
        if (!id) {
          ids.push((await insertShelter(tx, input, { by: o.actor.userId, at: o.actor.now }))!);
          created++;
          continue;
        }
        const s = (await shelterById(tx, id, { lock: true }))!;
        if (same(input, { ...s, address: s.address })) {
          unchanged++;
          continue;
        }
        await replaceShelter(tx, id, input, o.actor.now);
        ids.push(id);
        updated++;
      }
      await appendAudit(tx, {
        actor: o.actor.userId,
        action: 'shelter.import',
        subjectType: 'shelter_import',
        subjectId: null,
        detail: {
          file: source.file ?? null,
          rows: data.length + table.rejects.length,
          created,
          updated,
          unchanged,
          rejects: rejects.length,
          shelters: ids,
        },
      });
      return { created, updated, unchanged };
    });
  // Another import creating one of these shelters at the same moment meets the unique key: once
  // more, the shelter is then found and updated instead.
  let summary: Awaited<ReturnType<typeof write>>;
  try {
    summary = await write();
  } catch (e) {
    if (sqlState(e) !== '23505') throw e;
    summary = await write();
  }
  rejects.sort((a, b) => a.line - b.line);
  return {
    rows: data.length + table.rejects.length,
    ...summary,
    rejects: rejects.map((r) => ({ ...r, message: REJECT_REASONS[r.reason] })),
  };
}
