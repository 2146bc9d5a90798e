/**
 * What an operator sees of the stream: per partition and shard, how far the roles are behind the
 * stream, who owns each, and the live members. Filled from the streams' last sequences and the
 * roles' progress in the meta bucket.
 */
import type { KV } from '@nats-io/kv';
import type { PartitionLatest } from './nats/builder.js';
import type { StreamClient } from './nats/client.js';
import { streamProgress } from './nats/progress.js';

export interface PartitionStatus {
  partition: number;
  /** The last PINGS sequence published on this partition's subject (0: none yet). */
  published: number;
  /** The last PINGS sequence its stay builder has built and routed. */
  built: number;
  /** Messages published but not yet built. */
  lag: number;
  pings: number;
  duplicates: number;
  /** Latest kept ping instant (epoch seconds), null before the first. */
  maxInstant: number | null;
  /** The builder holding the partition's lease, null when none. */
  owner: string | null;
}

export interface ShardStatus {
  shard: number;
  published: number;
  applied: number;
  lag: number;
  /** Stays the shard holds, as it last reported (null: never reported). */
  stays: number | null;
  owner: string | null;
}

export interface MemberStatus {
  kind: 'builder' | 'index';
  id: string;
  /** When it last said it is alive (epoch seconds). */
  seenAt: number;
}

export interface StreamStatus {
  partitions: PartitionStatus[];
  shards: ShardStatus[];
  members: MemberStatus[];
}

async function kvText(kv: KV, key: string): Promise<string | null> {
  const e = await kv.get(key);
  return e?.operation === 'PUT' ? e.string() : null;
}

const numberOr = (text: string | null, fallback: number): number => {
  const v = Number(text);
  return text !== null && Number.isFinite(v) ? v : fallback;
};

async function kvNumberOrNull(kv: KV, key: string): Promise<number | null> {
  const v = numberOr(await kvText(kv, key), Number.NaN);
  return Number.isNaN(v) ? null : v;
}

/** The stream as an operator sees it (one read of the streams' last sequences and the two buckets). */
export async function streamStatus(c: StreamClient): Promise<StreamStatus> {
  const progress = await streamProgress(c);
  const owners = new Map<string, string>();
  const members: MemberStatus[] = [];
  for await (const key of await c.leases.keys()) {
    const value = await kvText(c.leases, key);
    if (value === null) continue;
    const member = /^member\.(builder|index)\.(.+)$/.exec(key);
    if (member) {
      members.push({
        kind: member[1] as MemberStatus['kind'],
        id: member[2],
        seenAt: Math.floor(numberOr(value, 0) / 1000),
      });
    } else if (key.startsWith('lease.')) owners.set(key.slice('lease.'.length), value);
  }
  members.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : 1));
  const partitions = await Promise.all(
    progress.partitions.map(async ({ partition, last, built }): Promise<PartitionStatus> => {
      const text = await kvText(c.meta, `latest.${partition}`);
      const latest = text === null ? null : (JSON.parse(text) as PartitionLatest);
      return {
        partition,
        published: last,
        built,
        lag: Math.max(0, last - built),
        pings: latest?.pings ?? 0,
        duplicates: latest?.duplicates ?? 0,
        maxInstant: latest?.maxInstant ?? null,
        owner: owners.get(`p${partition}`) ?? null,
      };
    }),
  );
  const shards = await Promise.all(
    progress.shards.map(
      async ({ shard, last, applied }): Promise<ShardStatus> => ({
        shard,
        published: last,
        applied,
        lag: Math.max(0, last - applied),
        stays: await kvNumberOrNull(c.meta, `stays.${shard}`),
        owner: owners.get(`s${shard}`) ?? null,
      }),
    ),
  );
  return { partitions, shards, members };
}
