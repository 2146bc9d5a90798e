/**
 * The whole path through the CLI, one process for every role: `renxing stream all` runs builder and
 * index worker, `renxing stream publish` sends a city's pings, `renxing stream companions` answers
 * through the shards and must write the very file `renxing companions --pings` writes (both
 * presets; chengdu-2021 with its dwell clause at 3 h, which a one-day city can meet). A graceful stop (SIGTERM) writes final snapshots to the snapshot folder; a new `all`
 * process started after it answers the same from them. Its own single server: no cluster needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCases, generatePings } from '@renxing/city-gen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, freePort, startCluster } from '../nats/testing/cluster.js';
import { metricSum, type RoleProcess, runCli, scrape, startCli, waitFor } from '../nats/testing/processes.js';
import {
  batchAnswer,
  firstDifference,
  KEEP_DAYS,
  presetParams,
  tempDir,
  uniquePrefix,
} from './test-support.js';

const CITY = { phones: 1500, days: 1, seed: 18, cases: 10 };
let server: Cluster;
let dir: string;
const f = (name: string) => path.join(dir, name);

beforeAll(async () => {
  server = await startCluster({ servers: 1 });
  dir = tempDir('cli');
  fs.writeFileSync(f('pings.csv'), [...generatePings(CITY)].join(''));
  fs.writeFileSync(f('cases.csv'), generateCases(CITY));
});
afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** `renxing stream companions` flags of each query (the CLI takes the preset's own flags). */
const QUERIES = {
  default: [],
  'chengdu-2021 dwell 3 h': ['--preset', 'chengdu-2021', '--min-cell-dwell', '10800'],
} as const;

describe('renxing stream … (all roles in one process)', () => {
  it('publishes, indexes and answers exactly as renxing companions, across a graceful restart', async () => {
    const prefix = uniquePrefix('cli');
    const env: NodeJS.ProcessEnv = {
      RENXING_NATS_URL: server.urls[0],
      RENXING_STREAM_PREFIX: prefix,
      RENXING_STREAM_PARTITIONS: '4',
      RENXING_STREAM_SHARDS: '2',
      RENXING_STREAM_SNAPSHOTS: f('snapshots'),
      RENXING_STREAM_SNAPSHOT_SECONDS: '1',
      RENXING_STREAM_LEASE_SECONDS: '3',
      RENXING_STREAM_RETENTION_DAYS: String(KEEP_DAYS),
    };
    const procs: RoleProcess[] = [];
    const t0 = Date.now();
    const step = (what: string) =>
      process.stderr.write(`cli-all ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}\n`);
    try {
      // Without a server named anywhere the commands stop with a clear error (exit 2).
      const off = await runCli(['stream', 'status'], { env: { ...env, RENXING_NATS_URL: 'off' } });
      expect(off.code).toBe(2);
      expect(off.err).toContain('--nats');

      step('off checked');
      const port = await freePort();
      const all = startCli(['stream', 'all', '--id', 'a1', '--metrics-port', String(port)], {
        env,
        logFile: f('a1.log'),
      });
      procs.push(all);

      step('all started');
      const pub = await runCli(['stream', 'publish', f('pings.csv'), '--summary', f('publish.json')], {
        env,
      });
      expect(pub.code, pub.err).toBe(0);
      const published = JSON.parse(fs.readFileSync(f('publish.json'), 'utf8'));
      expect(published.rejected).toBeGreaterThan(0); // the city has bad rows
      expect(published.rejectsFile).toBe(`${f('pings.csv')}.rejects.csv`);
      expect(fs.readFileSync(published.rejectsFile, 'utf8').trim().split('\n')).toHaveLength(
        published.rejected + 1,
      );

      step('published');
      /** Streamed through the CLI; the batch file from `renxing companions` (default) or the engine. */
      const streamed = async (tag: string, name: keyof typeof QUERIES) => {
        const out = f(`${tag}-${name}.stream.csv`);
        const args = ['stream', 'companions', '--cases', f('cases.csv'), '--out', out, '--wait', '60'];
        const r = await runCli([...args, ...QUERIES[name]], { env });
        expect(r.code, r.err).toBe(0);
        return fs.readFileSync(out, 'utf8');
      };
      const b = await runCli(
        ['companions', '--pings', f('pings.csv'), '--cases', f('cases.csv'), '--out', f('batch.csv')].concat([
          '--summary',
          f('batch.json'),
        ]),
        { env },
      );
      expect(b.code, b.err).toBe(0);
      const batch = JSON.parse(fs.readFileSync(f('batch.json'), 'utf8')) as {
        pings: number;
        ping_rejects: number;
      };
      step('batch run');
      const expected: Record<keyof typeof QUERIES, string> = {
        default: fs.readFileSync(f('batch.csv'), 'utf8'),
        'chengdu-2021 dwell 3 h': batchAnswer(
          fs.readFileSync(f('pings.csv')),
          fs.readFileSync(f('cases.csv')),
          presetParams('chengdu-2021', { minCellDwell: 10800 }),
        ).csv,
      };
      for (const name of Object.keys(QUERIES) as (keyof typeof QUERIES)[]) {
        const x = await streamed('live', name);
        expect(x === expected[name], `${name}: ${firstDifference(x, expected[name])}`).toBe(true);
        expect(x.split('\n').length, name).toBeGreaterThan(10);
      }
      expect(expected.default).not.toBe(expected['chengdu-2021 dwell 3 h']);
      expect(published.rejected).toBe(batch.ping_rejects);

      step('streamed answers compared');
      // Status: nothing behind, and the partitions hold every kept ping.
      const st = await runCli(['stream', 'status', '--json', '--nats', server.urls[0]], {
        env: { ...env, RENXING_NATS_URL: 'off' },
      });
      expect(st.code, st.err).toBe(0);
      const status = JSON.parse(st.out) as {
        partitions: { lag: number; pings: number }[];
        shards: { lag: number }[];
      };
      expect(status.partitions).toHaveLength(4);
      expect(status.shards).toHaveLength(2);
      for (const p of status.partitions) expect(p.lag).toBe(0);
      for (const h of status.shards) expect(h.lag).toBe(0);
      expect(status.partitions.reduce((n, p) => n + p.pings, 0)).toBe(batch.pings);

      step('status read');
      // /metrics: Prometheus text with the stream's counters.
      const text = await scrape(port);
      expect(text).toContain('# TYPE rx_stream_pings_built_total counter');
      expect(metricSum(text, 'rx_stream_pings_built_total')).toBeGreaterThanOrEqual(batch.pings);
      expect(metricSum(text, 'rx_stream_end_to_end_lag_seconds_count')).toBeGreaterThan(0);

      step('metrics read');
      // Graceful stop: exit 0 with final snapshots; a new process answers the same from them.
      expect(await all.stop()).toBe(0);
      expect(all.output()).toContain('a1: stopped');
      expect(fs.readdirSync(f('snapshots')).length).toBeGreaterThan(0);
      step('a1 stopped');
      const again = startCli(['stream', 'all', '--id', 'a2'], { env, logFile: f('a2.log') });
      procs.push(again);
      await waitFor(
        'a2 started',
        () => again.output().includes('started'),
        30_000,
        () => again.output(),
      );
      step('a2 started');
      const x = await streamed('restarted', 'default');
      expect(x === expected.default, `after restart: ${firstDifference(x, expected.default)}`).toBe(true);
    } catch (e) {
      for (const p of procs) (e as Error).message += `\n--- ${p.args.join(' ')}\n${p.output().slice(-2000)}`;
      throw e;
    } finally {
      await Promise.all(procs.map((p) => p.kill9()));
    }
  }, 90_000);
});
