/**
 * exportSupplies: a workbook of the stock and the gaps at or under a place — one sheet of lots
 * (store, place, item, quantity, expiry), one of gaps (per place and item: residents, requirement,
 * usable stock, gaps below, gap). Text cells are neutralised (a formula-like cell is written as text).
 */
import { neutralised } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { localDate } from '@renxing/modules/inbox';
import ExcelJS from 'exceljs';
import { listStock } from '../store/lots.js';
import { supplyGaps } from './gaps.js';

type Cell = string | number | null;

export const STOCK_HEADER = [
  'store',
  'store_place',
  'store_place_name',
  'item',
  'item_name',
  'unit',
  'quantity',
  'expires_on',
  'received_on',
] as const;

export const GAP_HEADER = [
  'place',
  'place_name',
  'level',
  'item',
  'item_name',
  'unit',
  'residents',
  'requirement',
  'stock',
  'gaps_below',
  'gap',
] as const;

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: readonly Cell[][],
): void {
  const ws = book.addWorksheet(name);
  const cell = (c: Cell) => (typeof c === 'string' ? neutralised(c) : c);
  ws.addRow(header.map(cell));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(cell));
}

/** The workbook (sheets 库存 Stock and 缺口 Gaps) for the place `under` at the horizon. */
export async function exportSupplies(db: Db, q: { under: string; horizon: Date }): Promise<Buffer> {
  const [stock, gaps] = await Promise.all([listStock(db, { scope: q.under }), supplyGaps(db, q)]);
  const items = new Map(gaps.items.map((i) => [i.code, i]));
  const book = new ExcelJS.Workbook();
  sheet(
    book,
    '库存 Stock',
    STOCK_HEADER,
    stock.map((l) => [
      l.storeName,
      l.placePath,
      l.placeName,
      l.item,
      l.itemName,
      l.unit,
      l.quantity,
      l.expiresAt ? localDate(new Date(l.expiresAt.getTime())) : null,
      localDate(l.receivedAt),
    ]),
  );
  const order = new Map(gaps.places.map((p, i) => [p.path, i]));
  sheet(
    book,
    '缺口 Gaps',
    GAP_HEADER,
    [...gaps.rows]
      .sort((a, b) => order.get(a.path)! - order.get(b.path)! || (a.item < b.item ? -1 : 1))
      .map((r) => [
        r.path,
        r.name,
        r.level,
        r.item,
        items.get(r.item)?.name ?? r.item,
        items.get(r.item)?.unit ?? '',
        r.residents,
        r.requirement,
        r.stock,
        r.gapsBelow,
        r.gap,
      ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
