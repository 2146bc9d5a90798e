/**
 * The runtime on a real JetStream: a seeded city published, stay builders and index workers in
 * process, and the streamed answer byte-identical to the batch engine's on the same pings — both
 * presets; redelivery (the same file again), replay (roles restarted from their snapshots, or from
 * nothing), and two builders sharing the partitions through leases.
 */
import { generateCases, generatePings } from '@renxing/city-gen';
import {
  type CaseWindows,
  companionCsv,
  companionsFromCsv,
  decodeUtf8,
  readCases,
  resolveParams,
} from '@renxing/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { startStayBuilder } from './builder.js';
import type { StreamClient } from './client.js';
import { startIndexWorker } from './index-worker.js';
import { streamMetrics } from './metrics.js';
import { latestOfAll } from './progress.js';
import { publishPingsCsv } from './publish.js';
import { queryStreamed, waitCaughtUp } from './query.js';
import type { Role } from './role.js';
import { stopTestNats, testConfig, testStream } from './test-support.js';

// A week, so the chengdu-2021 dwell clause (more than 30 h in a cell) has companions to find.
const city = { phones: 200, days: 7, seed: 3 };
const pingsText = [...generatePings(city)].join('');
const someone = pingsText.split('\n')[1].split(',')[0];
// One more case, unbounded: its E is the latest ping of all partitions (the dwell clause's end).
const casesText = `${generateCases(city)}${someone},,\n`;
const encoder = new TextEncoder();
const pings = encoder.encode(pingsText);
const casesBytes = encoder.encode(casesText);
const PRESETS = ['default', 'chengdu-2021'] as const;

function paramsOf(preset: string) {
  return resolveParams(preset).params;
}

function batch(pingsBytes: Uint8Array, preset: string) {
  return companionsFromCsv(pingsBytes, casesBytes, paramsOf(preset));
}

function casesOf(): CaseWindows[] {
  return readCases([casesBytes], paramsOf('default').tzOffset, () => {}).cases;
}

async function streamedCsv(c: StreamClient, preset: string): Promise<string> {
  const cases = casesOf();
  const { index, rows } = await queryStreamed(c, cases, paramsOf(preset));
  return [...companionCsv(index, cases, rows)].map(decodeUtf8).join('');
}

/** The file cut at a line end near the middle: the header goes with both halves. */
function halves(): [Uint8Array, Uint8Array] {
  const header = pingsText.slice(0, pingsText.indexOf('\n') + 1);
  const cut = pingsText.indexOf('\n', pingsText.length >> 1) + 1;
  return [encoder.encode(pingsText.slice(0, cut)), encoder.encode(header + pingsText.slice(cut))];
}

async function counter(name: string): Promise<number> {
  const m = await streamMetrics().getSingleMetric(name)?.get();
  return (m?.values ?? []).reduce((n, v) => n + v.value, 0);
}

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quiet = () => {};

afterAll(stopTestNats);

describe('streaming on JetStream', () => {
  it('gives the batch engine’s companions on a seeded city, both presets; the same file again changes nothing', async () => {
    const { c, cleanup } = await testStream(await testConfig());
    const roles: Role[] = [];
    try {
      const rejected: string[] = [];
      const first = await publishPingsCsv(c, pings, {
        source: 'city',
        onReject: (line, reason) => rejected.push(`${line},${reason}`),
      });
      const reference = batch(pings, 'default');
      expect(first.rejected).toBe(reference.summary.ping_rejects);
      expect(first.published).toBe(reference.summary.pings);
      roles.push(await startStayBuilder(c, { id: 'b1', partitions: [0, 1, 2, 3], log: quiet }));
      roles.push(await startIndexWorker(c, { id: 'i1', shards: [0, 1, 2], log: quiet }));
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      for (const preset of PRESETS) {
        const want = batch(pings, preset);
        expect(want.summary.companions).toBeGreaterThan(0);
        expect(await streamedCsv(c, preset)).toBe(want.csv);
      }
      expect(await latestOfAll(c)).toMatchObject({
        pings: reference.summary.pings,
        duplicates: reference.summary.duplicates,
      });

      // The same file under the same source: JetStream drops every message as a duplicate.
      const again = await publishPingsCsv(c, pings, { source: 'city' });
      expect(again).toMatchObject({ published: 0, duplicates: reference.summary.pings });
      // Under another source every ping arrives twice: the builders count them duplicates; same answer.
      await publishPingsCsv(c, pings, { source: 'city-again' });
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      for (const preset of PRESETS) expect(await streamedCsv(c, preset)).toBe(batch(pings, preset).csv);
      expect(await latestOfAll(c)).toMatchObject({
        pings: 2 * reference.summary.pings,
        duplicates: reference.summary.duplicates + reference.summary.pings,
      });
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
    }
  });

  it('restarts from snapshots exactly (and from nothing), and builders share partitions through leases', async () => {
    const { c, cleanup } = await testStream(await testConfig());
    const roles = new Set<Role>();
    const start = async (r: Promise<Role>) => {
      const role = await r;
      roles.add(role);
      return role;
    };
    const stop = async (r: Role) => {
      roles.delete(r);
      await r.stop();
    };
    try {
      const [head, tail] = halves();
      await publishPingsCsv(c, head, { source: 'head' });
      // Two builders and one index worker, all claiming through leases.
      const a = await start(startStayBuilder(c, { id: 'a', log: quiet }));
      const b = await start(startStayBuilder(c, { id: 'b', log: quiet }));
      let index = await start(startIndexWorker(c, { id: 'x', log: quiet }));
      await until(
        'the builders to split the partitions',
        () =>
          a.status().owned.length === 2 &&
          b.status().owned.length === 2 &&
          new Set([...a.status().owned, ...b.status().owned]).size === 4,
      );
      await until('the index worker to hold every shard', () => index.status().owned.length === 3);
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      expect(await streamedCsv(c, 'default')).toBe(batch(head, 'default').csv);

      // b leaves: a takes its partitions (from b's snapshots); the index worker restarts from its own.
      await stop(b);
      await stop(index);
      const snapshots = await counter('rx_stream_snapshots_total');
      expect(snapshots).toBeGreaterThan(0);
      await until('a to take every partition', () => a.status().owned.length === 4);
      const builtBefore = await counter('rx_stream_pings_built_total');
      await publishPingsCsv(c, tail, { source: 'tail' });
      index = await start(startIndexWorker(c, { id: 'y', shards: [0, 1, 2], log: quiet }));
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      for (const preset of PRESETS) expect(await streamedCsv(c, preset)).toBe(batch(pings, preset).csv);
      // Restored, not rebuilt: only the tail's pings were built after the restart.
      const tailPings = batch(tail, 'default').summary.pings;
      expect((await counter('rx_stream_pings_built_total')) - builtBefore).toBe(tailPings);

      // Snapshots gone: a new builder replays every partition from the start; shards keep the last writer.
      await stop(a);
      for (let p = 0; p < 4; p++) await c.snapshots.put(`builder.p${p}`, new Uint8Array([1, 2, 3]));
      await start(startStayBuilder(c, { id: 'c', partitions: [0, 1, 2, 3], log: quiet }));
      await publishPingsCsv(c, tail, { source: 'tail' }); // de-duplicated by JetStream: nothing new
      await new Promise((r) => setTimeout(r, 300));
      await waitCaughtUp(c, { timeoutMs: 30_000 });
      for (const preset of PRESETS) expect(await streamedCsv(c, preset)).toBe(batch(pings, preset).csv);
      expect(await latestOfAll(c)).toMatchObject({ pings: batch(pings, 'default').summary.pings });
    } finally {
      for (const r of roles) await r.stop();
      await cleanup();
    }
  });
});
