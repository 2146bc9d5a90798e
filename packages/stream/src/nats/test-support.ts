/**
 * Test helpers: a JetStream server (the machine's at 127.0.0.1:4222, or RENXING_TEST_NATS_URL, or
 * else one started for the tests on a free port) and a stream under a prefix of its own, deleted
 * afterwards, so test files running in parallel never share a stream.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { DEFAULT_PARAMS } from '@renxing/engine';
import { destroyStream, openStream, type StreamClient } from './client.js';
import type { StreamConfig } from './config.js';

let server: { url: string; child: ChildProcess | null; dir: string | null } | null = null;

async function reachable(url: string): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 1000, reconnect: false });
    const js = nc.info?.jetstream ?? false;
    await nc.close();
    return js;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A NATS URL with JetStream on: the machine's, or a server started for this test file. */
export async function testNatsUrl(): Promise<string> {
  if (server) return server.url;
  const given = process.env.RENXING_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
  if (await reachable(given)) {
    server = { url: given, child: null, dir: null };
    return given;
  }
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'rx-nats-'));
  const bin = process.env.RENXING_NATS_SERVER ?? 'nats-server';
  const child = spawn(bin, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: 'ignore' });
  const url = `nats://127.0.0.1:${port}`;
  for (let k = 0; k < 100 && !(await reachable(url)); k++) await new Promise((r) => setTimeout(r, 100));
  server = { url, child, dir };
  return url;
}

/** Stops a server this file started. */
export async function stopTestNats(): Promise<void> {
  if (server?.child) {
    server.child.kill('SIGTERM');
    if (server.dir) rmSync(server.dir, { recursive: true, force: true });
  }
  server = null;
}

export function uniquePrefix(): string {
  return `t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function testConfig(overrides: Partial<StreamConfig> = {}): Promise<StreamConfig> {
  return {
    servers: [await testNatsUrl()],
    prefix: uniquePrefix(),
    partitions: 4,
    shards: 3,
    replicas: 1,
    params: { ...DEFAULT_PARAMS },
    snapshotDir: null,
    snapshotEverySeconds: 1,
    leaseSeconds: 2,
    // The seeded cities live in November 2026: retention by the wall clock must not drop them.
    retentionDays: 36500,
    ...overrides,
  };
}

/** Opens a stream and returns it with a cleanup that deletes everything it made. */
export async function testStream(
  cfg: StreamConfig,
): Promise<{ c: StreamClient; cleanup: () => Promise<void> }> {
  const c = await openStream(cfg);
  return {
    c,
    cleanup: async () => {
      await destroyStream(c);
      await c.close();
    },
  };
}
