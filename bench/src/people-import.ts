/**
 * People import benchmark: N generated people (default 1,000,000) as a CSV, imported through the
 * same path as `renxing import people` (parse, validate, pseudonymise, batch upsert) into a fresh
 * database on the PostgreSQL server at TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), created and dropped by the run. Prints rows/s.
 *
 *   npm run bench:people -- [--people N] [--batch-size B] [--concurrency C] [--rerun] [--no-copy]
 *
 * `--rerun` imports the same file a second time (all updates) and reports that too. The peer, in
 * the same run and database: PostgreSQL's own `COPY` (psql `\copy … FROM` the same CSV file) into a
 * plain table of six text columns, no keys: the floor of getting these rows into the server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { citySecret, migrate, openDatabase } from '@renxing/db';
import { importPeopleFile } from '@renxing/modules/people';
import { insertPlaces, type NewPlace } from '@renxing/modules/places';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '2' },
    rerun: { type: 'boolean', default: false },
    'no-copy': { type: 'boolean', default: false },
  },
});
const n = Number(values.people);
const batchSize = Number(values['batch-size']);
const concurrency = Number(values.concurrency);
if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(batchSize) || batchSize < 1) {
  throw new RangeError('--people and --batch-size take whole numbers ≥ 1');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(i: number): string {
  const body = `5001031980${String(i).padStart(7, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (body.charCodeAt(k) - 48) * ID_WEIGHTS[k];
  return body + '10X98765432'[sum % 11];
}

// A city of 10 districts × 5 streets × 10 communities.
const places: NewPlace[] = [{ level: 'city', code: 'cq', name: '重庆市' }];
const communities: string[] = [];
for (let d = 0; d < 10; d++) {
  places.push({ parentPath: 'cq', level: 'district', code: `d${d}`, name: `区${d}` });
  for (let s = 0; s < 5; s++) {
    places.push({ parentPath: `cq.d${d}`, level: 'street', code: `s${s}`, name: `街道${d}.${s}` });
    for (let c = 0; c < 10; c++) {
      places.push({
        parentPath: `cq.d${d}.s${s}`,
        level: 'community',
        code: `c${c}`,
        name: `社区${d}.${s}.${c}`,
      });
      communities.push(`cq.d${d}.s${s}.c${c}`);
    }
  }
}

function generateCsv(count: number): Buffer {
  const lines = ['name,phone,id_number,address,community,household'];
  for (let i = 0; i < count; i++) {
    const h = Math.floor(i / 3); // households of three
    const community = communities[h % communities.length];
    const phone = `1${3 + (i % 7)}${String(i).padStart(9, '0')}`;
    const id = i % 2 === 0 ? idNumber(i) : '';
    lines.push(`居民${i},${phone},${id},"幸福路 ${h % 997} 号, ${h % 31} 单元",${community},h${h}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `renxing_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const db = await openDatabase({ url: url.toString() }, {});
try {
  await migrate(db);
  await insertPlaces(db, places);
  const secret = citySecret({
    env: { RENXING_CITY_SECRET: 'bench-city-secret-bench-city-secret-01' },
    dataDir: '.',
  });

  let t0 = performance.now();
  const csv = generateCsv(n);
  console.log(
    `generated ${n.toLocaleString('en')} people (${(csv.length / 1e6).toFixed(1)} MB CSV) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const run = async (label: string) => {
    t0 = performance.now();
    const result = await importPeopleFile(db, csv, { secret, batchSize, concurrency });
    const secs = (performance.now() - t0) / 1000;
    const rate = Math.round(result.rows / secs);
    console.log(
      `${label}: ${result.rows.toLocaleString('en')} rows (${result.inserted} inserted, ${result.updated} updated, ` +
        `${result.rejects.length} rejected) in ${secs.toFixed(1)} s = ${rate.toLocaleString('en')} rows/s ` +
        `(batch ${batchSize}, ${concurrency} at once; goal 1M in < 60 s = 16,667 rows/s)`,
    );
    if (result.rejects.length > 0) console.log('first rejects:', result.rejects.slice(0, 3));
    return { rate };
  };
  const ours = await run('import');
  if (values.rerun) await run('re-import');

  if (!values['no-copy']) {
    // The peer: COPY of the same file into a plain table (psql's \copy streams it from here).
    await db.exec(
      'CREATE TABLE people_copy (name text, phone text, id_number text, address text, community text, household text)',
    );
    const dir = mkdtempSync(join(os.tmpdir(), 'renxing-bench-'));
    try {
      const file = join(dir, 'people.csv');
      writeFileSync(file, csv);
      t0 = performance.now();
      const copy = spawnSync(
        'psql',
        [
          url.toString(),
          '-v',
          'ON_ERROR_STOP=1',
          '-qc',
          `\\copy people_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`,
        ],
        { encoding: 'utf8' },
      );
      const secs = (performance.now() - t0) / 1000;
      if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr || copy.error}`);
      const copyRate = Math.round(n / secs);
      console.log(
        `COPY (psql \\copy into a plain table): ${n.toLocaleString('en')} rows in ${secs.toFixed(1)} s = ` +
          `${copyRate.toLocaleString('en')} rows/s`,
      );
      console.log(
        `import / COPY: ${(ours.rate / copyRate).toFixed(2)}× the rows/s (COPY ${(copyRate / ours.rate).toFixed(1)}× faster)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { rows } = await db.query<{ n: number; h: number }>(
    'SELECT (SELECT count(*) FROM people) AS n, (SELECT count(*) FROM households) AS h',
  );
  console.log(`stored: ${rows[0].n} people, ${rows[0].h} households`);
} finally {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.end();
}
