/**
 * Child-process entry for the benchmark (so its peak RSS is DuckDB's alone):
 *   node bench/dist/duckdb-run.js companions --pings P --cases C --out O [--mode M] [--threads N] [--preset NAME]
 *   node bench/dist/duckdb-run.js query --pings P --cases C [--threads N] [--repeat K]
 * Prints one JSON line with the figures on stdout.
 */
import { parseArgs } from 'node:util';
import { duckdbCompanions } from './duckdb-companions.js';
import { duckdbQuery } from './duckdb-query.js';
import type { Mode } from './duckdb-sql.js';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    pings: { type: 'string' },
    cases: { type: 'string' },
    out: { type: 'string' },
    mode: { type: 'string' },
    threads: { type: 'string' },
    preset: { type: 'string' },
    repeat: { type: 'string' },
  },
});

function need(name: 'pings' | 'cases' | 'out'): string {
  const v = values[name];
  if (!v) {
    console.error(`duckdb-run ${command}: --${name} is required`);
    process.exit(2);
  }
  return v;
}

const threads = values.threads ? Number(values.threads) : undefined;
try {
  if (command === 'companions') {
    const mode = (values.mode ?? 'contiguous') as Mode;
    if (mode !== 'contiguous' && mode !== 'cumulative') throw new Error(`bad --mode ${mode}`);
    const r = await duckdbCompanions({
      pings: need('pings'),
      cases: need('cases'),
      out: need('out'),
      mode,
      threads,
      preset: values.preset,
    });
    console.log(JSON.stringify(r));
  } else if (command === 'query') {
    const r = await duckdbQuery({
      pings: need('pings'),
      cases: need('cases'),
      threads,
      repeat: values.repeat ? Number(values.repeat) : undefined,
      out: values.out,
    });
    console.log(JSON.stringify(r));
  } else {
    console.error(
      'usage: duckdb-run.js companions|query --pings P --cases C [--out O] [--mode M] [--threads N]',
    );
    process.exit(2);
  }
} catch (e) {
  console.error(`duckdb-run ${command}: ${(e as Error).message}`);
  process.exit(1);
}
