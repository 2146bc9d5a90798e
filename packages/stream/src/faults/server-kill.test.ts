/**
 * Fault: one NATS server of the three — the one leading the pings stream — is killed with kill -9
 * in the middle of the stream, and started again later while pings are still being published.
 * With replicas 3 the other two keep a quorum: the stream elects a new leader, the publisher and the
 * role processes connected to the dead server reconnect to another, and a publish that timed out is
 * re-sent with the same msgID (JetStream drops the duplicate). No ping may be lost or counted twice,
 * and companions must equal the batch engine's on the same pings.
 */
import { describe, expect, it } from 'vitest';
import { expectBatchAnswer, faultFixture, publishWithFaults, waitMetric } from './test-support.js';

const f = faultFixture('server', { phones: 2000, days: 1, seed: 17, cases: 12 });

describe('fault: kill -9 of one NATS server mid-stream (3 servers, replicas 3)', () => {
  it('loses no ping and gives the batch companions, both presets', async () => {
    let killed = -1;
    await f.withRoles(
      'sk',
      async (s, roles) => {
        const b1 = await roles.start('builder', 'b1');
        await roles.start('index', 'i1');
        const published = await publishWithFaults(s.client, f.pings, [
          {
            at: 0.35,
            run: async () => {
              await waitMetric(b1.port, 'rx_stream_pings_built_total', 1, 30_000, b1.p);
              const info = await s.client.jsm.streams.info(s.client.names.pingsStream);
              const leader = info.cluster?.leader ?? 's1';
              killed = Number(leader.replace(/^s/, '')) - 1;
              await f.cluster.kill(killed);
            },
          },
          {
            at: 0.75,
            run: async () => {
              await f.cluster.restart(killed);
            },
          },
        ]);
        expect(killed).toBeGreaterThanOrEqual(0);
        expect(f.cluster.alive(killed)).toBe(true);
        await expectBatchAnswer(s.client, published, f.pings, f.cases);
        // The role processes lived through it: neither exited.
        for (const p of roles.procs)
          expect(await Promise.race([p.exited, Promise.resolve('running')])).toBe('running');
      },
      () => (killed >= 0 ? `\n--- server s${killed + 1}\n${f.cluster.log(killed, 20)}` : ''),
    );
  }, 90_000);
});
