import { forEachDatabase } from '@renxing/db/testing';
import { auditTrail, verifyAuditChain } from '@renxing/modules/audit';
import { expect, it } from 'vitest';
import {
  insertTrajectoryImport,
  type NewTrajectoryChunk,
  type NewTrajectoryImport,
  purgeTrajectoryDays,
  trajectoryChunks,
  trajectoryChunksOverlapping,
  trajectoryDays,
  trajectoryImportBySha,
  trajectoryImportDays,
  trajectoryRetention,
} from './trajectories.js';

const entry = (sha: string): NewTrajectoryImport => ({
  sha256: sha.repeat(64 / sha.length),
  source: 'pings.csv',
  rows: 3,
  kept: 3,
  rejected: 0,
  duplicates: 0,
  alreadyStored: 0,
});

const chunk = (day: string, pings: number, text = day): NewTrajectoryChunk => ({
  day,
  pings,
  minTs: 1,
  maxTs: 2,
  data: new TextEncoder().encode(text),
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

forEachDatabase(
  'trajectory store',
  (t) => {
    it('stores an import with its chunks once; the same sha256 again is a no-op', async () => {
      const first = await insertTrajectoryImport(t.db, entry('a'), [
        chunk('2021-11-02', 2),
        chunk('2021-11-01', 1),
        chunk('2021-11-02', 4, 'more'),
      ]);
      expect(first).toMatchObject({ alreadyImported: false, chunks: 3, import: { source: 'pings.csv' } });
      const again = await insertTrajectoryImport(t.db, entry('a'), [chunk('2021-11-03', 9)]);
      expect(again).toMatchObject({ alreadyImported: true, chunks: 0, import: { id: first.import.id } });
      expect(await trajectoryDays(t.db)).toEqual([
        { day: '2021-11-01', pings: 1, chunks: 1, bytes: 10 },
        { day: '2021-11-02', pings: 6, chunks: 2, bytes: 14 },
      ]);
      expect(await trajectoryImportDays(t.db, first.import.id)).toEqual([
        { day: '2021-11-01', pings: 1 },
        { day: '2021-11-02', pings: 6 },
      ]);
      expect((await trajectoryImportBySha(t.db, 'a'.repeat(64)))?.id).toBe(first.import.id);
      expect(await trajectoryImportBySha(t.db, 'b'.repeat(64))).toBeNull();
    });

    it('reads chunks of a day range in day order, bytes intact', async () => {
      await insertTrajectoryImport(t.db, entry('a'), [chunk('2021-11-03', 1), chunk('2021-11-01', 1)]);
      await insertTrajectoryImport(t.db, entry('b'), [chunk('2021-11-02', 1), chunk('2021-11-01', 1, 'x')]);
      const all = await collect(trajectoryChunks(t.db, { fromDay: null, toDay: null }));
      expect(all.map((c) => c.day)).toEqual(['2021-11-01', '2021-11-01', '2021-11-02', '2021-11-03']);
      expect(new TextDecoder().decode(all[1].data)).toBe('x');
      expect(all[0].data).toBeInstanceOf(Uint8Array);
      const some = await collect(trajectoryChunks(t.db, { fromDay: '2021-11-02', toDay: '2021-11-02' }));
      expect(some.map((c) => c.day)).toEqual(['2021-11-02']);
      const from = await collect(trajectoryChunks(t.db, { fromDay: '2021-11-02', toDay: null }));
      expect(from.map((c) => c.day)).toEqual(['2021-11-02', '2021-11-03']);
    });

    it('reads back only the chunks of the given days whose instants overlap the given span', async () => {
      const span = (day: string, minTs: number, maxTs: number, text: string): NewTrajectoryChunk => ({
        day,
        pings: 1,
        minTs,
        maxTs,
        data: new TextEncoder().encode(text),
      });
      await insertTrajectoryImport(t.db, { ...entry('a'), alreadyStored: 7 }, [
        span('2021-11-01', 100, 200, 'a'),
        span('2021-11-01', 300, 400, 'b'),
        span('2021-11-02', 100, 200, 'c'),
        span('2021-11-03', 100, 200, 'd'),
      ]);
      expect((await trajectoryImportBySha(t.db, 'a'.repeat(64)))?.alreadyStored).toBe(7);
      const read = async (spans: { day: string; minTs: number; maxTs: number }[]) =>
        (await collect(trajectoryChunksOverlapping(t.db, spans))).map((c) =>
          new TextDecoder().decode(c.data),
        );
      expect(
        await read([
          { day: '2021-11-01', minTs: 200, maxTs: 300 }, // touches both ends
          { day: '2021-11-03', minTs: 150, maxTs: 150 },
        ]),
      ).toEqual(['a', 'b', 'd']);
      expect(await read([{ day: '2021-11-01', minTs: 201, maxTs: 299 }])).toEqual([]);
      expect(await read([{ day: '2021-11-04', minTs: 0, maxTs: 1000 }])).toEqual([]);
      expect(await read([])).toEqual([]);
    });

    it('a failure while storing chunks leaves nothing, and the retry stores it all', async () => {
      async function* failing(): AsyncGenerator<NewTrajectoryChunk> {
        yield chunk('2021-11-01', 1);
        throw new Error('disk on fire');
      }
      await expect(insertTrajectoryImport(t.db, entry('c'), failing())).rejects.toThrow('disk on fire');
      expect(await trajectoryDays(t.db)).toEqual([]);
      expect(await trajectoryImportBySha(t.db, 'c'.repeat(64))).toBeNull();
      const retry = await insertTrajectoryImport(t.db, entry('c'), [chunk('2021-11-01', 1)]);
      expect(retry.alreadyImported).toBe(false);
      expect((await trajectoryDays(t.db)).map((d) => d.day)).toEqual(['2021-11-01']);
    });

    it('purges exactly the days before the cutoff, logs it, and verifies retention', async () => {
      await insertTrajectoryImport(t.db, entry('a'), [
        chunk('2021-11-01', 5),
        chunk('2021-11-02', 7),
        chunk('2021-11-03', 11),
      ]);
      await insertTrajectoryImport(t.db, entry('b'), [chunk('2021-11-02', 1)]);
      const before = await trajectoryRetention(t.db, { cutoff: '2021-11-03' });
      expect(before).toMatchObject({ ok: false, staleDays: ['2021-11-01', '2021-11-02'], purges: [] });
      const purge = await purgeTrajectoryDays(t.db, {
        cutoff: '2021-11-03',
        retentionDays: 21,
        actor: 'system:purge',
      });
      expect(purge).toMatchObject({
        cutoff: '2021-11-03',
        retentionDays: 21,
        days: ['2021-11-01', '2021-11-02'],
        chunks: 3,
        pings: 13,
        purgedBy: 'system:purge',
      });
      expect(await trajectoryDays(t.db)).toEqual([{ day: '2021-11-03', pings: 11, chunks: 1, bytes: 10 }]);
      const after = await trajectoryRetention(t.db, { cutoff: '2021-11-03' });
      expect(after).toMatchObject({ ok: true, staleDays: [], oldestDay: '2021-11-03' });
      expect(after.purges.map((p) => p.id)).toEqual([purge.id]);
      // Nothing left to purge: still logged, so the log shows the job ran.
      const empty = await purgeTrajectoryDays(t.db, { cutoff: '2021-11-03', retentionDays: 21, actor: 'x' });
      expect(empty).toMatchObject({ days: [], chunks: 0, pings: 0 });
      const audit = await auditTrail(t.db, { type: 'trajectory_purge', id: String(purge.id) });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'trajectory.purge',
        actor: 'system:purge',
        detail: { cutoff: '2021-11-03', days: ['2021-11-01', '2021-11-02'], chunks: 3, pings: 13 },
      });
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  },
  { migrate: true },
);
