/**
 * Fault: an index worker process is killed with kill -9 in the middle of the stream (after it has
 * applied stays and written a snapshot, with more than half the file still to come) and started
 * again. Two index workers share the shards by lease: the survivor takes the dead one's shards once
 * their leases expire, the restarted one claims a share back from its snapshot and replays the
 * stays stream from the sequence the snapshot covers. Every stay must end up exactly once, so
 * companions equal the batch engine's on the same pings.
 */
import { describe, expect, it } from 'vitest';
import {
  expectBatchAnswer,
  faultFixture,
  publishWithFaults,
  type Running,
  waitForVictim,
} from './test-support.js';

const f = faultFixture('index', { phones: 2000, days: 1, seed: 16, cases: 12 });

describe('fault: kill -9 of an index worker mid-stream (3 servers, replicas 3)', () => {
  it('loses no ping and gives the batch companions, both presets', async () => {
    await f.withRoles('ik', async (s, { start }) => {
      await start('builder', 'b1');
      const workers = [await start('index', 'i1'), await start('index', 'i2')];
      let killed: Running | null = null;
      let staysBeforeKill = 0;
      const published = await publishWithFaults(s.client, f.pings, [
        {
          at: 0.4,
          run: async () => {
            const v = await waitForVictim(workers, 'rx_stream_index_stays', 30_000);
            staysBeforeKill = v.progress;
            killed = v.victim;
            await v.victim.p.kill9();
            await start('index', v.victim.p.args[3]); // the same id, started again
          },
        },
      ]);
      expect(await (killed as Running | null)?.p.exited).toBeNull(); // killed by the signal
      expect(staysBeforeKill).toBeGreaterThan(0);
      await expectBatchAnswer(s.client, published, f.pings, f.cases);
    });
  }, 90_000);
});
