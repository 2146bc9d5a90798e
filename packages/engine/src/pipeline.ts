/** The engine's stages joined: pings → stays → index. Pure; the caller feeds the bytes. */
import { CompanionIndex } from './companion-index.js';
import type { CompanionParams } from './params.js';
import type { PingColumns, PingReader } from './ping-reader.js';
import { buildStays } from './stays.js';

export type BuildPhase = 'sort' | 'stays' | 'index';

export function buildIndex(
  reader: PingReader,
  pings: PingColumns,
  params: CompanionParams,
  onPhase?: (phase: BuildPhase) => void,
): CompanionIndex {
  onPhase?.('sort');
  const names = reader.subjects.byteOrder();
  onPhase?.('stays');
  const stays = buildStays(pings, names.order, params.maxGap);
  onPhase?.('index');
  return CompanionIndex.build({
    stays,
    names,
    cellI: reader.grid.cellI,
    cellJ: reader.grid.cellJ,
    cells: reader.grid.count,
    grid: params,
    stay: params,
    parse: params,
    pings: pings.count,
    pingRejects: reader.rejects,
  });
}
