/** The engine's stages joined: pings → stays → index. Pure; the caller feeds the bytes. */

import { caseCells } from './case-cells.js';
import type { CaseWindows } from './case-reader.js';
import { CompanionIndex } from './companion-index.js';
import type { IndexInput } from './index-build.js';
import type { CompanionParams } from './params.js';
import type { PingColumns, PingGroups, PingReader } from './ping-reader.js';
import { buildStaysFromParts, groupedParts, type StayTable } from './stays.js';
import type { SubjectNames } from './subject-dict.js';

export type BuildPhase = 'sort' | 'stays' | 'index';

export function buildIndex(
  reader: PingReader,
  /** The reader's columns, or the parts it absorbed (a file read on several threads). */
  pings: PingColumns | PingGroups,
  params: CompanionParams,
  onPhase?: (phase: BuildPhase) => void,
  /** The cases the index will answer: only the stays of the cells they can reach are indexed. */
  cases?: readonly CaseWindows[],
): CompanionIndex {
  onPhase?.('sort');
  const names = reader.subjects.byteOrder();
  const cells = reader.grid.count;
  const parts = groupedParts(pings, names.order.length);
  const keep = cases && caseCells(parts, names, cases, params.maxGap, cells);
  onPhase?.('stays');
  const stays = buildStaysFromParts(parts, names.order, params.maxGap, { cells, keep });
  onPhase?.('index');
  return CompanionIndex.build(indexInput(reader, names, [stays], pings.count, params));
}

/** What the index of stays built from a reader's pings is made of (see `planIndex`). */
export function indexInput(
  reader: PingReader,
  names: SubjectNames,
  /** The stay table, in one slice or several (see `IndexInput.stays`). */
  stays: readonly StayTable[],
  pings: number,
  params: CompanionParams,
): IndexInput {
  return {
    stays,
    names,
    cellI: reader.grid.cellI,
    cellJ: reader.grid.cellJ,
    cells: reader.grid.count,
    grid: params,
    stay: params,
    parse: params,
    pings,
    pingRejects: reader.rejects,
  };
}
