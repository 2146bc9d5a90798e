/**
 * The transmission chain drawn in SVG: generations left to right (chain-layout.ts), nodes coloured
 * by generation and kind — a case, a companion, an anonymous one (outside the reader's place or not
 * registered), a companion handed to another city (dashed, with the city) — and lines carrying
 * their evidence: on hover (a tooltip), on click or Enter (the evidence panel beside the graph).
 */
import { type KeyboardEvent, useMemo } from 'react';
import type { Chain, ChainEdge, ChainNode } from './chain-api.js';
import { edgePath, layoutChain, NODE_H, NODE_W } from './chain-layout.js';
import { useWords } from './dictionary.js';

export type Selection = { kind: 'node' | 'edge'; id: string } | null;

/** An edge's key within one answer (the API's edges have no id of their own). */
export const edgeKey = (e: ChainEdge) => `${e.from}>${e.to}`;

/** The node's class: its kind, its generation (1 to 3, deeper ones as 3), anonymous or named. */
function nodeClass(n: ChainNode, selected: boolean): string {
  const generation = Math.min(3, n.generation);
  const who = n.kind === 'companion' && n.name === undefined ? ' anonymous' : '';
  return `chain-node kind-${n.kind} generation-${generation}${who}${selected ? ' selected' : ''}`;
}

/** Enter or Space acts like a click on a drawn control. */
const onKey = (act: () => void) => (e: KeyboardEvent) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  e.preventDefault();
  act();
};

/** What fits in a node's box (about 9 CJK characters). */
const fit = (s: string) => (s.length > 10 ? `${s.slice(0, 9)}…` : s);

export function ChainGraph({
  chain,
  selected,
  onSelect,
}: {
  chain: Chain;
  selected: Selection;
  onSelect: (s: Selection) => void;
}) {
  const { t } = useWords();
  const layout = useMemo(() => layoutChain(chain.nodes), [chain.nodes]);
  const nodes = useMemo(() => new Map(chain.nodes.map((n) => [n.id, n])), [chain.nodes]);
  const nodeName = (n: ChainNode) =>
    n.kind === 'case'
      ? t('chain.nodeCase', { label: n.label })
      : n.kind === 'handoff'
        ? t('chain.nodeHandoff', { label: n.label, city: n.city ?? '—' })
        : t('chain.node', { label: n.label, generation: n.generation });
  const edgeName = (e: ChainEdge) =>
    t('chain.edge', {
      from: nodes.get(e.from)?.label ?? e.from,
      to: nodes.get(e.to)?.label ?? e.to,
      cell: e.cell,
      minutes: Math.round(e.seconds / 60),
    });
  const toggle = (s: NonNullable<Selection>) =>
    onSelect(selected?.kind === s.kind && selected.id === s.id ? null : s);
  return (
    <div className="chain-canvas">
      <svg
        className="chain-graph"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-label={t('chain.graph', { nodes: chain.nodes.length, edges: chain.edges.length })}
        data-testid="chain-graph"
      >
        {layout.columns.map((c) => (
          <text key={c.generation} className="chain-head" x={c.x} y={16}>
            {c.generation === 0 ? t('chain.generation0') : t('chain.generation', { n: c.generation })}
          </text>
        ))}
        {chain.edges.map((e) => {
          const a = layout.boxes.get(e.from);
          const b = layout.boxes.get(e.to);
          if (!a || !b) return null;
          const key = edgeKey(e);
          const on = selected?.kind === 'edge' && selected.id === key;
          const d = edgePath(a, b);
          const name = edgeName(e);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG line cannot be a <button>; it acts as one
            <g
              key={key}
              className={`chain-edge generation-${Math.min(3, nodes.get(e.to)?.generation ?? 1)}${on ? ' selected' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={name}
              aria-pressed={on}
              data-testid="chain-edge"
              onClick={() => toggle({ kind: 'edge', id: key })}
              onKeyDown={onKey(() => toggle({ kind: 'edge', id: key }))}
            >
              <title>{name}</title>
              <path className="hit" d={d} />
              <path className="line" d={d} style={{ strokeWidth: 1.5 + Math.min(3, e.seconds / 1800) }} />
            </g>
          );
        })}
        {chain.nodes.map((n) => {
          const box = layout.boxes.get(n.id)!;
          const on = selected?.kind === 'node' && selected.id === n.id;
          const name = nodeName(n);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it acts as one
            <g
              key={n.id}
              className={nodeClass(n, on)}
              transform={`translate(${box.x},${box.y})`}
              role="button"
              tabIndex={0}
              aria-label={name}
              aria-pressed={on}
              data-testid="chain-node"
              data-generation={n.generation}
              data-kind={n.kind}
              onClick={() => toggle({ kind: 'node', id: n.id })}
              onKeyDown={onKey(() => toggle({ kind: 'node', id: n.id }))}
            >
              <title>{name}</title>
              <rect width={NODE_W} height={NODE_H} rx={n.kind === 'case' ? 17 : 6} />
              <text x={10} y={NODE_H / 2 + 5}>
                {n.kind === 'handoff' ? `${fit(n.label)} → ${n.city ?? ''}` : fit(n.label)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The colours' key: the case, each generation, anonymous people, a handoff. */
export function ChainLegend() {
  const { t } = useWords();
  const entries: [string, string][] = [
    ['kind-case generation-0', t('chain.kind.case')],
    ['kind-companion generation-1', t('chain.generation', { n: 1 })],
    ['kind-companion generation-2', t('chain.generation', { n: 2 })],
    ['kind-companion generation-3', t('chain.generation', { n: 3 })],
    ['kind-companion generation-1 anonymous', t('chain.anonymous')],
    ['kind-handoff generation-1', t('chain.kind.handoff')],
  ];
  return (
    <ul className="chain-legend" aria-label={t('chain.legend')}>
      {entries.map(([cls, label]) => (
        <li key={cls}>
          <svg width={22} height={14} aria-hidden="true">
            <g className={`chain-node ${cls}`}>
              <rect x={1} y={1} width={20} height={12} rx={3} />
            </g>
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
