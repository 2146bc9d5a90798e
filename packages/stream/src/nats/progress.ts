/** Where the stream stands: last sequences per subject, and what the roles recorded in KV. */

import type { PartitionLatest } from './builder.js';
import type { StreamClient } from './client.js';

/** The sequence of the last message on a subject (0 when none). */
export async function lastSequence(c: StreamClient, stream: string, subject: string): Promise<number> {
  const m = await c.jsm.streams.getMessage(stream, { last_by_subj: subject });
  return m?.seq ?? 0;
}

async function kvNumber(c: StreamClient, key: string): Promise<number> {
  const e = await c.meta.get(key);
  if (e?.operation !== 'PUT') return 0;
  const v = Number(e.string());
  return Number.isFinite(v) ? v : 0;
}

export interface StreamProgress {
  partitions: Array<{ partition: number; last: number; built: number }>;
  shards: Array<{ shard: number; last: number; applied: number }>;
}

/**
 * Every partition's last pings message against `built.<p>`, then every shard's last stays message
 * against `applied.<s>` — partitions first: builders store a batch's stays before recording it
 * built, so once the partitions are built the shards' last sequences already include their stays.
 */
export async function streamProgress(c: StreamClient): Promise<StreamProgress> {
  const { cfg, names } = c;
  const partitions = await Promise.all(
    Array.from({ length: cfg.partitions }, async (_, p) => ({
      partition: p,
      built: await kvNumber(c, `built.${p}`),
      last: await lastSequence(c, names.pingsStream, names.pings(p)),
    })),
  );
  const shards = await Promise.all(
    Array.from({ length: cfg.shards }, async (_, s) => ({
      shard: s,
      applied: await kvNumber(c, `applied.${s}`),
      last: await lastSequence(c, names.staysStream, names.stays(s)),
    })),
  );
  return { partitions, shards };
}

/** Every partition's pings, duplicates and latest instant, merged (what the batch engine's index holds). */
export async function latestOfAll(
  c: StreamClient,
): Promise<{ maxInstant: number; pings: number; duplicates: number }> {
  const all = { maxInstant: Number.NEGATIVE_INFINITY, pings: 0, duplicates: 0 };
  for (let p = 0; p < c.cfg.partitions; p++) {
    const e = await c.meta.get(`latest.${p}`);
    if (e?.operation !== 'PUT') continue;
    const l = e.json<PartitionLatest>();
    if (l.maxInstant !== null && l.maxInstant > all.maxInstant) all.maxInstant = l.maxInstant;
    all.pings += l.pings;
    all.duplicates += l.duplicates;
  }
  return all;
}
