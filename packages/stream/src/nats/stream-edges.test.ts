/**
 * The runtime's edges on a real JetStream: a malformed message is counted and skipped (never a
 * crash), a stream made with other partitions is refused, a shard nobody serves is an error, not a
 * hang; snapshots in a folder; the end-to-end lag is measured.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { companionCsv, companionsFromCsv, DEFAULT_PARAMS, decodeUtf8, readCases } from '@renxing/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { startStayBuilder } from './builder.js';
import { openStream } from './client.js';
import { startIndexWorker } from './index-worker.js';
import { streamMetrics } from './metrics.js';
import { publishPingsCsv } from './publish.js';
import { queryStreamed, waitCaughtUp } from './query.js';
import type { Role } from './role.js';
import { stopTestNats, testConfig, testStream } from './test-support.js';

const encoder = new TextEncoder();
const T = 1_793_491_200; // 2026-11-01 00:00 +08:00
const rows: string[] = ['subject,ts,lon,lat'];
// Two people walking together through three cells, a third elsewhere; a ping of b twice.
for (let k = 0; k < 30; k++) {
  const lon = 106.55 + Math.floor(k / 10) * 0.01;
  rows.push(`a,${T + k * 120},${lon},29.56`, `b,${T + k * 120 + 30},${lon},29.5601`);
  rows.push(`c,${T + k * 120},106.7,29.7`);
}
rows.push(`b,${T + 30},106.9,29.9`);
const pings = encoder.encode(`${rows.join('\n')}\n`);
const casesCsv = encoder.encode('subject,from,to\na,,\n');
const quiet = () => {};

async function metric(name: string, labels: Record<string, string> = {}, series = name): Promise<number> {
  const m = await streamMetrics().getSingleMetric(name)?.get();
  return (m?.values ?? [])
    .filter((v) => ((v as { metricName?: string }).metricName ?? name) === series)
    .filter((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))
    .reduce((n, v) => n + v.value, 0);
}

afterAll(stopTestNats);

describe('streaming edges', () => {
  it('skips malformed messages, keeps snapshots in a folder, measures the lag, refuses other config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rx-snap-'));
    const cfg = await testConfig({ snapshotDir: dir, partitions: 2, shards: 2 });
    const { c, cleanup } = await testStream(cfg);
    const roles: Role[] = [];
    try {
      await c.js.publish(c.names.pings(1), new Uint8Array([1, 2, 3]));
      await c.js.publish(c.names.stays(0), encoder.encode('not ops'));
      await publishPingsCsv(c, pings, { source: 'walk' });
      roles.push(await startStayBuilder(c, { id: 'b', partitions: [0, 1], log: quiet }));
      roles.push(await startIndexWorker(c, { id: 'i', shards: [0, 1], log: quiet }));
      await waitCaughtUp(c, { timeoutMs: 20_000 });
      expect(await metric('rx_stream_bad_messages_total', { kind: 'pings' })).toBeGreaterThanOrEqual(1);
      expect(await metric('rx_stream_bad_messages_total', { kind: 'stays' })).toBeGreaterThanOrEqual(1);
      const { cases } = readCases([casesCsv], DEFAULT_PARAMS.tzOffset, () => {});
      const got = await queryStreamed(c, cases, DEFAULT_PARAMS);
      const want = companionsFromCsv(pings, casesCsv, DEFAULT_PARAMS);
      expect(want.summary.companions).toBe(1);
      expect([...companionCsv(got.index, cases, got.rows)].map(decodeUtf8).join('')).toBe(want.csv);
      expect(got.pings).toBe(want.summary.pings);
      expect(
        await metric('rx_stream_end_to_end_lag_seconds', {}, 'rx_stream_end_to_end_lag_seconds_count'),
      ).toBeGreaterThan(0);

      for (const r of roles.splice(0)) await r.stop();
      expect(readdirSync(dir).filter((f) => f.endsWith('.snap')).length).toBeGreaterThanOrEqual(2);
      // Nobody serves the shards now: an error naming the shard, not a hang.
      await expect(queryStreamed(c, cases, DEFAULT_PARAMS, { timeoutMs: 2000 })).rejects.toMatchObject({
        code: 'RX_STREAM_NO_SHARD',
      });
      // Another process opening the same stream binds to what is there.
      const other = await openStream({ ...cfg, snapshotDir: null });
      await other.close();
      await expect(openStream({ ...cfg, partitions: 3 })).rejects.toMatchObject({ code: 'RX_STREAM_CONFIG' });
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over the partitions of a member that died holding them, once its leases expire', async () => {
    const { c, cleanup } = await testStream(await testConfig({ partitions: 2, shards: 1 }));
    const roles: Role[] = [];
    try {
      // A member that died: its heartbeat and leases stay until the bucket's TTL removes them.
      await c.leases.put('member.builder.ghost', '0');
      for (const p of [0, 1]) await c.leases.create(`lease.p${p}`, 'ghost');
      await publishPingsCsv(c, pings, { source: 'walk' });
      const a = await startStayBuilder(c, { id: 'a', log: quiet });
      roles.push(a, await startIndexWorker(c, { id: 'i', shards: [0], log: quiet }));
      expect(a.status().owned).toEqual([]);
      await waitCaughtUp(c, { timeoutMs: 20_000 });
      expect(a.status().owned).toEqual([0, 1]);
      const { cases } = readCases([casesCsv], DEFAULT_PARAMS.tzOffset, () => {});
      const got = await queryStreamed(c, cases, DEFAULT_PARAMS);
      expect([...companionCsv(got.index, cases, got.rows)].map(decodeUtf8).join('')).toBe(
        companionsFromCsv(pings, casesCsv, DEFAULT_PARAMS).csv,
      );
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
    }
  });
});
