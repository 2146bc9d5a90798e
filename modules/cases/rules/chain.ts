/**
 * A transmission chain as the console draws it: the engine's generations and hops (subjects by
 * their pseudonym) → a graph of nodes and evidence edges, filtered by a time range and a place,
 * capped, and labelled for one reader.
 *
 * Filters choose subjects and keep the graph rooted in its cases: a subject is chosen when it was
 * exposed within the time range (its exposure: the earliest overlap that put it in its generation)
 * and, with a place, lives under that place; the graph keeps the cases, the chosen subjects and
 * every subject on a hop leading to them (their sources, theirs, … back to the cases), and the hops
 * between the subjects it keeps. The cap keeps whole generations first: subjects in generation
 * order (within one, earliest exposure first), so every kept subject's sources are kept too.
 *
 * Who is named: a person living under the reader's place, or (from the city level) a person with
 * no home on record — as the companions list shows them. Everyone else is an anonymous node
 * (`#n`), with no person id, name or home.
 */

/** What a node stands for: a case, a companion found by the chain, or (later) a companion handed to another city. */
export type ChainNodeKind = 'case' | 'companion' | 'handoff';

/** A subject the chain reached (the engine's generation and exposure, keyed by its pseudonym). */
export interface ChainSubject {
  key: string;
  generation: number;
  /** From when it could have been exposed, epoch seconds: a case's window start, a companion's earliest overlap that put it in its generation; null: unbounded. */
  exposure: number | null;
  /** The case's label, for the cases (generation 0). */
  caseLabel?: string;
}

/** One hop of the chain: `subject` (generation `generation`) met `source` (the generation before). */
export interface ChainLink {
  generation: number;
  source: string;
  subject: string;
  cell: string;
  /** The overlap, epoch seconds, and its length in seconds. */
  start: number;
  end: number;
  seconds: number;
}

/** A subject handed to another city (federation): the city, the hand-off's state, when, epoch seconds. */
export interface ChainHandoff {
  city: string;
  state: string;
  at: number;
}

/** A registered person behind a pseudonym. */
export interface ChainPerson {
  personId: string;
  name: string;
  homePlace: string | null;
  homePlaceName: string | null;
}

export interface ChainNode {
  /** Opaque within one answer (`n1`, `n2` …): never the pseudonym. */
  id: string;
  generation: number;
  kind: ChainNodeKind;
  /** The case's label, the person's name, or `#<n>` for an anonymous node. */
  label: string;
  personId?: string;
  name?: string;
  homePlace?: string;
  homePlaceName?: string;
  /** A handoff's receiving city (kind 'handoff' only). */
  city?: string;
  /** A handoff's state (kind 'handoff' only): queued, sent, accepted, rejected, refused. */
  state?: string;
  exposure: number | null;
}

export interface ChainEdge {
  from: string;
  to: string;
  cell: string;
  overlapStart: number;
  overlapEnd: number;
  seconds: number;
}

export interface ChainGraph {
  nodes: ChainNode[];
  edges: ChainEdge[];
  /** Whether the cap left nodes or edges out. */
  truncated: boolean;
  /** Nodes and edges the filters kept, before the cap. */
  total: { nodes: number; edges: number };
}

/** What the console may receive at most: a graph of this size still draws and reads. */
export const CHAIN_MAX_NODES = 300;
export const CHAIN_MAX_EDGES = 1200;

export interface ChainFilter {
  /** Only subjects exposed within [from, to] (epoch seconds; null: unbounded), with the paths to them. */
  from?: number | null;
  to?: number | null;
  /** Only subjects this says yes to (e.g. living under a place), with the paths to them. */
  matches?: (key: string) => boolean;
  maxNodes?: number;
  maxEdges?: number;
}

export interface FilteredChain {
  subjects: ChainSubject[];
  links: ChainLink[];
  truncated: boolean;
  total: { nodes: number; edges: number };
}

/** Whether `path` is `ancestor` or lies under it (place paths of codes, `.`-separated). */
export function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Subjects in drawing order: generation, then (cases as given) earliest exposure, then key. */
function ordered(subjects: readonly ChainSubject[]): ChainSubject[] {
  const at = new Map(subjects.map((s, k) => [s.key, k]));
  return [...subjects].sort((a, b) => {
    if (a.generation !== b.generation) return a.generation - b.generation;
    if (a.generation === 0) return at.get(a.key)! - at.get(b.key)!;
    const ea = a.exposure ?? Number.NEGATIVE_INFINITY;
    const eb = b.exposure ?? Number.NEGATIVE_INFINITY;
    return ea - eb || byKey(a.key, b.key);
  });
}

/** The chain's subjects and hops the filter keeps, in drawing order, capped. */
export function filterChain(
  subjects: readonly ChainSubject[],
  links: readonly ChainLink[],
  f: ChainFilter = {},
): FilteredChain {
  const from = f.from ?? Number.NEGATIVE_INFINITY;
  const to = f.to ?? Number.POSITIVE_INFINITY;
  const exposed = (s: ChainSubject) => s.exposure !== null && s.exposure >= from && s.exposure <= to;
  const matches = (s: ChainSubject) => s.generation === 0 || (exposed(s) && (f.matches?.(s.key) ?? true));
  const keep = new Set(subjects.filter(matches).map((s) => s.key));
  // Back along the hops to the cases: every source of a kept subject is kept.
  const generations = [...new Set(links.map((l) => l.generation))].sort((a, b) => b - a);
  for (const g of generations)
    for (const l of links) if (l.generation === g && keep.has(l.subject)) keep.add(l.source);
  const kept = ordered(subjects.filter((s) => keep.has(s.key)));
  const hops = links.filter((l) => keep.has(l.source) && keep.has(l.subject));
  const shown = kept.slice(0, f.maxNodes ?? CHAIN_MAX_NODES);
  const rank = new Map(shown.map((s, k) => [s.key, k]));
  const edges = hops
    .filter((l) => rank.has(l.source) && rank.has(l.subject))
    .sort((a, b) => rank.get(a.subject)! - rank.get(b.subject)! || rank.get(a.source)! - rank.get(b.source)!);
  const maxEdges = f.maxEdges ?? CHAIN_MAX_EDGES;
  return {
    subjects: shown,
    links: edges.slice(0, maxEdges),
    truncated: shown.length < kept.length || edges.length > maxEdges,
    total: { nodes: kept.length, edges: hops.length },
  };
}

/** Whether a reader at `scope` may see who `person` is (the companions list's rule). */
export function personVisible(person: ChainPerson, scope: string): boolean {
  return person.homePlace === null ? !scope.includes('.') : within(person.homePlace, scope);
}

/** The filtered chain as the reader at `scope` sees it: opaque ids, names only where they may. */
export function chainGraph(
  chain: FilteredChain,
  people: ReadonlyMap<string, ChainPerson>,
  scope: string,
  handoffs: ReadonlyMap<string, readonly ChainHandoff[]> = new Map(),
): ChainGraph {
  const ids = new Map(chain.subjects.map((s, k) => [s.key, `n${k + 1}`]));
  const nodes = chain.subjects.map((s, k): ChainNode => {
    const person = people.get(s.key);
    const shown = person && personVisible(person, scope) ? person : undefined;
    const node: ChainNode = {
      id: ids.get(s.key)!,
      generation: s.generation,
      kind: s.generation === 0 ? 'case' : 'companion',
      label: s.caseLabel ?? shown?.name ?? `#${k + 1}`,
      exposure: s.exposure,
    };
    if (shown) {
      node.personId = shown.personId;
      node.name = shown.name;
      if (shown.homePlace !== null) node.homePlace = shown.homePlace;
      if (shown.homePlaceName !== null) node.homePlaceName = shown.homePlaceName;
    }
    return node;
  });
  const edges = chain.links.map(
    (l): ChainEdge => ({
      from: ids.get(l.source)!,
      to: ids.get(l.subject)!,
      cell: l.cell,
      overlapStart: l.start,
      overlapEnd: l.end,
      seconds: l.seconds,
    }),
  );
  // Each hand-off of a subject to another city: a node of that city one generation further, linked
  // from the subject (the link's instant is the hand-off's; it has no cell).
  for (const s of chain.subjects) {
    for (const h of handoffs.get(s.key) ?? []) {
      const id = `h${nodes.length + 1}`;
      nodes.push({
        id,
        generation: s.generation + 1,
        kind: 'handoff',
        label: '移交',
        city: h.city,
        state: h.state,
        exposure: h.at,
      });
      edges.push({
        from: ids.get(s.key)!,
        to: id,
        cell: '',
        overlapStart: h.at,
        overlapEnd: h.at,
        seconds: 0,
      });
    }
  }
  return { nodes, edges, truncated: chain.truncated, total: chain.total };
}
