import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RenxingError } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { resolveParams } from '@renxing/engine';
import { auditTrail } from '@renxing/modules/audit';
import { trajectoryChunks, trajectoryDays } from '@renxing/modules/trajectories';
import { destroyStream, openStream, streamConfigFromEnv } from '@renxing/stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importPingsCommand } from './import-pings.js';
import { PURGE_ACTOR, purgeCommand } from './purge.js';

const env = { RENXING_CITY_SECRET: 'cli-city-secret-cli-city-secret-000001' };
const sink = () => {
  let text = '';
  return {
    write: (s: string) => {
      text += s;
      return true;
    },
    get text() {
      return text;
    },
  };
};

/** 2021-11-0D at HH:00 local time (+08:00), epoch seconds. */
const at = (d: number, hh: number) => Date.UTC(2021, 10, d, hh - 8) / 1000;

const CSV = [
  'subject,ts,lon,lat',
  `13800000001,${at(1, 9)},106.55,29.56`,
  `13800000001,${at(1, 9)},106.56,29.56`, // duplicate
  `138x,${at(1, 10)},106.55,29.56`, // not a phone
  `13800000002,${at(2, 9)},106.55,291`, // bad lat
  `13800000002,${at(2, 9)},106.55,29.56`,
  `13800000003,2021-11-03 09:00:00,106.55,29.56`,
].join('\n');

forEachDatabase(
  'import pings and purge commands',
  (t) => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-pings-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('imports, writes the rejects file and the summary, and a second run stores nothing', async () => {
      const file = path.join(dir, 'pings.csv');
      fs.writeFileSync(file, CSV);
      const summary = path.join(dir, 'summary.json');
      const out = sink();
      const first = await importPingsCommand({ file, summary }, 'en', { db: t.db, env, out });
      expect(first).toMatchObject({
        alreadyImported: false,
        rows: 6,
        kept: 3,
        rejected: 2,
        duplicates: 1,
        rejectsFile: `${file}.rejects.csv`,
      });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
        'line,reason\n4,subject is not a phone number\n5,bad lat\n',
      );
      expect(JSON.parse(fs.readFileSync(summary, 'utf8'))).toMatchObject({ rows: 6, kept: 3, rejected: 2 });
      expect(out.text).toContain('pings stored: 3');
      expect(out.text).toContain('days: 3 (2021-11-01 … 2021-11-03)');
      for await (const c of trajectoryChunks(t.db, { fromDay: null, toDay: null }))
        expect(gunzipSync(c.data).toString()).not.toContain('1380000000');

      const again = sink();
      const second = await importPingsCommand({ file }, 'zh-CN', { db: t.db, env, out: again });
      expect(second).toMatchObject({ alreadyImported: true, importId: first.importId, kept: 3 });
      expect(again.text).toContain('该文件此前已导入');
      expect((await trajectoryDays(t.db)).reduce((n, d) => n + d.pings, 0)).toBe(3);
      // The first run's report is left alone by a no-op re-run.
      expect(fs.existsSync(`${file}.rejects.csv`)).toBe(true);
    });

    it('with RENXING_NATS_URL, publishes the pings it stored to the stream (once)', async () => {
      const file = path.join(dir, 'pings.csv');
      fs.writeFileSync(file, CSV);
      const streamEnv = {
        ...env,
        RENXING_NATS_URL: process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222',
        RENXING_STREAM_PREFIX: `t${process.pid}_imp_${Math.random().toString(36).slice(2, 8)}`,
        RENXING_STREAM_PARTITIONS: '2',
        RENXING_STREAM_SHARDS: '1',
      };
      const cfg = streamConfigFromEnv(streamEnv, resolveParams().params);
      if (!cfg) throw new Error('no stream configuration');
      const client = await openStream(cfg);
      try {
        const out = sink();
        const first = await importPingsCommand({ file }, 'en', { db: t.db, env: streamEnv, out });
        expect(first.stream).toEqual({ pings: 3, stored: 3 });
        expect(out.text).toContain('pings published to the stream: 3');
        const messages = async () => (await client.jsm.streams.info(client.names.pingsStream)).state.messages;
        const published = await messages();
        expect(published).toBeGreaterThan(0);
        // The same file again stores nothing and publishes nothing.
        const second = await importPingsCommand({ file }, 'en', { db: t.db, env: streamEnv, out: sink() });
        expect(second.alreadyImported).toBe(true);
        expect(second.stream).toBeUndefined();
        expect(await messages()).toBe(published);
      } finally {
        await destroyStream(client);
        await client.close();
      }
    });

    it('the same file with a newline appended stores nothing and reports the pings already stored', async () => {
      const file = path.join(dir, 'pings.csv');
      fs.writeFileSync(file, CSV);
      await importPingsCommand({ file }, 'en', { db: t.db, env, out: sink() });
      const again = path.join(dir, 'pings-again.csv');
      fs.writeFileSync(again, `${CSV}\n`);
      const summary = path.join(dir, 'again.json');
      const out = sink();
      const second = await importPingsCommand({ file: again, summary }, 'en', { db: t.db, env, out });
      expect(second).toMatchObject({ alreadyImported: false, kept: 0, alreadyStored: 3, duplicates: 1 });
      expect(out.text).toContain('pings stored: 0');
      expect(out.text).toContain('pings already stored (not stored again): 3');
      expect(out.text).toContain('days: 0');
      expect(JSON.parse(fs.readFileSync(summary, 'utf8'))).toMatchObject({ kept: 0, already_stored: 3 });
      expect((await trajectoryDays(t.db)).reduce((n, d) => n + d.pings, 0)).toBe(3);
    });

    it('maps file problems to clear errors and leaves no partial rejects file', async () => {
      const empty = path.join(dir, 'empty.csv');
      fs.writeFileSync(empty, '');
      const noCol = path.join(dir, 'nocol.csv');
      fs.writeFileSync(noCol, 'subject,ts,lon\n');
      const run = (file: string, flags = {}) =>
        importPingsCommand({ file, ...flags }, 'en', { db: t.db, env, out: sink() });
      await expect(run(empty)).rejects.toMatchObject({ code: 'RX_FILE_EMPTY' });
      await expect(run(noCol)).rejects.toMatchObject({ code: 'RX_MISSING_COLUMN' });
      await expect(run(path.join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'RX_FILE_UNREADABLE' });
      await expect(run(empty, { 'tz-offset': '8' })).rejects.toMatchObject({ code: 'RX_BAD_FLAG' });
      await expect(importPingsCommand({}, 'en', { db: t.db, env })).rejects.toBeInstanceOf(RenxingError);
      expect(fs.readdirSync(dir).sort()).toEqual(['empty.csv', 'nocol.csv']);
    });

    it('purges the days before the window, logs it, and verifies', async () => {
      const file = path.join(dir, 'pings.csv');
      fs.writeFileSync(file, CSV);
      await importPingsCommand({ file }, 'en', { db: t.db, env, out: sink() });
      const now = at(23, 12); // 21 days earlier: 2 Nov 12:00, so 1 Nov goes
      const verify = sink();
      expect(await purgeCommand({ verify: true }, 'en', { db: t.db, now, stdout: verify })).toBe(1);
      expect(verify.text).toContain('retention BROKEN: 1 day(s) before 2021-11-02 still stored: 2021-11-01');
      expect(verify.text).toContain('no purge has run yet');

      const out = sink();
      expect(await purgeCommand({}, 'en', { db: t.db, now, stdout: out })).toBe(0);
      expect(out.text).toBe(
        'purged 1 day(s) before 2021-11-02 (retention 21 days): 1 chunks, 1 pings (2021-11-01)\n',
      );
      expect((await trajectoryDays(t.db)).map((d) => d.day)).toEqual(['2021-11-02', '2021-11-03']);
      const ok = sink();
      expect(await purgeCommand({ verify: true }, 'zh-CN', { db: t.db, now, stdout: ok })).toBe(0);
      expect(ok.text).toContain('保留期合规');
      expect(ok.text).toContain(`执行者 ${PURGE_ACTOR}`);
      const { rows } = await t.db.query<{ id: number }>('SELECT id FROM trajectory_purges');
      expect(await auditTrail(t.db, { type: 'trajectory_purge', id: String(rows[0].id) })).toHaveLength(1);

      expect(await purgeCommand({ 'retention-days': '1' }, 'en', { db: t.db, now, stdout: sink() })).toBe(0);
      expect(await trajectoryDays(t.db)).toEqual([]);
      await expect(purgeCommand({ 'retention-days': '0' }, 'en', { db: t.db, now })).rejects.toMatchObject({
        code: 'RX_BAD_FLAG',
      });
    });
  },
  { migrate: true },
);
