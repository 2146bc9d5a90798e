/**
 * Fault: a stay builder process is killed with kill -9 in the middle of the stream (after it has
 * built pings and written a snapshot, with more than half the file still to come) and started
 * again. Two builders share the partitions by lease, so the survivor takes the dead one's share
 * once its leases expire and the restarted one claims a share back, restoring from the snapshot and
 * replaying from the sequence it covers. No ping may be lost or counted twice, and companions must
 * equal the batch engine's on the same pings.
 */
import { describe, expect, it } from 'vitest';
import {
  expectBatchAnswer,
  faultFixture,
  publishWithFaults,
  type Running,
  waitForVictim,
} from './test-support.js';

const f = faultFixture('builder', { phones: 2000, days: 1, seed: 16, cases: 12 });

describe('fault: kill -9 of a stay builder mid-stream (3 servers, replicas 3)', () => {
  it('loses no ping and gives the batch companions, both presets', async () => {
    await f.withRoles('bk', async (s, { start }) => {
      const builders = [await start('builder', 'b1'), await start('builder', 'b2')];
      await start('index', 'i1');
      let killed: Running | null = null;
      let builtBeforeKill = 0;
      const published = await publishWithFaults(s.client, f.pings, [
        {
          at: 0.4,
          run: async () => {
            const v = await waitForVictim(builders, 'rx_stream_pings_built_total', 30_000);
            builtBeforeKill = v.progress;
            killed = v.victim;
            await v.victim.p.kill9();
            await start('builder', v.victim.p.args[3]); // the same id, started again
          },
        },
      ]);
      expect(await (killed as Running | null)?.p.exited).toBeNull(); // killed by the signal
      expect(builtBeforeKill).toBeGreaterThan(0);
      await expectBatchAnswer(s.client, published, f.pings, f.cases);
    });
  }, 90_000);
});
