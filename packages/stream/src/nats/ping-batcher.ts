/**
 * Pings → one message per partition of about `size` pings, in arrival (file) order within each
 * partition. Pure: the caller sends the full batches it hands back.
 */
import { partitionOf } from '../core/partition.js';
import type { PingBatch } from '../core/types.js';

export const BATCH_PINGS = 2000;

class Filling {
  count = 0;
  subject: string[] = [];
  ts: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  constructor(size: number) {
    this.ts = new Float64Array(size);
    this.lon = new Float64Array(size);
    this.lat = new Float64Array(size);
  }
  take(): PingBatch {
    const n = this.count;
    return {
      count: n,
      subject: this.subject,
      ts: this.ts.slice(0, n),
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
    };
  }
}

export class PingBatcher {
  private readonly filling: Filling[] = [];
  /** Full batches not yet handed out, with their partition. */
  private full: Array<{ partition: number; batch: PingBatch }> = [];

  constructor(
    readonly partitions: number,
    readonly size = BATCH_PINGS,
  ) {
    for (let p = 0; p < partitions; p++) this.filling.push(new Filling(size));
  }

  add(subject: string, ts: number, lon: number, lat: number): void {
    this.addTo(partitionOf(subject, this.partitions), subject, ts, lon, lat);
  }

  /** `hash`: the subject's FNV-1a 32 (see partitionOf), when the caller has it already. */
  addHashed(subject: string, hash: number, ts: number, lon: number, lat: number): void {
    this.addTo(hash % this.partitions, subject, ts, lon, lat);
  }

  private addTo(p: number, subject: string, ts: number, lon: number, lat: number): void {
    let f = this.filling[p];
    const k = f.count++;
    f.subject.push(subject);
    f.ts[k] = ts;
    f.lon[k] = lon;
    f.lat[k] = lat;
    if (f.count === this.size) {
      this.full.push({ partition: p, batch: f.take() });
      f = new Filling(this.size);
      this.filling[p] = f;
    }
  }

  /** The batches filled since the last call. */
  takeFull(): Array<{ partition: number; batch: PingBatch }> {
    const out = this.full;
    this.full = [];
    return out;
  }

  /** Every batch left, full or not (end of input). */
  takeAll(): Array<{ partition: number; batch: PingBatch }> {
    const out = this.takeFull();
    for (let p = 0; p < this.partitions; p++) {
      const f = this.filling[p];
      if (f.count > 0) out.push({ partition: p, batch: f.take() });
      this.filling[p] = new Filling(this.size);
    }
    return out;
  }
}
