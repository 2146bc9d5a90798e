/** Malformed bytes on the stream: `reason` says what is wrong (decoders never crash otherwise). */
export class StreamWireError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`malformed stream message: ${reason}`);
    this.name = 'StreamWireError';
    this.reason = reason;
  }
}
