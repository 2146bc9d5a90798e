/**
 * Detection through the stream (streaming at city scale): a seeded city's pings imported with
 * streaming on are published after the commit, built into stays and indexed by roles running in
 * this process on the machine's NATS (127.0.0.1:4222, a prefix of this test's own, deleted after),
 * and detection through the stream stores exactly the companions detection in-process stores.
 * Without NATS, the fallbacks: a preset the stream's stays do not fit, and a stream that fails.
 */
import { randomBytes } from 'node:crypto';
import { generateCases, generatePings } from '@renxing/city-gen';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { resolveParams } from '@renxing/engine';
import { importPings, PingsPublisher } from '@renxing/modules/trajectories';
import {
  destroyStream,
  openStream,
  publishPingBatch,
  queryStreamed,
  type Role,
  startIndexWorker,
  startStayBuilder,
  waitCaughtUp,
} from '@renxing/stream';
import { expect, it } from 'vitest';
import { type CompanionStream, detectCases } from './detect.js';
import { registerCase } from './register.js';

const NATS = process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222';
const secret = Buffer.from('stream-detect-secret-stream-detect-secret');
const CITY = { phones: 300, days: 2, seed: 7, cases: 4, badRows: true };
/** The simulated days are 2026-11-01 and 02 (+08:00); the cases are confirmed the day after. */
const NOW = Date.parse('2026-11-03T09:00:00+08:00') / 1000;
const enc = (s: string) => new TextEncoder().encode(s);
/** The roles' clock (retention counts back from it): the simulated city's, not today's. */
const clock = () => NOW * 1000;

/** The city's cases, registered by phone, alternating the two presets. */
async function registerCity(db: Db, city: typeof CITY = CITY): Promise<string[]> {
  const ids: string[] = [];
  const lines = generateCases(city).trim().split('\n').slice(1);
  for (const [k, line] of lines.entries()) {
    const [phone, from, to] = line.split(',');
    const at = (s: string) => (s === '' ? null : Date.parse(s) / 1000);
    const r = await registerCase(
      db,
      { phone, confirmedAt: NOW - 3600, from: at(from), to: at(to) },
      { secret, preset: k % 2 === 0 ? 'default' : 'chengdu-2021', actorId: 'system:test', now: NOW },
    );
    ids.push(r.case.id);
  }
  return ids;
}

/** Every stored companion, in one order. */
async function storedCompanions(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ row: string }>(
    `SELECT concat_ws(' ', case_id, subject_pseudonym, cell, extract(epoch FROM overlap_start),
                      extract(epoch FROM overlap_end), overlap_s) AS row
       FROM companions ORDER BY case_id, subject_pseudonym`,
  );
  return rows.map((r) => r.row);
}

const { params: DEFAULT } = resolveParams('default');

forEachDatabase(
  'detection through the stream',
  (t) => {
    it('imports with streaming on, builds in-process, and stores the companions the in-process engine stores', async () => {
      const prefix = `t${process.pid}_det_${randomBytes(3).toString('hex')}`;
      const client = await openStream({
        servers: [NATS],
        prefix,
        partitions: 4,
        shards: 3,
        replicas: 1,
        params: DEFAULT,
        snapshotDir: null,
        snapshotEverySeconds: 1,
      });
      const roles: Role[] = [];
      const lines: string[] = [];
      try {
        const log = (line: string) => lines.push(line);
        roles.push(await startStayBuilder(client, { id: `${prefix}-b`, log, now: clock }));
        roles.push(await startIndexWorker(client, { id: `${prefix}-i`, log, now: clock }));
        const publisher = new PingsPublisher(t.db, {
          publish: (batch, id) => publishPingBatch(client, batch, id),
        });

        const raw = enc([...generatePings(CITY)].join(''));
        const imported = await importPings(t.db, raw, { secret, source: 'city.csv', stream: publisher });
        expect(imported.kept).toBeGreaterThan(10_000);
        // The kept pings — not the rejects, not the file's duplicates — all stored by JetStream.
        expect(imported.stream).toEqual({ pings: imported.kept, stored: imported.kept });
        // The same file again stores and publishes nothing.
        const again = await importPings(t.db, raw, { secret, source: 'city.csv', stream: publisher });
        expect(again.alreadyImported).toBe(true);
        expect(again.stream).toBeUndefined();

        const ids = await registerCity(t.db);
        const stream: CompanionStream = {
          params: client.cfg.params,
          caughtUp: () => waitCaughtUp(client, { timeoutMs: 60_000 }),
          query: (cases, params) => queryStreamed(client, cases, params),
        };
        const phases: string[] = [];
        const streamed = await detectCases(t.db, ids, {
          now: NOW,
          stream,
          log,
          onProgress: (_, p) => phases.push(p.phase),
        });
        const viaStream = await storedCompanions(t.db);
        expect(lines.filter((l) => l.startsWith('detection:'))).toEqual([]);
        // Loading (the shards catching up), querying, storing: no index built here.
        expect(phases).toContain('querying');
        expect(phases).not.toContain('indexing');

        const inProcess = await detectCases(t.db, ids, { now: NOW });
        for (const [k, r] of streamed.entries()) {
          if (r instanceof Error) throw r;
          const b = inProcess[k];
          if (b instanceof Error) throw b;
          expect(r.companions).toBe(b.companions);
          expect(b.newCompanions).toBe(0); // nothing the stream had not already found
          expect(r.pings).toBe(b.pings);
        }
        expect(streamed.reduce((n, r) => n + (r instanceof Error ? 0 : r.companions), 0)).toBeGreaterThan(0);
        expect(await storedCompanions(t.db)).toEqual(viaStream);
        expect(publisher.pending()).toEqual([]);
        await publisher.close();
      } finally {
        for (const role of roles) await role.stop().catch(() => {});
        await destroyStream(client).catch(() => {});
        await client.close();
      }
    });

    it('without a fitting or answering stream, detects in-process from the store and says so', async () => {
      const small = { ...CITY, phones: 60, cases: 2 };
      await importPings(t.db, enc([...generatePings(small)].join('')), { secret, source: 'small.csv' });
      const ids = await registerCity(t.db, small);
      const reference = await detectCases(t.db, ids, { now: NOW });
      const before = await storedCompanions(t.db);
      const lines: string[] = [];
      const never: CompanionStream['query'] = () => {
        throw new Error('the stream must not be asked');
      };
      // Stays built on another grid cannot answer: in-process, and the log names the difference.
      const otherGrid = await detectCases(t.db, ids, {
        now: NOW,
        stream: { params: { ...DEFAULT, size: 500 }, caughtUp: async () => {}, query: never },
        log: (l) => lines.push(l),
      });
      expect(lines.some((l) => /size 800 \(stream 500\).*in-process/.test(l))).toBe(true);
      // A stream that does not answer: in-process as well.
      lines.length = 0;
      const down = await detectCases(t.db, ids, {
        now: NOW,
        stream: {
          params: DEFAULT,
          caughtUp: async () => {
            throw new Error('RX_STREAM_NOT_CAUGHT_UP');
          },
          query: never,
        },
        log: (l) => lines.push(l),
      });
      expect(lines.some((l) => /did not answer.*in-process/.test(l))).toBe(true);
      for (const runs of [otherGrid, down])
        expect(runs.map((r) => (r instanceof Error ? r.message : r.companions))).toEqual(
          reference.map((r) => (r instanceof Error ? r.message : r.companions)),
        );
      expect(await storedCompanions(t.db)).toEqual(before);
    });
  },
  { migrate: true },
);
