/** Catching up and querying: the companion query fanned out to the shards over request/reply. */
import { RenxingError } from '@renxing/contracts';
import type { CaseWindows, CompanionIndex, CompanionParams, CompanionRowSet } from '@renxing/engine';
import { fanoutCompanions, type ShardCall } from '../core/fanout.js';
import { ShardAnswerError } from '../core/query-wire.js';
import type { StreamClient } from './client.js';
import { latestOfAll, streamProgress } from './progress.js';

/** Waits until every partition's last pings message is built and every shard's last stays message applied. */
export async function waitCaughtUp(c: StreamClient, opts: { timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const until = Date.now() + timeoutMs;
  let behind = '';
  for (;;) {
    const { partitions, shards } = await streamProgress(c);
    const late = [
      ...partitions.filter((p) => p.built < p.last).map((p) => `p${p.partition} ${p.built}/${p.last}`),
      ...shards.filter((s) => s.applied < s.last).map((s) => `s${s.shard} ${s.applied}/${s.last}`),
    ];
    if (late.length === 0) return;
    behind = late.join(', ');
    if (Date.now() >= until) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new RenxingError('RX_STREAM_NOT_CAUGHT_UP', {
    seconds: Math.round(timeoutMs / 1000),
    detail: behind,
  });
}

/** One shard's answer, gathered from its parts (see respondInParts). */
export async function callShard(
  c: StreamClient,
  shard: number,
  request: Uint8Array,
  timeoutMs: number,
): Promise<Uint8Array> {
  const limit = c.nc.info?.max_payload ?? 1 << 20;
  if (request.length > limit - 1024)
    throw new RenxingError('RX_STREAM_TOO_LARGE', { bytes: request.length, limit });
  const parts: Uint8Array[] = [];
  let ended = false;
  try {
    const replies = await c.nc.requestMany(c.names.query(shard), request, {
      strategy: 'sentinel',
      maxWait: timeoutMs,
    });
    for await (const m of replies) {
      if (m.data.length === 0) {
        ended = true;
        break;
      }
      parts.push(m.data);
    }
  } catch (e) {
    throw new RenxingError('RX_STREAM_NO_SHARD', { shard, detail: (e as Error).message });
  }
  if (!ended)
    throw new RenxingError('RX_STREAM_NO_SHARD', { shard, detail: `no complete answer in ${timeoutMs} ms` });
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The companions of `cases` over the streamed index: exactly the batch engine's answer on the same
 * pings once caught up (the core's fan-out builds a small index from the stays the shards return
 * and runs the engine's own query on it).
 */
export async function queryStreamed(
  c: StreamClient,
  cases: readonly CaseWindows[],
  params: CompanionParams,
  opts: { timeoutMs?: number } = {},
): Promise<{ index: CompanionIndex; rows: CompanionRowSet; pings: number }> {
  const built = c.cfg.params;
  for (const k of ['originLon', 'originLat', 'size', 'maxGap'] as const)
    if (params[k] !== built[k])
      throw new RenxingError('RX_STREAM_CONFIG', {
        detail: `the query asks ${k} ${params[k]}, the stream's stays are built with ${built[k]}`,
      });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const latest = await latestOfAll(c);
  const call: ShardCall = (shard, request) => callShard(c, shard, request, timeoutMs);
  try {
    const { index, rows } = await fanoutCompanions(call, c.cfg.shards, cases, params, latest);
    return { index, rows, pings: latest.pings };
  } catch (e) {
    if (e instanceof ShardAnswerError)
      throw new RenxingError('RX_STREAM_SHARD_ANSWER', { shard: e.shard, detail: e.reason });
    throw e;
  }
}
