/** A typed array of the same kind, `size` long, holding a copy of `a` at its start. */
export function grown<
  T extends Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>,
>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** A typed array constructor (Uint8Array, Uint32Array, Float64Array, …). */
export interface TypedKind<T> {
  new (buffer: ArrayBufferLike, offset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Memory no longer needed, to be written again: shared buffers handed out 8-byte aligned — first
 * into the part of a buffer already written once (`touched` bytes from its start; a first write to
 * a page costs a page fault, ~10 µs on the bench VM), the fullest one that has room; then into any
 * buffer's rest; then fresh buffers. What is handed out holds old bytes.
 */
export class Spare {
  private readonly used: number[];
  private readonly touched: number[];

  constructor(
    private readonly buffers: SharedArrayBuffer[],
    /** Bytes of each buffer already written (all of each by default). */
    touched?: number[],
  ) {
    this.used = buffers.map(() => 0);
    this.touched = touched ?? buffers.map((b) => b.byteLength);
  }

  /** `length` elements of spare memory (holding old values: for arrays written before they are read). */
  array<T>(Kind: TypedKind<T>, length: number): T {
    const { buffer, offset } = this.take(length * Kind.BYTES_PER_ELEMENT);
    return new Kind(buffer, offset, length);
  }

  private take(bytes: number): { buffer: SharedArrayBuffer; offset: number } {
    let best = -1;
    let bestRoom = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.buffers.length; i++) {
      const room = this.touched[i] - this.aligned(i);
      if (room >= bytes && room < bestRoom) {
        best = i;
        bestRoom = room;
      }
    }
    if (best < 0) best = this.buffers.findIndex((b, i) => this.aligned(i) + bytes <= b.byteLength);
    if (best < 0) return { buffer: new SharedArrayBuffer(bytes), offset: 0 };
    const at = this.aligned(best);
    this.used[best] = at + bytes;
    return { buffer: this.buffers[best], offset: at };
  }

  private aligned(i: number): number {
    return Math.ceil(this.used[i] / 8) * 8;
  }
}
