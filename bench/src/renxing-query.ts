/**
 * The engine's per-case query measured the way the DuckDB peer is (`duckdb-query.ts`): the index
 * loaded once, the whole batch answered several times in process, the best pass reported. Prints JSON.
 *   node bench/dist/renxing-query.js --index city.idx --cases cases.csv [--repeat 3]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CompanionIndex, queryCompanions, readCases, resolveParams } from '@renxing/engine';

const { values } = parseArgs({
  options: { index: { type: 'string' }, cases: { type: 'string' }, repeat: { type: 'string' } },
});
if (!values.index || !values.cases) throw new Error('usage: --index FILE --cases FILE [--repeat N]');
const index = CompanionIndex.fromBytes(readFileSync(values.index));
const { cases } = readCases([readFileSync(values.cases)], index.tzOffset, () => {});
const { params } = resolveParams();
const passes: number[] = [];
let rows = 0;
for (let r = 0; r < Math.max(1, Number(values.repeat ?? 3)); r++) {
  const t = performance.now();
  rows = queryCompanions(index, cases, params).count;
  passes.push(performance.now() - t);
}
process.stdout.write(
  `${JSON.stringify({ cases: cases.length, rows, firstMs: passes[0], bestMsPerCase: Math.min(...passes) / cases.length })}\n`,
);
