/**
 * The engine's per-case query measured the way the DuckDB peer is (`duckdb-query.ts`): the index
 * loaded once, the whole batch answered several times in process, the best pass reported. Prints JSON:
 * wall and CPU (user + system, the whole process) time of the first pass, and of the best pass a case
 * (CPU time moves less than wall time on a shared machine).
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
const cpu: number[] = [];
let rows = 0;
for (let r = 0; r < Math.max(1, Number(values.repeat ?? 3)); r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  rows = queryCompanions(index, cases, params).count;
  passes.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
const n = cases.length;
const ms = (x: number) => Number(x.toFixed(3));
process.stdout.write(
  `${JSON.stringify({
    cases: n,
    rows,
    firstMs: ms(passes[0]),
    firstCpuMs: ms(cpu[0]),
    bestMsPerCase: ms(Math.min(...passes) / n),
    bestCpuMsPerCase: ms(Math.min(...cpu) / n),
  })}\n`,
);
