/**
 * The pings import publishing to the stream: after the commit, only what it stored, one batch per
 * stored chunk under ids that a retry or a re-publish from the store repeats exactly; a stream that
 * fails loses no stored ping and is caught up from the store.
 */
import { normalisePhone, pseudonymOf } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import type { PingBatch } from '@renxing/stream';
import { expect, it } from 'vitest';
import { trajectoryDays } from '../store/trajectories.js';
import { importPings } from './import-pings.js';
import {
  batchOfCsv,
  PingsPublisher,
  type PingsSink,
  publishStore,
  publishStoredImport,
} from './publish-pings.js';

const secret = Buffer.from('publish-test-secret-publish-test-secret');
const pseudo = (phone: string) => pseudonymOf(secret, normalisePhone(phone)!);
const enc = (s: string) => new TextEncoder().encode(s);
const at = (d: number, hh: number, mm = 0) => Date.UTC(2021, 10, d, hh - 8, mm) / 1000;

const FILE = [
  'subject,ts,lon,lat',
  `13800000001,${at(1, 9)},106.55,29.56`,
  `13800000001,${at(1, 9)},106.99,29.99`, // the same subject and instant: a duplicate, not published
  `13800000002,${at(1, 9, 5)},1e2,-0.5`,
  `not-a-phone,${at(1, 9)},106.5,29.5`, // rejected
  `13800000001,${at(2, 10)},106.551,29.561`,
].join('\n');

/** A sink that records what it is given; `fail` makes the next calls throw. */
function recorder() {
  const sent: { id: string; rows: string[] }[] = [];
  const sink: PingsSink & { fail: number } = {
    fail: 0,
    async publish(batch: PingBatch, id: string) {
      if (this.fail > 0) {
        this.fail--;
        throw new Error('RX_STREAM_PUBLISH: no responders');
      }
      const rows: string[] = [];
      for (let k = 0; k < batch.count; k++)
        rows.push(`${batch.subject[k]},${batch.ts[k]},${batch.lon[k]},${batch.lat[k]}`);
      sent.push({ id, rows });
      return batch.count;
    },
  };
  return { sent, sink };
}

forEachDatabase(
  'pings published to the stream',
  (t) => {
    it('publishes the stored pings after the commit, one batch per stored chunk; the same file again nothing', async () => {
      const { sent, sink } = recorder();
      const publisher = new PingsPublisher(t.db, sink);
      const progress: number[] = [];
      const r = await importPings(t.db, enc(FILE), {
        secret,
        source: 'a.csv',
        stream: publisher,
        onProgress: (p) => {
          if (p.published !== undefined) progress.push(p.published);
        },
      });
      expect(r).toMatchObject({ kept: 3, duplicates: 1, rejected: 1, stream: { pings: 3, stored: 3 } });
      // One batch per stored chunk (here one a day), ids `<import>.<ordinal>`, pseudonyms only.
      expect(sent).toEqual([
        {
          id: `${r.importId}.0`,
          rows: [
            `${pseudo('13800000001')},${at(1, 9)},106.55,29.56`,
            `${pseudo('13800000002')},${at(1, 9, 5)},100,-0.5`,
          ],
        },
        { id: `${r.importId}.1`, rows: [`${pseudo('13800000001')},${at(2, 10)},106.551,29.561`] },
      ]);
      expect(progress).toEqual([2, 3]);
      // Re-published from the store: the same batches under the same ids (JetStream drops them).
      const replay = recorder();
      expect(await publishStoredImport(t.db, replay.sink, r.importId)).toBe(3);
      expect(replay.sent).toEqual(sent);

      const again = await importPings(t.db, enc(FILE), { secret, source: 'a.csv', stream: publisher });
      expect(again.alreadyImported).toBe(true);
      // Other bytes holding the same pings plus one: only the new ping is stored and published.
      const more = await importPings(t.db, enc(`${FILE}\n13800000003,${at(2, 11)},106.6,29.6\n`), {
        secret,
        source: 'b.csv',
        stream: publisher,
      });
      expect(more).toMatchObject({ kept: 1, alreadyStored: 3, stream: { pings: 1, stored: 1 } });
      expect(sent.slice(2)).toEqual([
        { id: `${more.importId}.0`, rows: [`${pseudo('13800000003')},${at(2, 11)},106.6,29.6`] },
      ]);
      await publisher.close();
      // Streaming switched on later: the whole store, under the ids the imports used.
      const backfill = recorder();
      expect(await publishStore(t.db, backfill.sink)).toEqual({ pings: 4, imports: 2 });
      const byId = (x: { id: string }[]) => x.map((b) => b.id).sort();
      expect(byId(backfill.sent)).toEqual(byId(sent));
      expect(backfill.sent.flatMap((b) => b.rows).sort()).toEqual(sent.flatMap((b) => b.rows).sort());
    });

    it('a stream that fails loses no stored ping: the import is pending and caught up from the store', async () => {
      const { sent, sink } = recorder();
      const lines: string[] = [];
      const publisher = new PingsPublisher(t.db, sink, {
        attempts: 2,
        backoffMs: 1,
        retryEveryMs: 3_600_000, // retried by hand below
        log: (l) => lines.push(l),
      });
      sink.fail = 2; // the first batch fails twice: every attempt
      const r = await importPings(t.db, enc(FILE), { secret, source: 'a.csv', stream: publisher });
      expect(r).toMatchObject({ alreadyImported: false, kept: 3 });
      expect(r.stream).toMatchObject({ pings: 0, stored: 0, error: 'RX_STREAM_PUBLISH: no responders' });
      expect((await trajectoryDays(t.db)).reduce((n, d) => n + d.pings, 0)).toBe(3);
      expect(publisher.pending()).toEqual([r.importId]);
      expect(lines.join('\n')).toMatch(/stored but not published/);

      await publisher.retryPending();
      expect(publisher.pending()).toEqual([]);
      expect(sent.map((s) => s.id)).toEqual([`${r.importId}.0`, `${r.importId}.1`]);
      expect(sent.flatMap((s) => s.rows)).toHaveLength(3);
      await publisher.close();
    });

    it('one failed attempt is retried with the same id, and the import is published whole', async () => {
      const { sent, sink } = recorder();
      const publisher = new PingsPublisher(t.db, sink, { attempts: 2, backoffMs: 1 });
      sink.fail = 1;
      const r = await importPings(t.db, enc(FILE), { secret, source: 'a.csv', stream: publisher });
      expect(r.stream).toEqual({ pings: 3, stored: 3 });
      expect(sent.map((s) => s.id)).toEqual([`${r.importId}.0`, `${r.importId}.1`]);
      expect(publisher.pending()).toEqual([]);
    });
  },
  { migrate: true },
);

it('reads stored CSV rows back as a batch (coordinates parsed as the engine parses them)', () => {
  const s = 'ab'.repeat(32);
  const b = batchOfCsv(enc(`${s},1635728400,106.55,29.56\n${s},-5,1e2,-0.5\n`));
  expect(b.count).toBe(2);
  expect(b.subject).toEqual([s, s]);
  expect([...b.ts]).toEqual([1635728400, -5]);
  expect([...b.lon]).toEqual([106.55, 100]);
  expect([...b.lat]).toEqual([29.56, -0.5]);
  expect(() => batchOfCsv(enc(`${s},1\n`))).toThrow(/malformed/);
});
