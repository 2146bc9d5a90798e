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
 * Memory no longer needed, to be written again: shared buffers handed out first fit, 8-byte
 * aligned, then fresh ones when none has room. What is handed out holds old bytes.
 */
export class Spare {
  private readonly used: number[];

  constructor(private readonly buffers: SharedArrayBuffer[]) {
    this.used = buffers.map(() => 0);
  }

  /** `length` elements of spare memory (holding old values: for arrays written before they are read). */
  array<T>(Kind: TypedKind<T>, length: number): T {
    const { buffer, offset } = this.take(length * Kind.BYTES_PER_ELEMENT);
    return new Kind(buffer, offset, length);
  }

  private take(bytes: number): { buffer: SharedArrayBuffer; offset: number } {
    for (let i = 0; i < this.buffers.length; i++) {
      const at = Math.ceil(this.used[i] / 8) * 8;
      if (at + bytes <= this.buffers[i].byteLength) {
        this.used[i] = at + bytes;
        return { buffer: this.buffers[i], offset: at };
      }
    }
    return { buffer: new SharedArrayBuffer(bytes), offset: 0 };
  }
}
