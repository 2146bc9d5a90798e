/**
 * Pings import benchmark: what it costs to keep a day's stored pings a set. N generated pings
 * (default 1,000,000: 10,000 phones × 100, one a minute) are imported through the same path as
 * `renxing import pings` (parse, pseudonymise, compare with the day's stored pings, store) into a
 * fresh database on the PostgreSQL server at TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), created and dropped by the run; `--pglite` uses an
 * embedded PGlite in a temporary folder instead.
 *
 *   tsc -b && node bench/dist/pings-import.js [--pings N] [--pglite]
 *
 * Four imports, each timed whole and split at the first stored chunk (parse; then reading and
 * comparing the day's stored pings plus the first chunk; then storing the rest):
 *   1. N pings onto an empty day (day 1)            — what an import cost before: nothing to read
 *   2. N other pings onto another empty day (day 2) — the same, with the database warm
 *   3. N pings of the same phones 30 s after theirs onto day 1, which holds N — all new: every
 *      stored ping is read and its subject and instant looked up
 *   4. file 3 with one newline appended (one blank row more) — all already stored: every stored
 *      ping of theirs also compared by position; nothing written but the import record
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { citySecret, type Db, migrate, openDatabase } from '@renxing/db';
import { importPings, trajectoryDays } from '@renxing/modules/trajectories';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    pings: { type: 'string', default: '1000000' },
    pglite: { type: 'boolean', default: false },
  },
});
const n = Number(values.pings);
if (!Number.isSafeInteger(n) || n < 100) throw new RangeError('--pings takes a whole number ≥ 100');
const PER_PHONE = 100;
const phones = Math.ceil(n / PER_PHONE);

/** 2021-11-D 00:00 +08:00, epoch seconds. */
const dayStart = (d: number) => Date.UTC(2021, 10, d, -8) / 1000;

/**
 * `phones` phones (numbers from `firstPhone`) × PER_PHONE pings on day `d`, one a minute from
 * `fromSecond` after midnight, positions in the city's box written with 6 decimals as the generator does.
 */
function pingsCsv(d: number, firstPhone: number, fromSecond: number): Buffer {
  const parts: string[] = ['subject,ts,lon,lat\n'];
  const t0 = dayStart(d) + fromSecond;
  let rows: string[] = [];
  for (let p = 0; p < phones; p++) {
    const phone = `1${3 + ((firstPhone + p) % 7)}${String(firstPhone + p).padStart(9, '0')}`;
    for (let k = 0; k < PER_PHONE; k++) {
      const lon = 106.4 + ((p * 7919 + k * 104729) % 300000) / 1e6;
      const lat = 29.5 + ((p * 15485863 + k * 32452843) % 200000) / 1e6;
      rows.push(`${phone},${t0 + k * 60},${lon.toFixed(6)},${lat.toFixed(6)}\n`);
    }
    if (rows.length >= 65536) {
      parts.push(rows.join(''));
      rows = [];
    }
  }
  parts.push(rows.join(''));
  return Buffer.from(parts.join(''));
}

const secret = citySecret({
  env: { RENXING_CITY_SECRET: 'bench-city-secret-bench-city-secret-01' },
  dataDir: '.',
});

async function timedImport(db: Db, label: string, csv: Uint8Array): Promise<void> {
  const t0 = performance.now();
  let parsed = 0;
  let firstStored = 0;
  const r = await importPings(db, csv, {
    secret,
    source: label,
    onProgress: (p) => {
      if (p.stored === undefined) parsed = performance.now();
      else if (firstStored === 0) firstStored = performance.now();
    },
  });
  const end = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const split =
    firstStored > 0
      ? `parse ${s(parsed - t0)}, compare + first chunk ${s(firstStored - parsed)}, store ${s(end - firstStored)}`
      : `parse ${s(parsed - t0)}, compare + record ${s(end - parsed)}`;
  console.log(
    `${label}: ${s(end - t0)} (${split}); ${r.rows.toLocaleString('en')} rows, ` +
      `${r.kept.toLocaleString('en')} stored, ${r.alreadyStored.toLocaleString('en')} already stored`,
  );
}

let db: Db;
let cleanup: () => Promise<void>;
if (values.pglite) {
  const dir = mkdtempSync(join(os.tmpdir(), 'renxing-bench-pglite-'));
  db = await openDatabase({ dataDir: dir }, {});
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
  console.log(`PGlite in ${dir}`);
} else {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `renxing_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  db = await openDatabase({ url: url.toString() }, {});
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  };
  console.log(`PostgreSQL database ${dbName}`);
}
try {
  await migrate(db);
  const count = (phones * PER_PHONE).toLocaleString('en');
  let t0 = performance.now();
  const first = pingsCsv(1, 0, 0); // day 1, phones 0…, 00:00 on
  const second = pingsCsv(2, 0, 0); // day 2, the same phones and minutes
  const onto = pingsCsv(1, 0, 30); // day 1 again, the same phones, each 30 s after one stored
  const again = Buffer.concat([onto, Buffer.from('\n')]);
  console.log(
    `generated 3 files of ${count} pings (${(first.length / 1e6).toFixed(1)} MB each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  t0 = performance.now();
  await timedImport(db, `1. ${count} onto an empty day`, first);
  await timedImport(db, `2. ${count} onto another empty day`, second);
  await timedImport(db, `3. ${count} new (same phones, interleaved) onto a day holding ${count}`, onto);
  await timedImport(db, `4. the same ${count} + one newline (all stored)`, again);
  const days = await trajectoryDays(db);
  console.log(
    `stored: ${days.map((d) => `${d.day} ${d.pings.toLocaleString('en')} pings in ${d.chunks} chunks (${(d.bytes / 1e6).toFixed(1)} MB)`).join('; ')}`,
  );
} finally {
  await db.close();
  await cleanup();
}
