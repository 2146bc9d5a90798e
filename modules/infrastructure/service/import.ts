/**
 * importAssets: a network file into the database — a table (CSV or XLSX) of assets or of links,
 * or a GeoJSON FeatureCollection holding both (Point features are assets, LineString features
 * links). Rows are admitted by the rules (rules/network-rows.ts, rules/network-file.ts), their
 * places resolved and everything written in one transaction with one audit row (`infrastructure.import`),
 * the N-1 analysis recomputed and stored in that transaction (service/changes.ts). Rows that
 * cannot be used come back with their line (a table: the header is line 1) or their feature's
 * index (GeoJSON, from 0) and reason; the rest is kept. The same file again changes nothing.
 *
 * An assets table has the columns id, kind, type (source, node, sink) and, as needed, community
 * and population (sinks), name, place, operator, lon, lat; a links table from, to, relation
 * (feeds or needs). Which one a table is: `what`, else its header (from and to: links).
 */
import type { Db } from '@renxing/db';
import {
  type FileSource,
  headerColumns,
  isZip,
  readTable,
  type TableKind,
  unreadable,
} from '@renxing/sheets';
import { ASSET_EXTRA_COLUMNS, featureRows } from '../rules/network-file.js';
import type { InfraActor } from './actor.js';
import {
  applyNetworkRows,
  type CellRow,
  type NetworkChangeSummary,
  type NetworkReject,
  type Phase,
  reject,
} from './changes.js';

export type NetworkFileKind = TableKind | 'geojson';
export type ImportWhat = 'assets' | 'links';

export const ASSET_COLUMNS = ['id', 'kind', 'type'] as const;
export const ASSET_OPTIONAL_COLUMNS = ['community', 'population', ...ASSET_EXTRA_COLUMNS] as const;
export const LINK_COLUMNS = ['from', 'to', 'relation'] as const;

export interface NetworkImportSummary extends NetworkChangeSummary {
  /** What the file held: an assets table, a links table, or GeoJSON (both). */
  what: ImportWhat | 'geojson';
  /** Data rows (or features) read. */
  rows: number;
  /** Assets and links together: created, updated (assets only), unchanged. */
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportOptions {
  what?: ImportWhat;
  /** What the bytes are; default sniffed (a ZIP is XLSX, a `{` first GeoJSON, else CSV). */
  kind?: NetworkFileKind;
  source?: FileSource;
  onProgress?: (phase: Phase | 'reading', done: number, total: number) => void;
}

/** The kind of a network file from its bytes. */
export function sniffNetworkFile(bytes: Uint8Array): NetworkFileKind {
  if (isZip(bytes)) return 'xlsx';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x7b ? 'geojson' : 'csv';
}

/** A GeoJSON file's features as asset rows and link rows, with the features refused. */
function geojsonRows(
  bytes: Uint8Array,
  source: FileSource,
): { assets: CellRow[]; links: CellRow[]; rejects: NetworkReject[]; rows: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw unreadable(source, 'not GeoJSON (JSON in UTF-8)', '不是 GeoJSON（UTF-8 编码的 JSON）');
  }
  const read = featureRows(doc);
  if ('error' in read) throw unreadable(source, read.error.en, read.error['zh-CN']);
  const assets: CellRow[] = [];
  const links: CellRow[] = [];
  const rejects: NetworkReject[] = [];
  for (const f of read.rows) {
    const at = { feature: f.index };
    if (f.what === 'asset') assets.push({ at, cells: f.cells });
    else if (f.what === 'link') links.push({ at, cells: f.cells });
    else rejects.push(reject(at, f.reason));
  }
  return { assets, links, rejects, rows: read.rows.length };
}

/** A table's rows by column name (blank rows skipped), with the rows the reader could not read. */
async function tableRows(
  bytes: Uint8Array,
  kind: TableKind,
  what: ImportWhat | undefined,
  source: FileSource,
): Promise<{ what: ImportWhat; rows: CellRow[]; rejects: NetworkReject[]; count: number }> {
  const table = await readTable(bytes, kind, source);
  const [header, ...data] = table.rows;
  const names = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const as: ImportWhat = what ?? (names.includes('from') && names.includes('to') ? 'links' : 'assets');
  const required = as === 'links' ? LINK_COLUMNS : ASSET_COLUMNS;
  const { at, extra } = headerColumns<string>(header, required, source);
  const columns = new Map<string, number>(Object.entries(at));
  if (as === 'assets')
    for (const e of extra)
      if ((ASSET_OPTIONAL_COLUMNS as readonly string[]).includes(e.name) && !columns.has(e.name))
        columns.set(e.name, e.index);
  const rows: CellRow[] = [];
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const cells = Object.fromEntries([...columns].map(([name, i]) => [name, r.cells[i] ?? '']));
    rows.push({ at: { line: r.line }, cells });
  }
  const rejects = table.rejects.map((r) => reject({ line: r.line }, 'unreadable_row'));
  return { what: as, rows, rejects, count: data.length + table.rejects.length };
}

/** Imports a network file (see the file's comment); the summary with the rejects by line or feature. */
export async function importAssets(
  db: Db,
  actor: InfraActor,
  bytes: Uint8Array,
  o: ImportOptions = {},
): Promise<NetworkImportSummary> {
  const source = o.source ?? {};
  const kind = o.kind ?? sniffNetworkFile(bytes);
  o.onProgress?.('reading', 0, 1);
  let what: NetworkImportSummary['what'];
  let input: { assets: CellRow[]; links: CellRow[] };
  let early: NetworkReject[];
  let rows: number;
  if (kind === 'geojson') {
    const g = geojsonRows(bytes, source);
    what = 'geojson';
    input = { assets: g.assets, links: g.links };
    early = g.rejects;
    rows = g.rows;
  } else {
    const t = await tableRows(bytes, kind, o.what, source);
    what = t.what;
    input = t.what === 'assets' ? { assets: t.rows, links: [] } : { assets: [], links: t.rows };
    early = t.rejects;
    rows = t.count;
  }
  o.onProgress?.('reading', 1, 1);
  const summary = await applyNetworkRows(db, actor, input, {
    action: 'infrastructure.import',
    detail: { file: source.file ?? null, what, rows, unreadable: early.length },
    onProgress: o.onProgress,
  });
  const rejects = [...early, ...summary.rejects].sort(
    (a, b) => (a.line ?? a.feature ?? 0) - (b.line ?? b.feature ?? 0),
  );
  const { assets, links } = summary;
  return {
    ...summary,
    what,
    rows,
    created: assets.created + links.created,
    updated: assets.updated,
    unchanged: assets.unchanged + links.unchanged,
    rejects,
  };
}
