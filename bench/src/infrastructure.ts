/**
 * `npm run bench:infra [-- options]`: critical infrastructure (issue 13), two parts, each against
 * a peer on the same data in the same run; prints tables and ratios (no pass/fail).
 *
 *  (a) N-1 of a synthetic 10,000-asset city (bench/src/infra-n1.ts): `n1Rows` against
 *      `n1RowsBruteForce` (full recomputation per failure) and networkx (python3, the fixed point
 *      per failure with networkx reachability; on a subset of failures, extrapolated, unless
 *      --networkx-failures 0); the answers are compared row for row.
 *  (b) sustained ingest with alarm evaluation (bench/src/infra-ingest.ts): readings through
 *      `ingestReadings` on PGlite and on PostgreSQL (when reachable), and over MQTT end to end
 *      through the broker at --mqtt (readings/s kept, alarm records produced), against a bare
 *      multi-row INSERT of the same rows into a plain table on the same database.
 *
 * Options: --part a|b|all (all) · --assets N (10000) · --seed S (1) · --networkx-failures K (200;
 * 0 = all) · --runs R (5) · --sensors N (1000) · --readings N (100000) · --batch N (1000) ·
 * --mqtt URL (mqtt://127.0.0.1:1883) · --no-pg · --no-mqtt. PostgreSQL: a database created on the
 * server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped
 * afterwards. Files in bench/.data/infra-*.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchIngest } from './infra-ingest.js';
import { benchN1 } from './infra-n1.js';
import { printTable } from './infra-report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    assets: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'networkx-failures': { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    sensors: { type: 'string', default: '1000' },
    readings: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    mqtt: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    'no-pg': { type: 'boolean', default: false },
    'no-mqtt': { type: 'boolean', default: false },
  },
});

function whole(name: string, min: number): number {
  const v = Number(values[name as keyof typeof values]);
  if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`--${name} takes a whole number ≥ ${min}`);
  return v;
}

async function main(): Promise<void> {
  const part = values.part;
  if (!['a', 'b', 'all'].includes(part)) throw new RangeError('--part takes a, b or all');
  const dataDir = join(ROOT, 'bench/.data');
  if (part !== 'b')
    printTable(
      await benchN1({
        assets: whole('assets', 32),
        seed: whole('seed', 0),
        networkxFailures: whole('networkx-failures', 0),
        runs: whole('runs', 1),
        dataDir,
      }),
    );
  if (part !== 'a')
    printTable(
      await benchIngest({
        sensors: whole('sensors', 1),
        readings: whole('readings', 1),
        batch: whole('batch', 1),
        mqtt: values['no-mqtt'] ? null : values.mqtt,
        pg: !values['no-pg'],
      }),
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
