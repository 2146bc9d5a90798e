/**
 * The city's catalogue from a file (importSupplyItems): CSV or XLSX with the columns code, name,
 * unit and optionally shelf_life_days and min_per_store. Every row is admitted on its own
 * (rules/catalogue.ts); refused rows come back with their line and reason, the rest is kept — new
 * items added, changed ones rewritten — in one transaction with one audit row. Importing the same
 * file again changes nothing.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { type FileSource, headerColumns, readTable, type TableKind } from '@renxing/sheets';
import {
  admitItem,
  ITEM_COLUMNS,
  ITEM_REJECTS,
  type ItemReject,
  OPTIONAL_ITEM_COLUMNS,
  type SupplyItemInput,
  sameItem,
} from '../rules/catalogue.js';
import { itemsByCode, upsertItems } from '../store/items.js';
import type { SuppliesActor } from './actor.js';

export interface ItemImportSummary {
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejects: (ItemReject & { message: { en: string; 'zh-CN': string } })[];
}

export async function importSupplyItems(
  db: Db,
  bytes: Uint8Array,
  o: { kind?: TableKind; source?: FileSource; actor: SuppliesActor },
): Promise<ItemImportSummary> {
  const source = o.source ?? {};
  const table = await readTable(bytes, o.kind, source);
  const [header, ...data] = table.rows;
  const { at, extra } = headerColumns(header, ITEM_COLUMNS, source);
  const optional = Object.fromEntries(
    OPTIONAL_ITEM_COLUMNS.map((name) => [name, extra.find((x) => x.name === name)?.index]),
  ) as Record<(typeof OPTIONAL_ITEM_COLUMNS)[number], number | undefined>;
  const rejects: ItemReject[] = table.rejects.map((r) => ({ line: r.line, reason: 'unreadable_row' }));
  const admitted = new Map<string, SupplyItemInput>();
  for (const row of data) {
    const cell = (c: number | undefined) => (c === undefined ? '' : (row.cells[c] ?? ''));
    const admission = admitItem({
      code: cell(at.code),
      name: cell(at.name),
      unit: cell(at.unit),
      shelfLifeDays: cell(optional.shelf_life_days),
      minPerStore: cell(optional.min_per_store),
    });
    if (admission.kind === 'reject') rejects.push({ line: row.line, reason: admission.reason });
    else if (admitted.has(admission.item.code)) rejects.push({ line: row.line, reason: 'duplicate_code' });
    else admitted.set(admission.item.code, admission.item);
  }
  rejects.sort((a, b) => a.line - b.line);

  return db.transaction(async (tx) => {
    const existing = await itemsByCode(tx, [...admitted.keys()]);
    // A column the file leaves out keeps what the catalogue says of an item already in it.
    for (const [code, item] of admitted) {
      const before = existing.get(code);
      if (!before) continue;
      if (optional.shelf_life_days === undefined) item.shelfLifeDays = before.shelfLifeDays;
      if (optional.min_per_store === undefined) item.minPerStore = before.minPerStore;
    }
    const changed = [...admitted.values()].filter((i) => {
      const before = existing.get(i.code);
      return !before || !sameItem(before, i);
    });
    await upsertItems(tx, changed, o.actor.now);
    const created = changed.filter((i) => !existing.has(i.code)).length;
    const summary: ItemImportSummary = {
      rows: data.length,
      created,
      updated: changed.length - created,
      unchanged: admitted.size - changed.length,
      rejects: rejects.map((r) => ({ ...r, message: ITEM_REJECTS[r.reason] })),
    };
    await appendAudit(tx, {
      actor: o.actor.userId,
      action: 'supplies.items.import',
      subjectType: 'supply_catalogue',
      subjectId: source.file ?? 'body',
      detail: {
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: rejects.length,
        codes: changed.map((i) => i.code).slice(0, 1000),
      },
    });
    return summary;
  });
}
