/** Connecting: the streams, the KV buckets and the snapshot store, created when missing. */
import {
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  StorageType,
} from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { Objm } from '@nats-io/obj';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RenxingError } from '@renxing/contracts';
import {
  checkStreamConfig,
  DEFAULT_LEASE_SECONDS,
  type StreamConfig,
  type StreamNames,
  streamMaxAgeNanos,
  streamNames,
} from './config.js';
import { folderSnapshots, objectSnapshots, type SnapshotStore } from './snapshots.js';

export interface StreamClient {
  readonly cfg: StreamConfig;
  readonly names: StreamNames;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** `${p}-meta`: config, built.<partition>, latest.<partition>, applied.<shard>. */
  readonly meta: KV;
  /** `${p}-leases`: lease.p<N>, lease.s<N>, member.<kind>.<id>; entries expire after leaseSeconds. */
  readonly leases: KV;
  readonly snapshots: SnapshotStore;
  /** Seconds after which an unrefreshed lease or member expires. */
  readonly leaseSeconds: number;
  close(): Promise<void>;
}

/** JetStream's duplicate window: a message re-published with the same msgID within it is dropped. */
const DUPLICATE_WINDOW_NS = 10 * 60 * 1e9;

/** What every process must agree on: a different value means stays would be built or routed differently. */
function recordedConfig(cfg: StreamConfig): Record<string, number> {
  return {
    partitions: cfg.partitions,
    shards: cfg.shards,
    originLon: cfg.params.originLon,
    originLat: cfg.params.originLat,
    size: cfg.params.size,
    maxGap: cfg.params.maxGap,
  };
}

export async function openStream(cfg: StreamConfig): Promise<StreamClient> {
  checkStreamConfig(cfg);
  const names = streamNames(cfg.prefix);
  const askedLeaseSeconds = cfg.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: cfg.servers,
      name: `renxing-${cfg.prefix}-${process.pid}`,
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      pingInterval: 5000,
    });
  } catch (e) {
    throw new RenxingError('RX_STREAM_UNAVAILABLE', {
      servers: cfg.servers.join(','),
      detail: (e as Error).message,
    });
  }
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    // Retention: the server deletes messages older than the window (and a day's margin); a stream
    // made with another window (or none) is updated to this process's.
    const maxAge = streamMaxAgeNanos(cfg);
    for (const [name, subject] of [
      [names.pingsStream, `${cfg.prefix}.pings.*`],
      [names.staysStream, `${cfg.prefix}.stays.*`],
    ] as const) {
      const info = await jsm.streams.info(name).catch(() => null);
      if (info === null)
        await jsm.streams.add({
          name,
          subjects: [subject],
          storage: StorageType.File,
          num_replicas: cfg.replicas,
          duplicate_window: DUPLICATE_WINDOW_NS,
          max_age: maxAge,
        });
      else if (info.config.max_age !== maxAge) await jsm.streams.update(name, { max_age: maxAge });
    }
    const kvm = new Kvm(nc);
    const meta = await kvm.create(names.metaBucket, {
      history: 1,
      replicas: cfg.replicas,
      storage: StorageType.File,
    });
    const leases = await kvm.create(names.leaseBucket, {
      history: 1,
      replicas: cfg.replicas,
      storage: StorageType.File,
      ttl: askedLeaseSeconds * 1000,
    });
    // The bucket's TTL is set by whoever made it: every member paces its leases by that one.
    const ttl = (await leases.status()).ttl;
    const leaseSeconds = ttl > 0 ? ttl / 1000 : askedLeaseSeconds;
    const want = recordedConfig(cfg);
    const text = JSON.stringify(want);
    try {
      await meta.create('config', text);
    } catch {
      const have = (await meta.get('config'))?.string() ?? '';
      if (have !== text)
        throw new RenxingError('RX_STREAM_CONFIG', {
          detail: `the stream "${cfg.prefix}" was made with ${have}; this process has ${text}`,
        });
    }
    const snapshots =
      cfg.snapshotDir !== null
        ? folderSnapshots(cfg.snapshotDir, cfg.prefix)
        : objectSnapshots(
            await new Objm(nc).create(names.snapshotStore, {
              replicas: cfg.replicas,
              storage: StorageType.File,
            }),
            jsm,
            names.snapshotStore,
          );
    return {
      cfg,
      names,
      nc,
      js,
      jsm,
      meta,
      leases,
      snapshots,
      leaseSeconds,
      async close() {
        if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
      },
    };
  } catch (e) {
    await nc.close();
    throw e;
  }
}

/** Deletes everything a prefix made (tests, and operators starting over). */
export async function destroyStream(c: StreamClient): Promise<void> {
  const { jsm, names } = c;
  for (const s of [names.pingsStream, names.staysStream]) await jsm.streams.delete(s).catch(() => false);
  await c.meta.destroy().catch(() => false);
  await c.leases.destroy().catch(() => false);
  // Whatever this process's snapshot setting, another may have made the object store.
  await new Objm(c.nc)
    .open(names.snapshotStore)
    .then((os) => os.destroy())
    .catch(() => false);
}
