export { parseCsv } from './csv.js';
export { type FileSource, mib, nameOf, unreadable } from './source.js';
export { type RowReject, readTable, sniffKind, type TableKind } from './table.js';
export { type Cell, tableCsv, tableXlsx } from './write.js';
export { DEFAULT_SHEET_LIMITS, isZip, readXlsx, type SheetLimits, type SheetRow } from './xlsx.js';
export { checkZip, type ZipEntry, type ZipLimits, zipEntries } from './zip-guard.js';
