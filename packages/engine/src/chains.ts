/**
 * Transmission chains (传播链): companions of companions, generation after generation, through the
 * batch query. Generation 0 is the cases with their windows. A subject found in generation g + 1 is
 * a companion (the companion rule, same parameters) of a subject of generation g searched from the
 * moment that subject could first have been exposed — the earliest start of the overlaps that put
 * it in its generation — onwards, so every hop starts no earlier than the hop before it: a later
 * contact is never an earlier one's source. A subject belongs to the first generation that reaches
 * it; each hop keeps the companion row as its evidence.
 */

import { decodeUtf8 } from './bytes.js';
import type { CaseWindows } from './case-reader.js';
import type { CompanionIndex } from './companion-index.js';
import type { QueryParams } from './params.js';
import { queryCompanions } from './query.js';

/** One hop: `subject` (index id) met `source` (index id) as the row of the companion rule says. */
export interface ChainHop {
  generation: number;
  source: number;
  subject: number;
  cell: number;
  /** The evidence overlap, absolute epoch seconds (start, end) and its length in seconds. */
  start: number;
  end: number;
  overlap: number;
}

export interface Chain {
  /** Generation of each subject reached (index id → generation; the cases found are 0). */
  generation: Map<number, number>;
  /** Earliest start of the overlaps that put each subject in its generation (cases: -∞). */
  since: Map<number, number>;
  /** Hops in generation order, then by source, then by subject (byte order: index ids). */
  hops: ChainHop[];
}

/** The chain of `cases` to `depth` generations (depth 1: the cases' companions). */
export function transmissionChain(
  index: CompanionIndex,
  cases: readonly CaseWindows[],
  q: QueryParams,
  depth: number,
): Chain {
  const generation = new Map<number, number>();
  const since = new Map<number, number>();
  const hops: ChainHop[] = [];
  let sources: CaseWindows[] = [];
  let sourceIds: number[] = [];
  for (const c of cases) {
    const id = index.findSubject(c.subject);
    if (id < 0 || generation.has(id)) continue;
    generation.set(id, 0);
    since.set(id, Number.NEGATIVE_INFINITY);
    sources.push(c);
    sourceIds.push(id);
  }
  for (let g = 1; g <= depth && sources.length > 0; g++) {
    const rows = queryCompanions(index, sources, q);
    const found: number[] = [];
    for (const block of rows.blocks) {
      for (let r = 0; r < block.count; r++) {
        const subject = block.subject[r];
        const known = generation.get(subject);
        if (known !== undefined && known < g) continue;
        const start = block.start[r];
        if (known === undefined) {
          generation.set(subject, g);
          since.set(subject, start);
          found.push(subject);
        } else if (start < (since.get(subject) as number)) since.set(subject, start);
        hops.push({
          generation: g,
          source: sourceIds[block.caseIndex[r]],
          subject,
          cell: block.cell[r],
          start,
          end: block.end[r],
          overlap: block.overlap[r],
        });
      }
    }
    found.sort((a, b) => a - b);
    sourceIds = found;
    sources = found.map((id) => ({
      subject: decodeUtf8(index.subjectBytes(id)),
      from: [since.get(id) as number],
      to: [Number.POSITIVE_INFINITY],
    }));
  }
  hops.sort((a, b) => a.generation - b.generation || a.source - b.source || a.subject - b.subject);
  return { generation, since, hops };
}
