import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { generateCases, generatePings } from '@renxing/city-gen';
import { RenxingError } from '@renxing/contracts';
import { normalisePhone, pseudonymOf } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { companionsFromCsv } from '@renxing/engine';
import { auditTrail } from '@renxing/modules/audit';
import { expect, it } from 'vitest';
import { trajectoryChunks, trajectoryDays, trajectoryImportBySha } from '../store/trajectories.js';
import { importPings } from './import-pings.js';
import { purgeTrajectories, trajectoryCsv, verifyRetention } from './load.js';

const secret = Buffer.from('trajectory-test-secret-trajectory-test-secret');
const pseudo = (phone: string) => pseudonymOf(secret, normalisePhone(phone)!);
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** 2021-11-0D at HH:MM local time (+08:00), epoch seconds. */
const at = (d: number, hh: number, mm = 0) => Date.UTC(2021, 10, d, hh - 8, mm) / 1000;

async function collect(it: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

/** Every stored ping, as read back for the engine (`subject,ts,lon,lat`), in stored order. */
async function storedRows(db: Parameters<typeof trajectoryCsv>[0]): Promise<string[]> {
  const text = dec(await collect(trajectoryCsv(db, { from: null, to: null })));
  return text.split('\n').slice(1, -1);
}

async function storedPings(db: Parameters<typeof trajectoryDays>[0]): Promise<number> {
  return (await trajectoryDays(db)).reduce((n, d) => n + d.pings, 0);
}

/** A pings CSV (header + rows) of `phones` phones × `perPhone` pings from 2021-11-D 08:00, one a minute. */
function pingsFile(phones: number, perPhone: number, d = 1, from = 0): string[] {
  const rows: string[] = [];
  for (let p = 0; p < phones; p++)
    for (let k = from; k < from + perPhone; k++)
      rows.push(`1380000${String(p).padStart(4, '0')},${at(d, 8, k)},106.${500 + k},29.${500 + p}`);
  return rows;
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const GOOD = [
  'subject,ts,lon,lat,extra',
  `13800000001,${at(1, 9)},106.55,29.56,x`,
  `+86 138-0000-0001,${at(1, 9, 5)},106.551,29.561,`, // the same phone written another way
  `13800000002,2021-11-02 10:00:00,106.6,29.6,`,
  `${'ab'.repeat(32)},2021-11-02T02:00:00Z,1e2,-0.5,`, // already a pseudonym: kept as is
].join('\n');

forEachDatabase(
  'pings import',
  (t) => {
    it('stores pseudonyms only, per local day; the raw phone numbers are nowhere in the store', async () => {
      const r = await importPings(t.db, enc(GOOD), { secret, source: 'good.csv' });
      expect(r).toMatchObject({ alreadyImported: false, rows: 4, kept: 4, rejected: 0, duplicates: 0 });
      expect(r.days).toEqual([
        { day: '2021-11-01', pings: 2 },
        { day: '2021-11-02', pings: 2 },
      ]);
      const stored: string[] = [];
      for await (const c of trajectoryChunks(t.db, { fromDay: null, toDay: null })) {
        expect(dec(c.data)).not.toMatch(/1380000000/); // compressed bytes
        stored.push(dec(gunzipSync(c.data)));
      }
      const text = stored.join('');
      expect(text).not.toMatch(/1380000000/);
      expect(text).toBe(
        [
          `${pseudo('13800000001')},${at(1, 9)},106.55,29.56`,
          `${pseudo('13800000001')},${at(1, 9, 5)},106.551,29.561`,
          `${pseudo('13800000002')},${at(2, 10)},106.6,29.6`,
          `${'ab'.repeat(32)},${at(2, 10)},1e2,-0.5`, // coordinates as written
          '',
        ].join('\n'),
      );
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM trajectory_imports WHERE source = 'good.csv' AND imported_by IS NULL",
      );
      expect(rows[0].n).toBe(1);
    });

    it('the same file twice is stored once, whether given whole or streamed in pieces', async () => {
      const first = await importPings(t.db, pieces(enc(GOOD), 7), { secret, source: 'a.csv' });
      expect(first).toMatchObject({ alreadyImported: false, kept: 4 });
      const again = await importPings(t.db, enc(GOOD), { secret, source: 'b.csv' });
      expect(again).toMatchObject({ alreadyImported: true, importId: first.importId, kept: 4, rows: 4 });
      expect(again.days).toEqual(first.days);
      const streamedAgain = await importPings(t.db, pieces(enc(GOOD), 3), { secret, source: 'c.csv' });
      expect(streamedAgain).toMatchObject({ alreadyImported: true, importId: first.importId });
      expect((await trajectoryDays(t.db)).reduce((n, d) => n + d.pings, 0)).toBe(4);
    });

    it('rejects each bad row with its line and why, keeps every good one, drops later duplicates', async () => {
      const csv = [
        'ts,lat,subject,lon',
        `${at(3, 8)},29.5,13900000001,106.5`, // 2 kept
        `${at(3, 8)},29.6,13900000001,106.6`, // 3 duplicate of line 2 (same subject and instant)
        `${at(3, 8)},29.5,not-a-phone,106.5`, // 4
        `${at(3, 8)},99,13900000002,106.5`, // 5 bad lat
        `yesterday,29.5,13900000002,106.5`, // 6
        '', // 7 blank
        `${at(3, 8)},29.5,,106.5`, // 8 missing subject
        `${at(3, 8)},29.5,13900000002,NaN`, // 9
        `99999999999999,29.5,13900000002,106.5`, // 10 beyond year 9999
        `"${at(3, 9)}",29.5,"139 0000 0002",106.5`, // 11 kept (quoted)
        `${at(3, 10)},29.5,13900000001,106.5`, // 12 kept
        `${at(3, 8)},29.5,"unterminated`, // 13
      ].join('\n');
      const seen: number[] = [];
      const r = await importPings(t.db, enc(csv), {
        secret,
        source: 'bad.csv',
        onReject: (line) => seen.push(line),
      });
      expect(r.rejects).toEqual([
        { line: 4, reason: 'subject is not a phone number' },
        { line: 5, reason: 'bad lat' },
        { line: 6, reason: 'unparseable ts' },
        { line: 7, reason: 'blank line' },
        { line: 8, reason: 'missing subject' },
        { line: 9, reason: 'bad lon' },
        { line: 10, reason: 'ts out of range' },
        { line: 13, reason: 'unterminated quote' },
      ]);
      expect(seen).toEqual(r.rejects.map((x) => x.line));
      expect(r).toMatchObject({ rows: 12, kept: 3, rejected: 8, duplicates: 1 });
      const back = dec(await collect(trajectoryCsv(t.db, { from: null, to: null })));
      expect(back).toBe(
        [
          'subject,ts,lon,lat',
          // Within a day, grouped by subject in order of first appearance, file order within.
          `${pseudo('13900000001')},${at(3, 8)},106.5,29.5`,
          `${pseudo('13900000001')},${at(3, 10)},106.5,29.5`,
          `${pseudo('13900000002')},${at(3, 9)},106.5,29.5`,
          '',
        ].join('\n'),
      );
    });

    it('stops on an empty file or a missing column, storing nothing', async () => {
      const run = (s: string) => importPings(t.db, enc(s), { secret, source: 'x.csv' });
      await expect(run('')).rejects.toMatchObject({ code: 'RX_FILE_EMPTY' });
      await expect(run('subject,ts,lon\n1,2,3\n')).rejects.toBeInstanceOf(RenxingError);
      await expect(run('subject,ts,lon\n')).rejects.toMatchObject({
        code: 'RX_MISSING_COLUMN',
        params: { file: 'x.csv', detail: 'lat' },
      });
      expect(await trajectoryDays(t.db)).toEqual([]);
    });

    it('loads the days overlapping the window ± 1 day, and purges exactly the days before the cutoff', async () => {
      const rows = ['subject,ts,lon,lat'];
      for (let d = 1; d <= 6; d++) rows.push(`13700000001,${at(d, 12)},106.5,29.5`);
      rows.push(`13700000001,${at(6, 23, 59)},106.5,29.5`, `13700000001,${at(7, 0)},106.5,29.5`);
      await importPings(t.db, enc(rows.join('\n')), { secret, source: 'days.csv' });
      const ts = async (w: { from: number | null; to: number | null }) =>
        dec(await collect(trajectoryCsv(t.db, w)))
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => Number(l.split(',')[1]));
      expect(await ts({ from: at(3, 10), to: at(3, 11) })).toEqual([at(2, 12), at(3, 12), at(4, 12)]);
      expect(await ts({ from: null, to: at(1, 0) })).toEqual([at(1, 12), at(2, 12)]); // to + 1 day = 2nd 00:00
      expect(await ts({ from: at(7, 0), to: null })).toEqual([at(6, 12), at(6, 23, 59), at(7, 0)]);
      expect(await ts({ from: at(5, 0), to: at(1, 0) })).toEqual([]);

      const now = at(26, 12); // 21 days earlier is 2021-11-05 12:00: days before the 5th go
      expect(await verifyRetention(t.db, { now })).toMatchObject({
        ok: false,
        cutoff: '2021-11-05',
        staleDays: ['2021-11-01', '2021-11-02', '2021-11-03', '2021-11-04'],
      });
      const purge = await purgeTrajectories(t.db, { now, actor: 'system:purge' });
      expect(purge).toMatchObject({
        cutoff: '2021-11-05',
        retentionDays: 21,
        days: ['2021-11-01', '2021-11-02', '2021-11-03', '2021-11-04'],
        pings: 4,
      });
      expect((await trajectoryDays(t.db)).map((d) => d.day)).toEqual([
        '2021-11-05',
        '2021-11-06',
        '2021-11-07',
      ]);
      expect(await ts({ from: null, to: null })).toEqual([at(5, 12), at(6, 12), at(6, 23, 59), at(7, 0)]);
      const check = await verifyRetention(t.db, { now });
      expect(check).toMatchObject({ ok: true, staleDays: [], oldestDay: '2021-11-05' });
      expect(check.purges[0]).toMatchObject({ id: purge.id, purgedBy: 'system:purge' });
      const audit = await auditTrail(t.db, { type: 'trajectory_purge', id: String(purge.id) });
      expect(audit.map((a) => a.action)).toEqual(['trajectory.purge']);
      // A shorter window, given explicitly.
      expect(await purgeTrajectories(t.db, { now, retentionDays: 20, actor: 'u' })).toMatchObject({
        cutoff: '2021-11-06',
        days: ['2021-11-05'],
      });
      await expect(purgeTrajectories(t.db, { now, retentionDays: 0, actor: 'u' })).rejects.toThrow(
        RangeError,
      );
    });

    it('the stored trajectories give the engine the same companions as the raw file, pseudonymised', async () => {
      const city = { phones: 300, days: 2, seed: 7, cases: 4, badRows: false };
      const raw = [...generatePings(city)].join('');
      const cases = generateCases(city);
      // The raw file with each phone replaced by its pseudonym; subjects that are not phones dropped.
      const lines = raw.split('\n');
      const head = lines[0].split(',');
      const s = head.indexOf('subject');
      const expectedRows = [lines[0]];
      let notPhones = 0;
      for (const line of lines.slice(1)) {
        if (line === '') continue;
        const f = line.split(',');
        const phone = normalisePhone(f[s]);
        if (phone === null) {
          notPhones++;
          continue;
        }
        f[s] = pseudonymOf(secret, phone);
        expectedRows.push(f.join(','));
      }
      const caseLines = cases.trim().split('\n');
      const pseudoCases = [
        caseLines[0],
        ...caseLines.slice(1).map((l) => {
          const [subject, ...rest] = l.split(',');
          return [pseudo(subject), ...rest].join(',');
        }),
      ].join('\n');

      const r = await importPings(t.db, enc(raw), { secret, source: 'city.csv' });
      expect(r.rejected).toBe(notPhones);
      expect(r.rejects.every((x) => x.reason === 'subject is not a phone number')).toBe(true);
      expect(r.kept).toBe(expectedRows.length - 1);
      const loaded = await collect(trajectoryCsv(t.db, { from: null, to: null }));
      expect(dec(loaded)).not.toMatch(/(^|\n)1[3-9][0-9]{9},/);

      const expected = companionsFromCsv(enc(`${expectedRows.join('\n')}\n`), enc(pseudoCases));
      const actual = companionsFromCsv(loaded, enc(pseudoCases));
      expect(expected.summary.companions).toBeGreaterThan(0);
      expect(actual.csv).toBe(expected.csv);
      expect(actual.summary).toEqual(expected.summary);
    });

    it('the same file with one newline appended stores nothing new: every ping counted as already stored', async () => {
      const first = await importPings(t.db, enc(GOOD), { secret, source: 'a.csv' });
      expect(first).toMatchObject({ kept: 4, alreadyStored: 0 });
      const before = await storedRows(t.db);
      const chunksBefore = (await trajectoryDays(t.db)).map((d) => d.chunks);

      const again = await importPings(t.db, enc(`${GOOD}\n`), { secret, source: 'a-again.csv' });
      expect(again).toMatchObject({
        alreadyImported: false, // other bytes: a new import, recorded
        rows: 4,
        kept: 0,
        rejected: 0,
        duplicates: 0,
        alreadyStored: 4,
        days: [],
      });
      expect(again.importId).not.toBe(first.importId);
      expect(await storedRows(t.db)).toEqual(before);
      expect((await trajectoryDays(t.db)).map((d) => d.chunks)).toEqual(chunksBefore);
      const sha = createHash('sha256').update(`${GOOD}\n`).digest('hex');
      expect(await trajectoryImportBySha(t.db, sha)).toMatchObject({ kept: 0, alreadyStored: 4, rows: 4 });
      // Those bytes once more: the fast path, with the counts recorded above.
      const third = await importPings(t.db, enc(`${GOOD}\n`), { secret, source: 'a-third.csv' });
      expect(third).toMatchObject({
        alreadyImported: true,
        importId: again.importId,
        kept: 0,
        alreadyStored: 4,
      });
      // A purge deletes the day's pings once: 2, not 4.
      const purge = await purgeTrajectories(t.db, { now: at(23, 12), actor: 'system:purge' });
      expect(purge).toMatchObject({ days: ['2021-11-01'], pings: 2 });
      expect(await storedPings(t.db)).toBe(2);
    });

    it('a file half of stored pings, half new, stores only the new half, however the old half is written', async () => {
      const old = pingsFile(20, 10); // 200 pings of 2021-11-01, 08:00–08:09
      await importPings(t.db, enc(['subject,ts,lon,lat', ...old].join('\n')), { secret, source: 'old.csv' });
      const fresh = pingsFile(20, 10, 1, 10); // the same phones, 08:10–08:19
      // The old half re-written: another column order, phones as +86 …, instants as local text,
      // coordinates with trailing zeros, rows in reverse.
      const rewritten = old
        .map((row) => {
          const [phone, ts, lon, lat] = row.split(',');
          const local = new Date((Number(ts) + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');
          return `${lat}0,+86 ${phone},${lon}00,${local}`;
        })
        .reverse();
      const reordered = fresh.map((row) => {
        const [phone, ts, lon, lat] = row.split(',');
        return `${lat},${phone},${lon},${ts}`;
      });
      const mixed = ['lat,subject,lon,ts', ...rewritten.flatMap((r, k) => [r, reordered[k]])].join('\n');
      const r = await importPings(t.db, enc(mixed), { secret, source: 'mixed.csv' });
      expect(r).toMatchObject({ rows: 400, kept: 200, alreadyStored: 200, duplicates: 0, rejected: 0 });
      expect(r.days).toEqual([{ day: '2021-11-01', pings: 200 }]);
      expect(await storedPings(t.db)).toBe(400);
      const expected = [...old, ...fresh].map((row) => {
        const [phone, ...rest] = row.split(',');
        return [pseudo(phone), ...rest].join(',');
      });
      expect((await storedRows(t.db)).sort()).toEqual(expected.sort());
      // The store is a set: no ping twice.
      expect(new Set(await storedRows(t.db)).size).toBe(400);
    });

    it('a file whose pings are all stored already, over two days and two earlier imports, stores nothing', async () => {
      const day1 = pingsFile(15, 8, 1);
      const day2 = pingsFile(15, 8, 2);
      await importPings(t.db, enc(['subject,ts,lon,lat', ...day1].join('\n')), { secret, source: 'd1.csv' });
      await importPings(t.db, enc(['subject,ts,lon,lat', ...day2].join('\n')), { secret, source: 'd2.csv' });
      const before = await trajectoryDays(t.db);
      const both = [...day2, ...day1, day1[3]].reverse(); // both days, and one row twice in the file
      const r = await importPings(t.db, enc(['subject,ts,lon,lat', ...both].join('\n')), {
        secret,
        source: 'both.csv',
      });
      expect(r).toMatchObject({
        alreadyImported: false,
        rows: 241,
        kept: 0,
        duplicates: 1,
        alreadyStored: 240,
      });
      expect(r.days).toEqual([]);
      expect(await trajectoryDays(t.db)).toEqual(before);
    });

    it('a ping at a stored subject and instant but another position is not the same ping: stored, read back after the first', async () => {
      const one = `subject,ts,lon,lat\n13800000001,${at(1, 9)},106.55,29.56\n`;
      await importPings(t.db, enc(one), { secret, source: 'one.csv' });
      const moved = `subject,ts,lon,lat\n13800000001,${at(1, 9)},106.6,29.56\n13800000001,${at(1, 9)},106.55,29.56\n`;
      const r = await importPings(t.db, enc(moved), { secret, source: 'moved.csv' });
      // The file's own first row wins within the file (the contract's duplicate rule); it differs
      // from the stored ping by position, so it is stored; the engine keeps the first on reading.
      expect(r).toMatchObject({ kept: 1, duplicates: 1, alreadyStored: 0 });
      expect(await storedRows(t.db)).toEqual([
        `${pseudo('13800000001')},${at(1, 9)},106.55,29.56`,
        `${pseudo('13800000001')},${at(1, 9)},106.6,29.56`,
      ]);
      const again = await importPings(t.db, enc(`${moved}\n`), { secret, source: 'moved-again.csv' });
      expect(again).toMatchObject({ kept: 0, duplicates: 1, alreadyStored: 1 });
    });

    it('two imports of the same pings at the same time store them once', async () => {
      // A few rounds, one day each: without the day's lock the two would often both store them.
      for (let d = 1; d <= 4; d++) {
        const rows = pingsFile(30, 20, d);
        const a = ['subject,ts,lon,lat', ...rows].join('\n');
        const b = ['subject,ts,lon,lat', ...[...rows].reverse()].join('\n'); // other bytes, same pings
        const [ra, rb] = await Promise.all([
          importPings(t.db, enc(a), { secret, source: 'a.csv' }),
          importPings(t.db, enc(b), { secret, source: 'b.csv' }),
        ]);
        expect([ra.kept + rb.kept, ra.alreadyStored + rb.alreadyStored]).toEqual([600, 600]);
        expect(await storedPings(t.db)).toBe(600 * d);
      }
    });

    it('overlapping imports leave the store giving the same companions as the whole file once', async () => {
      const city = { phones: 300, days: 2, seed: 11, cases: 4, badRows: false };
      const raw = [...generatePings(city)].join('');
      const cases = generateCases(city);
      const lines = raw.trimEnd().split('\n');
      const head = lines[0];
      const body = lines.slice(1);
      const third = Math.floor(body.length / 3);
      // Two files that overlap in the middle third, then the whole file with a newline appended.
      const first = [head, ...body.slice(0, 2 * third)].join('\n');
      const second = [head, ...body.slice(third)].join('\n');
      const pseudoCases = cases
        .trim()
        .split('\n')
        .map((l, k) => {
          if (k === 0) return l;
          const [subject, ...rest] = l.split(',');
          return [pseudo(subject), ...rest].join(',');
        })
        .join('\n');

      const once = await importPings(t.db, enc(raw), { secret, source: 'once.csv' });
      const expected = companionsFromCsv(
        await collect(trajectoryCsv(t.db, { from: null, to: null })),
        enc(pseudoCases),
      );
      expect(expected.summary.companions).toBeGreaterThan(0);
      await t.db.exec('DELETE FROM trajectory_chunks; DELETE FROM trajectory_imports;');

      const r1 = await importPings(t.db, enc(first), { secret, source: 'first.csv' });
      const r2 = await importPings(t.db, enc(second), { secret, source: 'second.csv' });
      const r3 = await importPings(t.db, enc(`${raw}\n`), { secret, source: 'whole.csv' });
      expect(r1.kept + r2.kept).toBe(once.kept);
      expect(r2.alreadyStored).toBeGreaterThan(0);
      expect(r3).toMatchObject({ kept: 0, alreadyStored: once.kept });
      expect(await storedPings(t.db)).toBe(once.kept);
      const actual = companionsFromCsv(
        await collect(trajectoryCsv(t.db, { from: null, to: null })),
        enc(pseudoCases),
      );
      expect(actual.csv).toBe(expected.csv);
      expect(actual.summary).toEqual(expected.summary);
    });
  },
  { migrate: true },
);
