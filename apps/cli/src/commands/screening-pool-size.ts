/**
 * `renxing screening pool-size --prevalence P [--json]`: the pool-size advisor of
 * shared/contracts/screening.md (Dorfman pooling's expected lab tests per person, the best k in
 * 1..50, and k = 5, 10, 20 compared). The numbers are screening's rules (poolSizeAdvice).
 */
import { type Locale, RenxingError } from '@renxing/contracts';
import { type PoolSizeAdvice, poolSizeAdvice, validPrevalence } from '@renxing/modules/screening';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { messages } from '../messages.js';

/** The `--json` answer (full precision). */
export interface PoolSizeJson {
  prevalence: number;
  k: number;
  expected_tests: number;
  pooling: boolean;
  tests_per_10000: number;
  compare: { k: number; expected_tests: number; tests_per_10000: number }[];
}

/** `--prevalence`: a number strictly between 0 and 1, else RX_BAD_FLAG. */
export function prevalenceFlag(flags: Flags): number {
  const text = requireFlag(flags, 'prevalence');
  const p = text.trim() === '' ? Number.NaN : Number(text);
  if (!validPrevalence(p))
    throw new RenxingError('RX_BAD_FLAG', {
      flag: '--prevalence',
      detail: {
        en: `"${text}" is not a number strictly between 0 and 1 (e.g. 0.01 for 1 %)`,
        'zh-CN': `"${text}" 不是严格介于 0 与 1 之间的数（如 1% 写作 0.01）`,
      },
    });
  return p;
}

export function poolSizeJson(a: PoolSizeAdvice): PoolSizeJson {
  return {
    prevalence: a.prevalence,
    k: a.k,
    expected_tests: a.expectedTests,
    pooling: a.pooling,
    tests_per_10000: a.testsPer10000,
    compare: a.compare.map((o) => ({
      k: o.k,
      expected_tests: o.expectedTests,
      tests_per_10000: o.testsPer10000,
    })),
  };
}

/** Terminal columns: CJK characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffdc]/u.test(ch) ? 2 : 1;
  return w;
}

const padTo = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
const e4 = (e: number): string => e.toFixed(4);
const per10000 = (t: number): string => Math.round(t).toLocaleString('en-US');

/** The plain answer: advice, E rounded to 4 decimals, the comparison and the re-test warning. */
export function poolSizeText(a: PoolSizeAdvice, locale: Locale): string {
  const m = messages(locale);
  const pairs: [string, string][] = [
    [m.pool_prevalence, String(a.prevalence)],
    [m.pool_k, String(a.k)],
    [m.pool_expected, e4(a.expectedTests)],
    [m.pool_per_10000, per10000(a.testsPer10000)],
    [m.pool_pooling, a.pooling ? m.pool_advised : m.pool_not_advised],
  ];
  const left = Math.max(...pairs.map(([k]) => width(k)));
  const head = [m.pool_col_k, m.pool_col_e, m.pool_col_per_10000];
  const body = a.compare.map((o) => [String(o.k), e4(o.expectedTests), per10000(o.testsPer10000)]);
  const cols = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]))));
  const row = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : padTo(c, cols[i]))).join('  ')}`;
  return [
    ...pairs.map(([k, v]) => `${padTo(k, left)}  ${v}`),
    '',
    m.pool_compare,
    row(head),
    ...body.map(row),
    '',
    m.pool_warning,
    '',
  ].join('\n');
}

export function screeningPoolSizeCommand(
  flags: Flags,
  locale: Locale,
  io: { out?: NodeJS.WritableStream; err?: NodeJS.WritableStream } = {},
): PoolSizeAdvice {
  const advice = poolSizeAdvice(prevalenceFlag(flags));
  const out = io.out ?? process.stdout;
  if (flags.json === true) {
    out.write(`${JSON.stringify(poolSizeJson(advice), null, 2)}\n`);
    // The JSON stays machine-readable; the warning still reaches the person at the terminal.
    (io.err ?? process.stderr).write(`${messages(locale).pool_warning}\n`);
  } else out.write(poolSizeText(advice, locale));
  return advice;
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['screening', 'pool-size'],
  usage: {
    en: 'renxing screening pool-size --prevalence P [--json]',
    'zh-CN': 'renxing screening pool-size --prevalence P [--json]',
  },
  flags: {
    prevalence: {
      type: 'string',
      value: 'P',
      help: {
        en: 'expected share of positives, strictly between 0 and 1 (0.01 = 1 %)',
        'zh-CN': '预计阳性率，严格介于 0 与 1 之间（0.01 即 1%）',
      },
    },
    json: {
      type: 'boolean',
      help: { en: 'answer as JSON', 'zh-CN': '以 JSON 输出' },
    },
  },
  run: (flags, locale) => {
    screeningPoolSizeCommand(flags, locale);
    return 0;
  },
};
