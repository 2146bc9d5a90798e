/**
 * Transmission chains of stored cases (传播链): the engine's `transmissionChain` over the stored
 * trajectories, drawn as a graph for one reader, and the read audited.
 *
 * The chain reaches beyond the cases' cells (a companion's companions meet anywhere), so the index
 * holds every stay of the pings loaded: the days from the day before the earliest window on, to the
 * latest stored (a later generation is searched from its exposure on, without end) — or every day
 * stored when a window is unbounded or the preset's dwell clause looks back from the latest ping.
 * The stream's index is not used: it answers one companion query over the shards of the cases'
 * cells, and a chain queries again from each generation.
 *
 * What the console receives is capped (rules/chain.ts: CHAIN_MAX_NODES nodes, CHAIN_MAX_EDGES
 * edges, whole generations first, `truncated` set) — the cap is on the answer, the chain itself is
 * computed whole. One audit row per read (`chain.read`), in the transaction that reads the people.
 */

import { FieldError, invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import {
  buildIndex,
  type CaseWindows,
  type CompanionIndex,
  type CompanionParams,
  decodeUtf8,
  PingReader,
  resolveParams,
  transmissionChain,
} from '@renxing/engine';
import { appendAudit } from '@renxing/modules/audit';
import { trajectoryCsv } from '@renxing/modules/trajectories';
import '../errors.js';
import {
  type ChainGraph,
  type ChainLink,
  type ChainSubject,
  chainGraph,
  filterChain,
  within,
} from '../rules/chain.js';
import { type Case, caseById, caseVisible } from '../store/cases.js';
import { chainHandoffs, chainPeople } from '../store/chain.js';

/** Generations a chain may be asked for (3: companions of companions of companions). */
export const CHAIN_MAX_DEPTH = 3;

export interface ChainRequest {
  caseIds: readonly string[];
  /** Generations after the cases, 1 to CHAIN_MAX_DEPTH. */
  depth: number;
  /** Only the people exposed within [from, to] (epoch seconds; null: unbounded), with the paths to them. */
  from?: number | null;
  to?: number | null;
  /** Only the people living under this place (within the reader's), with the paths to them. */
  place?: string | null;
}

export interface ChainOptions {
  /** The reader's place path: whom they may see named, which cases they may ask for. */
  scope: string;
  /** Who reads (a user id): the audit row's actor. */
  actor: string;
  /** City profile overrides of the companion rule (origin, cell size …) over the cases' preset. */
  params?: Partial<CompanionParams>;
  /** The cap on the answer (default the rules' CHAIN_MAX_NODES and CHAIN_MAX_EDGES). */
  maxNodes?: number;
  maxEdges?: number;
}

export interface CaseChain extends ChainGraph {
  depth: number;
  /** Pings the chain's index was built from. */
  pings: number;
}

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/**
 * The chain of the cases to `depth` generations as the reader sees it. Throws RX_VALIDATION for a
 * depth out of range, RX_CHAIN_RANGE for a range ending before it starts, RX_NOT_FOUND for a case
 * or a place the reader cannot see, RX_CHAIN_PRESETS for cases of different presets and
 * RX_DETECTION_PARAMS for parameters that give no companion rule.
 */
export async function caseChain(db: Db, req: ChainRequest, o: ChainOptions): Promise<CaseChain> {
  if (!Number.isInteger(req.depth) || req.depth < 1 || req.depth > CHAIN_MAX_DEPTH)
    throw invalid('query.depth', {
      en: `a whole number from 1 to ${CHAIN_MAX_DEPTH}`,
      'zh-CN': `须为 1 到 ${CHAIN_MAX_DEPTH} 的整数`,
    });
  if (req.caseIds.length === 0) throw invalid('caseIds', { en: 'no case given', 'zh-CN': '未指定病例' });
  if (req.from != null && req.to != null && req.from > req.to)
    throw new FieldError('RX_CHAIN_RANGE', 'query.to');
  if (req.place != null && !within(req.place, o.scope)) throw new RenxingError('RX_NOT_FOUND');
  const cases: Case[] = [];
  for (const id of req.caseIds) {
    const c = await caseById(db, id);
    if (!c || !(await caseVisible(db, id, o.scope))) throw new RenxingError('RX_NOT_FOUND');
    cases.push(c);
  }
  const presets = [...new Set(cases.map((c) => c.preset))];
  if (presets.length > 1) throw new RenxingError('RX_CHAIN_PRESETS', { presets: presets.join(', ') });
  const { params, problems } = resolveParams(presets[0], o.params);
  if (problems.length > 0)
    throw new RenxingError('RX_DETECTION_PARAMS', {
      detail: problems.map((p) => `${p.field} ${p.reason}`).join('; '),
    });

  const windows: CaseWindows[] = cases.map((c) => ({
    subject: c.subjectPseudonym,
    from: [seconds(c.windowFrom) ?? Number.NEGATIVE_INFINITY],
    to: [seconds(c.windowTo) ?? Number.POSITIVE_INFINITY],
  }));
  const { index, pings } = await loadIndex(db, windows, params);
  const chain = transmissionChain(index, windows, params, req.depth);
  const { subjects, links } = chainOf(index, chain, cases);

  return db.transaction(async (tx) => {
    const place = req.place;
    // With a place, whom it matches depends on everyone's home; without, only the shown are looked up.
    const known = place
      ? await chainPeople(
          tx,
          subjects.map((s) => s.key),
        )
      : undefined;
    const filtered = filterChain(subjects, links, {
      from: req.from,
      to: req.to,
      matches: place
        ? (key) => {
            const home = known!.get(key)?.homePlace;
            return home != null && within(home, place);
          }
        : undefined,
      maxNodes: o.maxNodes,
      maxEdges: o.maxEdges,
    });
    const people =
      known ??
      (await chainPeople(
        tx,
        filtered.subjects.map((s) => s.key),
      ));
    const handoffs = await chainHandoffs(
      tx,
      filtered.subjects.map((s) => s.key),
    );
    const graph = chainGraph(filtered, people, o.scope, handoffs);
    await appendAudit(tx, {
      actor: o.actor,
      action: 'chain.read',
      subjectType: 'case',
      subjectId: cases[0].id,
      reason: 'viewed the transmission chain of a case',
      detail: {
        caseIds: cases.map((c) => c.id),
        depth: req.depth,
        filters: { from: req.from ?? null, to: req.to ?? null, place: place ?? null },
        shown: graph.nodes.length,
        total: graph.total.nodes,
        truncated: graph.truncated,
        personIds: graph.nodes.flatMap((n) => (n.personId ? [n.personId] : [])),
      },
    });
    return { ...graph, depth: req.depth, pings };
  });
}

/** Every stored ping the chain can depend on, as one index of all their stays. */
async function loadIndex(
  db: Db,
  windows: readonly CaseWindows[],
  params: CompanionParams,
): Promise<{ index: CompanionIndex; pings: number }> {
  // The dwell clause of a later generation looks back from the latest ping: everything stored then.
  const earliest =
    params.minCellDwell > 0 ? Number.NEGATIVE_INFINITY : Math.min(...windows.map((w) => w.from[0]));
  const reader = new PingReader(params, () => {});
  for await (const chunk of trajectoryCsv(db, {
    from: Number.isFinite(earliest) ? earliest : null,
    to: null,
  }))
    reader.push(chunk);
  const columns = reader.finish();
  return { index: buildIndex(reader, columns, params), pings: columns.count };
}

/** The engine's chain by pseudonym: its subjects (every case among them) and its hops. */
function chainOf(
  index: CompanionIndex,
  chain: ReturnType<typeof transmissionChain>,
  cases: readonly Case[],
): { subjects: ChainSubject[]; links: ChainLink[] } {
  const key = (id: number) => decodeUtf8(index.subjectBytes(id));
  const subjects: ChainSubject[] = [];
  const seen = new Set<string>();
  // The cases first, in the order asked, whether or not they have pings stored.
  for (const c of cases) {
    if (seen.has(c.subjectPseudonym)) continue;
    seen.add(c.subjectPseudonym);
    subjects.push({
      key: c.subjectPseudonym,
      generation: 0,
      exposure: seconds(c.windowFrom),
      caseLabel: c.label,
    });
  }
  for (const [id, generation] of chain.generation) {
    if (generation === 0) continue;
    subjects.push({ key: key(id), generation, exposure: chain.since.get(id)! });
  }
  const links = chain.hops.map(
    (h): ChainLink => ({
      generation: h.generation,
      source: key(h.source),
      subject: key(h.subject),
      cell: index.cellLabel(h.cell),
      start: h.start,
      end: h.end,
      seconds: h.overlap,
    }),
  );
  return { subjects, links };
}
