/**
 * The cells a run's cases can meet anyone in. A case's clipped stay is a run of its pings in one
 * cell, and the part of it inside a window is covered by pings whose coverage [t, t + max_gap] at
 * most meets that window; so the cells of those pings hold every clipped stay of the case. The
 * query (contract: "Companions") only looks at the cells of clipped stays, and everything it weighs
 * there — the other subjects' stays, their dwell — lies in the same cells: an index of only these
 * cells' stays gives the whole index's answer, for a fraction of the work when cases are few.
 */
import { encodeUtf8, findName } from './bytes.js';
import type { CaseWindows } from './case-reader.js';
import type { GroupedPart } from './stays.js';
import type { SubjectNames } from './subject-dict.js';

/** keep[c] = 1 for each cell c (of the reading's `cells`) that the cases' windows can reach. */
export function caseCells(
  parts: readonly GroupedPart[],
  names: SubjectNames,
  cases: readonly CaseWindows[],
  maxGap: number,
  cells: number,
): Uint8Array {
  const keep = new Uint8Array(cells);
  // The reading's subject id of each case found among the pings, with its windows.
  const wanted = new Map<number, CaseWindows>();
  for (const c of cases) {
    const rank = findName(names.bytes, names.offsets, encodeUtf8(c.subject));
    if (rank >= 0) wanted.set(names.order[rank], c);
  }
  if (wanted.size === 0) return keep;
  for (const { groups, subjectMap, cellMap } of parts) {
    const local = localIds(wanted, subjectMap);
    for (const [l, { from, to }] of local) {
      const { first, ts, base, cell } = groups;
      for (let i = first[l]; i < first[l + 1]; i++) {
        const t = base + ts[i];
        for (let w = 0; w < from.length; w++) {
          if (t <= to[w] && t + maxGap >= from[w]) {
            keep[cellMap === null ? cell[i] : cellMap[cell[i]]] = 1;
            break;
          }
        }
      }
    }
  }
  return keep;
}

/** A part's own ids of the wanted subjects (it may have no ping of some). */
function localIds(wanted: Map<number, CaseWindows>, subjectMap: Uint32Array | null): [number, CaseWindows][] {
  if (subjectMap === null) return [...wanted];
  const out: [number, CaseWindows][] = [];
  for (let l = 0; l < subjectMap.length; l++) {
    const c = wanted.get(subjectMap[l]);
    if (c) out.push([l, c]);
  }
  return out;
}
