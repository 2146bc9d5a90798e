import { RenxingError } from '@renxing/contracts';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { loadCommands } from './index.js';
import { type PoolSizeJson, screeningPoolSizeCommand } from './screening-pool-size.js';

function sink() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
    } as unknown as NodeJS.WritableStream,
    text: () => text,
  };
}

/** The command line run as main.ts runs it: a RenxingError is exit 2 (status < 500) with its message. */
async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  try {
    const { command, flags } = parseCommandLine(argv, await loadCommands());
    if (command?.words.join(' ') !== 'screening pool-size') throw new Error('not pool-size');
    screeningPoolSizeCommand(flags, 'en', { out: out.stream, err: err.stream });
    return { code: 0, out: out.text(), err: err.text() };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, out: out.text(), err: e.localized('en') };
  }
}

/** The contract's E(k, p), written out here again. */
const E = (k: number, p: number) => (k === 1 ? 1 : 1 / k + 1 - (1 - p) ** k);

describe('renxing screening pool-size', () => {
  it.each([
    ['0.01', 11, '0.1956'],
    ['0.001', 32, '0.0628'],
    ['0.05', 5, '0.4262'],
  ])('answers the contract reference p = %s → k = %i, E = %s (plain)', async (p, k, e) => {
    const r = await cli(['screening', 'pool-size', '--prevalence', p]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`advised pool size k\\s+${k}\\n`));
    expect(r.out).toMatch(new RegExp(`expected lab tests per person \\(E\\)\\s+${e}\\n`));
    expect(r.out).toMatch(/pooling\s+advised/);
    for (const c of [5, 10, 20])
      expect(r.out).toMatch(new RegExp(`\\n  ${c}\\s+${E(c, Number(p)).toFixed(4)}\\s`));
    expect(r.out).toContain('re-tested in single tubes (k = 1), never re-pooled');
  });

  it.each([
    [0.01, 11, 0.1956],
    [0.001, 32, 0.0628],
    [0.05, 5, 0.4262],
  ])('answers p = %f as JSON with full precision', async (p, k, e) => {
    const r = await cli(['screening', 'pool-size', '--prevalence', String(p), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PoolSizeJson;
    expect(j.prevalence).toBe(p);
    expect(j.k).toBe(k);
    expect(j.expected_tests).toBe(E(k, p));
    expect(j.expected_tests.toFixed(4)).toBe(e.toFixed(4));
    expect(j.pooling).toBe(true);
    expect(j.tests_per_10000).toBeCloseTo(E(k, p) * 10_000, 9);
    expect(j.compare.map((c) => c.k)).toEqual([5, 10, 20]);
    for (const c of j.compare) {
      expect(c.expected_tests).toBe(E(c.k, p));
      expect(c.tests_per_10000).toBeCloseTo(E(c.k, p) * 10_000, 9);
    }
    expect(r.err).toContain('never re-pooled');
  });

  it('the advice is the k in 1..50 with the smallest E (ties: the smaller), pooling only below 1', async () => {
    for (const p of [0.0001, 0.003, 0.02, 0.1, 0.2, 0.3, 0.31, 0.5, 0.9, 0.999]) {
      let best = 1;
      for (let k = 2; k <= 50; k++) if (E(k, p) < E(best, p)) best = k;
      const j = JSON.parse((await cli(['screening', 'pool-size', '--prevalence', String(p), '--json'])).out);
      expect(j.k, String(p)).toBe(best);
      expect(j.pooling, String(p)).toBe(E(best, p) < 1);
    }
    const high = await cli(['screening', 'pool-size', '--prevalence', '0.5']);
    expect(high.out).toMatch(/advised pool size k\s+1\n/);
    expect(high.out).toContain('not advised');
  });

  it.each([['0'], ['1'], ['-0.1'], ['1.5'], ['abc'], [''], ['NaN'], ['Infinity']])(
    'refuses prevalence %j with exit 2',
    async (p) => {
      const r = await cli(['screening', 'pool-size', `--prevalence=${p}`]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/RX_(BAD|MISSING)_FLAG/);
      expect(r.err).toContain('--prevalence');
    },
  );

  it('needs --prevalence', async () => {
    const r = await cli(['screening', 'pool-size']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('RX_MISSING_FLAG: missing option --prevalence');
  });

  it('speaks Chinese in zh-CN', () => {
    const out = sink();
    screeningPoolSizeCommand({ prevalence: '0.01' }, 'zh-CN', { out: out.stream });
    expect(out.text()).toContain('建议混采管容量 k');
    expect(out.text()).toContain('不得再混采');
  });
});
