/** A binary min-heap of (key, node) pairs in typed arrays; stale pairs are skipped by the caller. */
export class KeyHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  /** Appends without ordering; call `heapify` before the next `push`, `pop` or `topKey`. */
  append(key: number, node: number): void {
    this.grow();
    this.keys[this.size] = key;
    this.nodes[this.size++] = node;
  }

  /** Orders the appended pairs into a heap, O(size). */
  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i, this.keys[i], this.nodes[i], this.size);
  }

  private grow(): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
  }

  push(key: number, node: number): void {
    this.grow();
    let i = this.size++;
    const keys = this.keys;
    const nodes = this.nodes;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest pair; its key is `topKey()` read before, its node returned. */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0];
    const n = --this.size;
    if (n === 0) return top;
    this.siftDown(0, keys[n], nodes[n], n);
    return top;
  }

  private siftDown(at: number, key: number, node: number, n: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = at;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}
