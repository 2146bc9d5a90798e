export { headerColumns } from './columns.js';
export { parseCsv } from './csv.js';
export { type FileSource, mib, nameOf, unreadable } from './source.js';
export {
  kindOfType,
  type RowReject,
  readTable,
  sniffKind,
  TABLE_TYPES,
  type TableKind,
  XLSX_TYPE,
} from './table.js';
export { type Cell, tableCsv, tableXlsx } from './write.js';
export { DEFAULT_SHEET_LIMITS, isZip, readXlsx, type SheetLimits, type SheetRow } from './xlsx.js';
export { checkZip, type ZipEntry, type ZipLimits, zipEntries } from './zip-guard.js';
