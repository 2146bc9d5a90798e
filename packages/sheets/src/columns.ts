/** A table's header: where each named column is, found by its trimmed lower-case name. */
import { RenxingError } from '@renxing/contracts';
import { type FileSource, nameOf } from './source.js';
import type { SheetRow } from './xlsx.js';

/**
 * The index of each column of `names` in `header` (the first cell of a name wins) and the other
 * columns by name; RX_FILE_EMPTY without a header, RX_MISSING_COLUMN naming what is missing.
 */
export function headerColumns<C extends string>(
  header: SheetRow | undefined,
  names: readonly C[],
  source: FileSource,
): { at: Record<C, number>; extra: { name: string; index: number }[] } {
  if (!header) throw new RenxingError('RX_FILE_EMPTY', { file: nameOf(source) }, source.field);
  const at = new Map<string, number>();
  const extra: { name: string; index: number }[] = [];
  header.cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if ((names as readonly string[]).includes(name)) {
      if (!at.has(name)) at.set(name, index);
    } else if (name !== '') extra.push({ name, index });
  });
  const missing = names.filter((n) => !at.has(n));
  if (missing.length > 0) {
    throw new RenxingError(
      'RX_MISSING_COLUMN',
      { file: nameOf(source), detail: missing.join(', ') },
      source.field ? `${source.field}.${missing[0]}` : undefined,
    );
  }
  return { at: Object.fromEntries(at) as Record<C, number>, extra };
}
