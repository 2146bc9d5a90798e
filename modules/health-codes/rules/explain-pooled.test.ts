/** explain: a pooled tube's positive and its single-tube re-test, as the person reads them. */
import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';
import { companion, D, H, negative, pooledPositive, run, T0 } from './test-support.js';

// T0 is 2026-11-01 08:00 at +08:00; tube P-1 is sampled then and reported positive at 18:00.
const pooled = pooledPositive('P-1', T0, T0 + 10 * H);

describe('explain: pooled screening', () => {
  it('yellow by a pooled tube: the tube, awaiting a single-tube re-test, and the one negative that clears it', () => {
    const r = run([pooled]);
    expect(explain(r.state, r.transitions, 'en')).toEqual({
      colour: 'yellow',
      headline: 'Your health code has been yellow since 2026-11-01 18:00.',
      why: [
        'Pooled tube P-1 positive, awaiting single-tube re-test: the pooled tube you were sampled into at 2026-11-01 08:00 was reported positive at 2026-11-01 18:00.',
      ],
      toGreen: ['One single-tube negative PCR test sampled after 2026-11-01 08:00 turns your code green.'],
      timeline: ['2026-11-01 18:00: green → yellow (pooled tube positive).'],
    });
    expect(explain(r.state, r.transitions, 'zh-CN')).toMatchObject({
      why: [
        '混采管 P-1 阳性，待单管复核：您于 2026-11-01 08:00 采样的混采管于 2026-11-01 18:00 报告为阳性。',
      ],
      toGreen: ['在 2026-11-01 08:00 之后采样的一次单管核酸检测为阴性，即转为绿码。'],
      timeline: ['2026-11-01 18:00：绿码 → 黄码（混采管阳性）。'],
    });
  });

  it('green by the re-test: the test and the tube it answered', () => {
    const r = run([pooled, negative('r1', T0 + 12 * H, T0 + 20 * H)]);
    const en = explain(r.state, r.transitions, 'en');
    expect(en).toMatchObject({
      colour: 'green',
      why: ['Your single-tube re-test taken at 2026-11-01 20:00 after pooled tube P-1 was negative.'],
      toGreen: [],
    });
    expect(en.timeline[1]).toBe('2026-11-02 04:00: yellow → green (single-tube re-test negative).');
    const zh = explain(r.state, r.transitions, 'zh-CN');
    expect(zh.why).toEqual(['您在混采管 P-1 之后于 2026-11-01 20:00 采样的单管复核结果为阴性。']);
    expect(zh.timeline[1]).toBe('2026-11-02 04:00：黄码 → 绿码（单管复核阴性）。');
  });

  it('re-based on a companion: the companion’s reason and its negatives, not the re-test', () => {
    const r = run([pooled, companion(T0 + D)]);
    expect(explain(r.state, r.transitions, 'en').toGreen).toEqual([
      '2 negative PCR tests taken at or after 2026-11-02 08:00, at least 24 h apart, turn your code green.',
    ]);
  });
});
