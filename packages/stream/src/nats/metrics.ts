/** The stream's Prometheus metrics: one registry per process, shared by every role in it. */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface StreamMetrics {
  registry: Registry;
  pingsPublished: Counter;
  pingsBuilt: Counter;
  stayOps: Counter;
  badMessages: Counter<'kind'>;
  partitionLag: Gauge<'partition'>;
  shardLag: Gauge<'shard'>;
  endToEndLag: Histogram;
  snapshots: Counter<'kind'>;
  indexStays: Gauge<'shard'>;
}

let made: StreamMetrics | null = null;

function make(): StreamMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    pingsPublished: new Counter({
      name: 'rx_stream_pings_published_total',
      help: 'Pings published to the pings stream by this process (JetStream duplicates excluded)',
      registers,
    }),
    pingsBuilt: new Counter({
      name: 'rx_stream_pings_built_total',
      help: 'Pings turned into stays by this process’s stay builders',
      registers,
    }),
    stayOps: new Counter({
      name: 'rx_stream_stay_ops_total',
      help: 'Stay changes published to the index shards',
      registers,
    }),
    badMessages: new Counter({
      name: 'rx_stream_bad_messages_total',
      help: 'Messages that failed to decode and were skipped, by kind (pings, stays, query)',
      labelNames: ['kind'],
      registers,
    }),
    partitionLag: new Gauge({
      name: 'rx_stream_partition_lag',
      help: 'Pings messages of a partition not yet built (owned partitions)',
      labelNames: ['partition'],
      registers,
    }),
    shardLag: new Gauge({
      name: 'rx_stream_shard_lag',
      help: 'Stays messages of a shard not yet applied (owned shards)',
      labelNames: ['shard'],
      registers,
    }),
    endToEndLag: new Histogram({
      name: 'rx_stream_end_to_end_lag_seconds',
      help: 'From a pings message’s publish to its stays applied in the index shard',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    snapshots: new Counter({
      name: 'rx_stream_snapshots_total',
      help: 'Snapshots written, by kind (builder, index)',
      labelNames: ['kind'],
      registers,
    }),
    indexStays: new Gauge({
      name: 'rx_stream_index_stays',
      help: 'Stays held by an index shard (owned shards)',
      labelNames: ['shard'],
      registers,
    }),
  };
}

/** The metrics objects (made on first use). */
export function metrics(): StreamMetrics {
  made ??= make();
  return made;
}

/** The registry to serve at /metrics. */
export function streamMetrics(): Registry {
  return metrics().registry;
}
