import { describe, expect, it } from 'vitest';
import { edgePath, GAP, layoutChain, NODE_H, NODE_W, PAD, ROWS, SUB } from './chain-layout.js';

const nodes = (counts: number[]) =>
  counts.flatMap((n, g) => Array.from({ length: n }, (_, k) => ({ id: `g${g}-${k}`, generation: g })));

describe('layoutChain', () => {
  it('draws generations left to right, each node inside the drawing and none overlapping', () => {
    const list = nodes([1, 3, 40, 2]);
    const layout = layoutChain(list);
    expect(layout.columns.map((c) => c.generation)).toEqual([0, 1, 2, 3]);
    for (let g = 1; g < 4; g++)
      expect(layout.columns[g].x).toBe(layout.columns[g - 1].x + layout.columns[g - 1].width + GAP);
    const boxes = list.map((n) => ({ ...layout.boxes.get(n.id)!, g: n.generation }));
    for (const b of boxes) {
      const column = layout.columns[b.g];
      expect(b.x).toBeGreaterThanOrEqual(column.x);
      expect(b.x + NODE_W).toBeLessThanOrEqual(column.x + column.width);
      expect(b.y).toBeGreaterThanOrEqual(PAD);
      expect(b.y + NODE_H).toBeLessThanOrEqual(layout.height);
      expect(b.x + NODE_W).toBeLessThanOrEqual(layout.width);
    }
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H, `${a.x},${a.y}`).toBe(true);
  });

  it('wraps a large generation into sub-columns of ROWS nodes, in the order given', () => {
    const layout = layoutChain(nodes([1, ROWS * 2 + 1]));
    const at = (k: number) => layout.boxes.get(`g1-${k}`)!;
    expect(layout.columns[1].width).toBe(2 * SUB + NODE_W);
    expect([at(0).x, at(ROWS).x, at(2 * ROWS).x]).toEqual([at(0).x, at(0).x + SUB, at(0).x + 2 * SUB]);
    expect(at(1).y).toBeGreaterThan(at(0).y);
    expect(at(ROWS).y).toBe(at(0).y);
    // The lone case is centred on the tallest column.
    const [top, bottom] = [at(0).y, at(ROWS - 1).y];
    expect(layout.boxes.get('g0-0')!.y).toBe((top + bottom) / 2);
  });

  it('joins the right of the source to the left of the node it reached', () => {
    expect(edgePath({ x: 0, y: 0 }, { x: 300, y: 100 })).toBe(
      `M${NODE_W},${NODE_H / 2} C${NODE_W + 82},${NODE_H / 2} ${300 - 82},${100 + NODE_H / 2} 300,${100 + NODE_H / 2}`,
    );
  });
});
