/**
 * Retention on a real JetStream: three days of a seeded city, the role clock moved so that the
 * first day falls out of the window while they run → the builders prune what they hold, drop the
 * first day's pings arriving later, and the streamed companions equal the batch engine's on the
 * two retained days only; both streams carry max_age = retention + 1 day (updated when made with
 * another window).
 */
import { generateCases, generatePings } from '@renxing/city-gen';
import {
  type CaseWindows,
  companionCsv,
  companionsFromCsv,
  decodeUtf8,
  parseInstantText,
  readCases,
  resolveParams,
} from '@renxing/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { retentionCutoffSeconds } from '../core/retention.js';
import { startStayBuilder } from './builder.js';
import { openStream, type StreamClient } from './client.js';
import { startIndexWorker } from './index-worker.js';
import { streamMetrics } from './metrics.js';
import { latestOfAll } from './progress.js';
import { publishPingsCsv } from './publish.js';
import { queryStreamed, waitCaughtUp } from './query.js';
import type { Role } from './role.js';
import { stopTestNats, testConfig, testStream } from './test-support.js';

const DAY = 86400;
const city = { phones: 120, days: 3, seed: 11 };
const lines = [...generatePings(city)].join('').split('\n');
const header = `${lines[0]}\n`;
const rows = lines.slice(1).filter((l) => l.length > 0);
// The generator writes some bad rows (rejected alike by publish and batch): NaN sorts them out of both sides.
const tsOf = (row: string) =>
  parseInstantText(row.split(',')[1] ?? '', resolveParams('default').params.tzOffset);
const someone = rows[0].split(',')[0];
const casesText = `${generateCases(city)}${someone},,\n`;
const encoder = new TextEncoder();
const csv = (list: string[]) => encoder.encode(header + list.map((l) => `${l}\n`).join(''));
const params = resolveParams('default').params;
const offset = params.tzOffset;

// The city's first local day, and a clock at noon 21 days after the second one begins.
const firstDay = Math.floor((Math.min(...rows.map(tsOf).filter(Number.isFinite)) + offset) / DAY);
const cutoff = (firstDay + 1) * DAY - offset;
const before = (cutoff - DAY + 21 * DAY + 12 * 3600) * 1000;
const after = (cutoff + 21 * DAY + 12 * 3600) * 1000;

function batch(pings: Uint8Array) {
  return companionsFromCsv(pings, encoder.encode(casesText), params);
}

async function streamedCsv(c: StreamClient): Promise<string> {
  const cases: CaseWindows[] = readCases([encoder.encode(casesText)], offset, () => {}).cases;
  const { index, rows } = await queryStreamed(c, cases, params);
  return [...companionCsv(index, cases, rows)].map(decodeUtf8).join('');
}

async function metric(name: string): Promise<number> {
  const m = await streamMetrics().getSingleMetric(name)?.get();
  return (m?.values ?? []).reduce((n, v) => n + v.value, 0);
}

async function until(what: string, ok: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quiet = () => {};

afterAll(stopTestNats);

describe('retention on JetStream', () => {
  it('drops the day that falls out of the window: companions of the retained days only', async () => {
    expect(retentionCutoffSeconds(before, 21, offset)).toBe(cutoff - DAY);
    expect(retentionCutoffSeconds(after, 21, offset)).toBe(cutoff);
    const cfg = await testConfig({ retentionDays: 21 });
    // Made first with another window: opening with the default one updates both streams.
    const other = await openStream({ ...cfg, retentionDays: 5 });
    const { jsm, names } = other;
    expect((await jsm.streams.info(names.pingsStream)).config.max_age).toBe(6 * DAY * 1e9);
    await other.close();
    const { c, cleanup } = await testStream(cfg);
    const roles: Role[] = [];
    let clock = before;
    const now = () => clock;
    try {
      for (const s of [names.pingsStream, names.staysStream])
        expect((await c.jsm.streams.info(s)).config.max_age).toBe(22 * DAY * 1e9);

      // Every other ping now, the rest after the clock moves (their first day arriving late).
      const a = rows.filter((_, k) => k % 2 === 0);
      const b = rows.filter((_, k) => k % 2 === 1);
      const expiredBefore = await metric('rx_stream_pings_expired_total');
      await publishPingsCsv(c, csv(a), { source: 'a' });
      const opts = { log: quiet, now, pruneEveryMs: 100 };
      roles.push(await startStayBuilder(c, { id: 'b', partitions: [0, 1, 2, 3], ...opts }));
      roles.push(await startIndexWorker(c, { id: 'i', shards: [0, 1, 2], ...opts }));
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      expect(await streamedCsv(c)).toBe(batch(csv(a)).csv);

      clock = after;
      await until(
        'the roles to prune',
        async () => (await metric('rx_stream_retention_cutoff_seconds')) === cutoff,
      );
      const droppedA = batch(csv(a.filter((r) => tsOf(r) < cutoff))).summary.pings;
      expect(droppedA).toBeGreaterThan(0);
      await until(
        'the builders to drop the first day',
        async () => (await metric('rx_stream_pings_expired_total')) - expiredBefore === droppedA,
      );
      await publishPingsCsv(c, csv(b), { source: 'b' });
      await waitCaughtUp(c, { timeoutMs: 30_000 });

      // The batch engine on the retained pings, in arrival order.
      const retained = [...a, ...b].filter((r) => tsOf(r) >= cutoff);
      const want = batch(csv(retained));
      expect(want.summary.companions).toBeGreaterThan(0);
      expect(await streamedCsv(c)).toBe(want.csv);
      expect(await latestOfAll(c)).toMatchObject({
        pings: want.summary.pings,
        duplicates: want.summary.duplicates,
      });
      const dropped = batch(csv(rows.filter((r) => tsOf(r) < cutoff))).summary.pings;
      expect(dropped).toBeGreaterThan(droppedA);
      expect((await metric('rx_stream_pings_expired_total')) - expiredBefore).toBe(dropped);
      // The whole city on all three days answers differently: the first day really is gone.
      expect(batch(csv(rows)).csv).not.toBe(want.csv);
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
    }
  });
});
