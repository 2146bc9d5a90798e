/** The harness itself: three servers form a JetStream cluster that keeps an R3 stream through a kill -9. */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster.js';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

describe('local JetStream cluster', () => {
  it('keeps a replicas-3 stream writable with one server killed, and the server rejoins', async () => {
    const nc = await connect({ servers: cluster.urls, maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      const name = `harness_${process.pid}`;
      await jsm.streams.add({ name, subjects: [`${name}.>`], num_replicas: 3 });
      const js = jetstream(nc);
      for (let i = 0; i < 10; i++) await js.publish(`${name}.a`, new Uint8Array([i]));
      await cluster.kill(1);
      expect(cluster.alive(1)).toBe(false);
      for (let i = 10; i < 20; i++) {
        await js.publish(`${name}.a`, new Uint8Array([i]), { retries: 30, timeout: 2000 });
      }
      await cluster.restart(1);
      expect(cluster.alive(1)).toBe(true);
      const info = await jsm.streams.info(name);
      expect(info.state.messages).toBe(20);
      expect(info.config.num_replicas).toBe(3);
      await jsm.streams.delete(name);
    } finally {
      await nc.close();
    }
  });
});
