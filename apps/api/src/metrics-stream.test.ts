/**
 * The server with streaming on (RENXING_NATS_URL, RENXING_STREAM_ROLES=all): it opens the stream,
 * runs a stay builder and an index worker in its own process, serves the stream's metrics at
 * /metrics beside its own, and stops them when it closes. A NATS that does not answer stops the
 * start. Uses the machine's NATS (127.0.0.1:4222) under a prefix of its own, deleted after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destroyStream, openStream } from '@renxing/stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startServer, streamConfigOf } from './server.js';

const NATS = process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222';

describe('the server with streaming on', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'renxing-stream-'));
    dirs.push(d);
    return d;
  };

  it('runs the roles inside the API process and serves their metrics at /metrics', async () => {
    const prefix = `t${process.pid}_api_${randomBytes(3).toString('hex')}`;
    const env = {
      RENXING_DATA_DIR: dataDir(),
      PORT: '0',
      RENXING_DEMO: '0',
      RENXING_MQTT_URL: 'off',
      RENXING_NATS_URL: NATS,
      RENXING_STREAM_PREFIX: prefix,
      RENXING_STREAM_PARTITIONS: '2',
      RENXING_STREAM_SHARDS: '2',
      RENXING_STREAM_ROLES: 'all',
    };
    const lines: string[] = [];
    const app = await startServer({ env, log: (l) => lines.push(l), logger: false });
    try {
      expect(lines.join('\n')).toMatch(
        /streaming: NATS .* \(prefix t.*, 2 partitions, 2 shards, replicas 1\); roles here: all/,
      );
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const name of [
        'rx_stream_pings_published_total',
        'rx_stream_partition_lag',
        'rx_http_requests_total',
      ])
        expect(text).toContain(`# TYPE ${name}`);
    } finally {
      await app.close();
      const client = await openStream(streamConfigOf(readConfig(env))!);
      await destroyStream(client).catch(() => {});
      await client.close();
    }
  });

  it('does not start when the configured NATS does not answer', async () => {
    await expect(
      startServer({
        env: {
          RENXING_DATA_DIR: dataDir(),
          PORT: '0',
          RENXING_DEMO: '0',
          RENXING_MQTT_URL: 'off',
          RENXING_NATS_URL: 'nats://127.0.0.1:1',
        },
        log: () => {},
        logger: false,
      }),
    ).rejects.toThrow();
  });
});
