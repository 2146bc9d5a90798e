/**
 * Where the chain screen draws each node: generations left to right, one column each (a generation
 * of more than ROWS nodes wraps into several sub-columns), nodes top to bottom in the order the API
 * gives them (earliest exposure first), each column centred on the tallest. Pure: the SVG reads it.
 */

export const NODE_W = 136;
export const NODE_H = 34;
/** Distance between the tops of two nodes of a column, and between two sub-columns. */
export const ROW = 46;
export const SUB = 156;
/** Space between generations (the edges run there), around the drawing, and for the column heads. */
export const GAP = 72;
export const PAD = 12;
export const HEAD = 24;
/** Nodes in one sub-column at most. */
export const ROWS = 20;

export interface Box {
  x: number;
  y: number;
}

export interface Column {
  generation: number;
  x: number;
  width: number;
}

export interface ChainLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  columns: Column[];
}

/** The layout of `nodes` (in the API's order). */
export function layoutChain(nodes: readonly { id: string; generation: number }[]): ChainLayout {
  const byGeneration = new Map<number, string[]>();
  for (const n of nodes) byGeneration.set(n.generation, [...(byGeneration.get(n.generation) ?? []), n.id]);
  const generations = [...byGeneration.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...generations.map((g) => Math.min(ROWS, byGeneration.get(g)!.length)));
  const boxes = new Map<string, Box>();
  const columns: Column[] = [];
  let x = PAD;
  for (const g of generations) {
    const ids = byGeneration.get(g)!;
    const subs = Math.ceil(ids.length / ROWS);
    const rows = Math.min(ROWS, ids.length);
    const top = HEAD + PAD + ((tallest - rows) * ROW) / 2;
    ids.forEach((id, k) => {
      boxes.set(id, { x: x + Math.floor(k / ROWS) * SUB, y: top + (k % ROWS) * ROW });
    });
    const width = (subs - 1) * SUB + NODE_W;
    columns.push({ generation: g, x, width });
    x += width + GAP;
  }
  return { width: x - GAP + PAD, height: HEAD + 2 * PAD + (tallest - 1) * ROW + NODE_H, boxes, columns };
}

/** A line from the right of box `a` to the left of box `b` (an S-curve; within a column, an arc). */
export function edgePath(a: Box, b: Box): string {
  const [x1, y1] = [a.x + NODE_W, a.y + NODE_H / 2];
  const [x2, y2] = [b.x, b.y + NODE_H / 2];
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}
