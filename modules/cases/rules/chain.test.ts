import { describe, expect, it } from 'vitest';
import {
  type ChainLink,
  type ChainPerson,
  type ChainSubject,
  chainGraph,
  filterChain,
  personVisible,
} from './chain.js';

/**
 * Case k; a and b met k (generation 1); c met a and later b, d met b (generation 2); e met d
 * (generation 3).
 */
const subjects: ChainSubject[] = [
  { key: 'k', generation: 0, exposure: null, caseLabel: 'C0001' },
  { key: 'e', generation: 3, exposure: 9000 },
  { key: 'd', generation: 2, exposure: 7000 },
  { key: 'c', generation: 2, exposure: 3000 },
  { key: 'b', generation: 1, exposure: 1500 },
  { key: 'a', generation: 1, exposure: 1000 },
];
const hop = (generation: number, source: string, subject: string, start: number): ChainLink => ({
  generation,
  source,
  subject,
  cell: `${generation}:1`,
  start,
  end: start + 600,
  seconds: 600,
});
const links: ChainLink[] = [
  hop(1, 'k', 'a', 1000),
  hop(1, 'k', 'b', 1500),
  hop(2, 'a', 'c', 3000),
  hop(2, 'b', 'c', 5000),
  hop(2, 'b', 'd', 7000),
  hop(3, 'd', 'e', 9000),
];
const keys = (c: { subjects: ChainSubject[] }) => c.subjects.map((s) => s.key);
const pairs = (c: { links: ChainLink[] }) => c.links.map((l) => `${l.source}>${l.subject}`);

describe('filterChain', () => {
  it('orders by generation, then earliest exposure, and keeps everything unfiltered', () => {
    const all = filterChain(subjects, links);
    expect(keys(all)).toEqual(['k', 'a', 'b', 'c', 'd', 'e']);
    expect(pairs(all)).toEqual(['k>a', 'k>b', 'a>c', 'b>c', 'b>d', 'd>e']);
    expect(all).toMatchObject({ truncated: false, total: { nodes: 6, edges: 6 } });
    // Exposure before the key: z was exposed first.
    const y = { key: 'y', generation: 1, exposure: 200 };
    const z = { key: 'z', generation: 1, exposure: 100 };
    const swapped = filterChain([subjects[0], y, z], [hop(1, 'k', 'y', 200), hop(1, 'k', 'z', 100)]);
    expect(keys(swapped)).toEqual(['k', 'z', 'y']);
    expect(pairs(swapped)).toEqual(['k>z', 'k>y']);
  });

  it('keeps the subjects exposed in the time range and every subject on the hops leading to them', () => {
    // d (7000) alone is exposed in range: b and k lead to it; a, c, e drop out with their hops.
    const mid = filterChain(subjects, links, { from: 6000, to: 8000 });
    expect(keys(mid)).toEqual(['k', 'b', 'd']);
    expect(pairs(mid)).toEqual(['k>b', 'b>d']);
    // From 2500 on: c keeps both its sources (a and b), e keeps d and so b.
    const late = filterChain(subjects, links, { from: 2500 });
    expect(keys(late)).toEqual(['k', 'a', 'b', 'c', 'd', 'e']);
    const early = filterChain(subjects, links, { to: 3000 });
    expect(keys(early)).toEqual(['k', 'a', 'b', 'c']);
    expect(pairs(early)).toEqual(['k>a', 'k>b', 'a>c', 'b>c']);
    // Nothing exposed in range: the case alone.
    expect(keys(filterChain(subjects, links, { from: 20_000 }))).toEqual(['k']);
  });

  it('keeps the subjects a place matches with their paths, and combines with the time range', () => {
    const onlyE = filterChain(subjects, links, { matches: (key) => key === 'e' });
    expect(keys(onlyE)).toEqual(['k', 'b', 'd', 'e']);
    expect(pairs(onlyE)).toEqual(['k>b', 'b>d', 'd>e']);
    expect(onlyE.total).toEqual({ nodes: 4, edges: 3 });
    const cOrE = (key: string) => key === 'c' || key === 'e';
    expect(keys(filterChain(subjects, links, { matches: cOrE, to: 8000 }))).toEqual(['k', 'a', 'b', 'c']);
  });

  it('caps whole generations first and says so', () => {
    const capped = filterChain(subjects, links, { maxNodes: 4 });
    expect(keys(capped)).toEqual(['k', 'a', 'b', 'c']);
    expect(pairs(capped)).toEqual(['k>a', 'k>b', 'a>c', 'b>c']);
    expect(capped).toMatchObject({ truncated: true, total: { nodes: 6, edges: 6 } });
    const fewEdges = filterChain(subjects, links, { maxEdges: 5 });
    expect(fewEdges.subjects).toHaveLength(6);
    expect(pairs(fewEdges)).toEqual(['k>a', 'k>b', 'a>c', 'b>c', 'b>d']);
    expect(fewEdges.truncated).toBe(true);
    expect(filterChain(subjects, links, { maxNodes: 6, maxEdges: 6 }).truncated).toBe(false);
  });
});

describe('chainGraph', () => {
  const person = (name: string, homePlace: string | null): ChainPerson => ({
    personId: `id-${name}`,
    name,
    homePlace,
    homePlaceName: homePlace && `社区 ${homePlace}`,
  });
  const people = new Map([
    ['k', person('王五', 'cq.yz.jd02.sq03')],
    ['a', person('张三', 'cq.yz.jd01.sq01')],
    ['b', person('李四', 'cq.jb.jd03.sq09')],
    ['c', person('无家', null)],
  ]);

  it('adds a node of the other city, one generation on, for each hand-off of a subject', () => {
    const handoffs = new Map([['a', [{ city: '成都市', state: 'accepted', at: 9000 }]]]);
    const g = chainGraph(filterChain(subjects, links), people, 'cq', handoffs);
    const node = g.nodes.find((n) => n.kind === 'handoff');
    expect(node).toEqual({
      id: 'h7',
      generation: 2,
      kind: 'handoff',
      label: '移交',
      city: '成都市',
      state: 'accepted',
      exposure: 9000,
    });
    expect(g.edges.at(-1)).toEqual({
      from: 'n2',
      to: 'h7',
      cell: '',
      overlapStart: 9000,
      overlapEnd: 9000,
      seconds: 0,
    });
    expect(
      chainGraph(filterChain(subjects, links), people, 'cq').nodes.some((n) => n.kind === 'handoff'),
    ).toBe(false);
  });

  it('names the people living under the reader, and no one else', () => {
    const g = chainGraph(filterChain(subjects, links), people, 'cq.yz.jd01');
    expect(g.nodes.map((n) => [n.id, n.generation, n.kind, n.label])).toEqual([
      ['n1', 0, 'case', 'C0001'],
      ['n2', 1, 'companion', '张三'],
      ['n3', 1, 'companion', '#3'],
      ['n4', 2, 'companion', '#4'],
      ['n5', 2, 'companion', '#5'],
      ['n6', 3, 'companion', '#6'],
    ]);
    expect(g.nodes[1]).toEqual({
      id: 'n2',
      generation: 1,
      kind: 'companion',
      label: '张三',
      personId: 'id-张三',
      name: '张三',
      homePlace: 'cq.yz.jd01.sq01',
      homePlaceName: '社区 cq.yz.jd01.sq01',
      exposure: 1000,
    });
    // The case's own person lives elsewhere: its label, not its name.
    expect(g.nodes[0]).toEqual({ id: 'n1', generation: 0, kind: 'case', label: 'C0001', exposure: null });
    for (const n of g.nodes.slice(2))
      expect(Object.keys(n).sort()).toEqual(['exposure', 'generation', 'id', 'kind', 'label']);
    expect(g.edges[2]).toEqual({
      from: 'n2',
      to: 'n4',
      cell: '2:1',
      overlapStart: 3000,
      overlapEnd: 3600,
      seconds: 600,
    });
    expect(JSON.stringify(g)).not.toMatch(/李四|无家|王五/);
  });

  it('from the city level names everyone registered, those without a home included', () => {
    const g = chainGraph(filterChain(subjects, links), people, 'cq');
    expect(g.nodes.map((n) => n.name ?? null)).toEqual(['王五', '张三', '李四', '无家', null, null]);
    expect(g.nodes[3]).not.toHaveProperty('homePlace');
    expect(personVisible(person('x', null), 'cq.yz')).toBe(false);
    expect(personVisible(person('x', 'cq.yz0'), 'cq.yz')).toBe(false);
    expect(personVisible(person('x', 'cq.yz'), 'cq.yz')).toBe(true);
  });
});
