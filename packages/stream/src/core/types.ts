/**
 * The streaming path's shared shapes. Pings are published in batches, one partition (a hash of the
 * subject) per message; stay builders turn each partition's pings into stays and route every
 * change to the index shard owning the stay's cell (a shard = a set of grid cells).
 */

/** Pings of one message, all of one partition, in publish (file) order. Instants in epoch seconds. */
export interface PingBatch {
  count: number;
  subject: string[];
  ts: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/**
 * The state of one stay, keyed by (subject, start), after the pings of its partition up to stream
 * sequence `seq`. A stay's start fixes its cell (the first kept ping at that instant), so all the
 * changes of one key go to one shard; shards keep the state with the highest `seq` (last writer
 * wins), which makes redelivered or replayed changes harmless. `end === start` means the key no
 * longer holds a positive stay (it shrank to zero length or was absorbed by another stay).
 */
export interface StayOp {
  subject: string;
  start: number;
  end: number;
  i: number;
  j: number;
  seq: number;
}

/** A stay as a shard returns it. */
export interface StayRecord {
  subject: string;
  start: number;
  end: number;
  i: number;
  j: number;
}
