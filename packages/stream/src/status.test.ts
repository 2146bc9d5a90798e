/**
 * The operator's view on a real JetStream: before anything is built every published message is
 * lag; once the roles have caught up the lag is gone, the partitions' pings add up to what was
 * published, the shards report their stays, and the leased members and owners are named.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startStayBuilder } from './nats/builder.js';
import { startIndexWorker } from './nats/index-worker.js';
import { publishPingsCsv } from './nats/publish.js';
import { waitCaughtUp } from './nats/query.js';
import type { Role } from './nats/role.js';
import { stopTestNats, testConfig, testStream } from './nats/test-support.js';
import { streamStatus } from './status.js';

const T = 1_793_491_200;
const rows = ['subject,ts,lon,lat'];
for (let k = 0; k < 40; k++) rows.push(`p${k % 8},${T + k * 100},106.55,29.56`);
const csv = new TextEncoder().encode(`${rows.join('\n')}\n`);
const quiet = () => {};

afterAll(stopTestNats);

describe('streamStatus', () => {
  it('shows the lag, then the built pings, the stays, the owners and the members', async () => {
    const { c, cleanup } = await testStream(await testConfig());
    const roles: Role[] = [];
    try {
      await publishPingsCsv(c, csv, { source: 'status' });
      const before = await streamStatus(c);
      expect(before.partitions).toHaveLength(c.cfg.partitions);
      expect(before.shards).toHaveLength(c.cfg.shards);
      expect(before.partitions.reduce((n, p) => n + p.lag, 0)).toBeGreaterThan(0);
      expect(before.partitions.every((p) => p.built === 0 && p.owner === null)).toBe(true);
      expect(before.members).toEqual([]);

      roles.push(await startStayBuilder(c, { id: 'b1', log: quiet }));
      roles.push(await startIndexWorker(c, { id: 'i1', log: quiet }));
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      const after = await streamStatus(c);
      expect(after.partitions.reduce((n, p) => n + p.lag, 0)).toBe(0);
      expect(after.partitions.reduce((n, p) => n + p.pings, 0)).toBe(40);
      expect(after.shards.reduce((n, s) => n + s.lag, 0)).toBe(0);
      // Eight people, each still in one cell: one positive stay each.
      expect(after.shards.reduce((n, s) => n + (s.stays ?? 0), 0)).toBe(8);
      expect(Math.max(...after.partitions.map((p) => p.maxInstant ?? 0))).toBe(T + 39 * 100);
      expect(after.partitions.every((p) => p.owner === 'b1')).toBe(true);
      expect(after.shards.every((s) => s.owner === 'i1')).toBe(true);
      expect(after.members.map((m) => `${m.kind}:${m.id}`)).toEqual(['builder:b1', 'index:i1']);
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
    }
  });
});
