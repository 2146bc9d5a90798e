import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';
import { formatDuration, formatInstant } from './format.js';
import { CHENGDU_2021_PRESET } from './presets.js';
import {
  closeContact,
  companion,
  confirmed,
  D,
  discharged,
  H,
  isolationStarted,
  negative,
  override,
  positive,
  run,
  T0,
  tick,
} from './test-support.js';

// T0 is 2026-11-01 08:00 at +08:00.

describe('format', () => {
  it('shows instants in the city offset, with seconds only when they are not zero', () => {
    expect(formatInstant(T0)).toBe('2026-11-01 08:00');
    expect(formatInstant(T0 + D - 1)).toBe('2026-11-02 07:59:59');
    expect(formatInstant(T0, 0)).toBe('2026-11-01 00:00');
  });
  it('shows durations as days from two days up, else hours', () => {
    expect(formatDuration(14 * D, 'en')).toBe('14 days');
    expect(formatDuration(D, 'zh-CN')).toBe('24 小时');
    expect(formatDuration(90, 'en')).toBe('90 s');
  });
});

describe('explain: the person’s own view', () => {
  it('green from the start', () => {
    const r = run([]);
    expect(explain(r.state, r.transitions, 'en')).toEqual({
      colour: 'green',
      headline: 'Your health code is green.',
      why: ['Everyone starts green, and nothing has changed your code.'],
      toGreen: [],
      timeline: [],
    });
    expect(explain(r.state, r.transitions, 'zh-CN').headline).toBe('您的健康码为绿码。');
  });

  it('yellow: the case by its label only, the cell, the overlap; then one more negative', () => {
    const r = run([companion(T0), negative('a', T0 + D)]);
    const en = explain(r.state, r.transitions, 'en');
    expect(en).toEqual({
      colour: 'yellow',
      headline: 'Your health code has been yellow since 2026-11-01 08:00.',
      why: [
        'On 2026-11-01 08:00, you were found in grid cell 3:-2 at the same time as case A-12, from 2026-11-01 03:00 to 2026-11-01 04:00.',
      ],
      toGreen: [
        'One more negative PCR test taken at or after 2026-11-03 08:00 (24 h after your first negative test, taken at 2026-11-02 08:00) will turn your code green.',
      ],
      timeline: ['2026-11-01 08:00: green → yellow (companion of a case).'],
    });
    const zh = explain(r.state, r.transitions, 'zh-CN');
    expect(zh.headline).toBe('您的健康码自 2026-11-01 08:00 起为黄码。');
    expect(zh.why).toEqual([
      '2026-11-01 08:00，经核查，您于 2026-11-01 03:00 至 2026-11-01 04:00 与病例 A-12 同处网格 3:-2（时空伴随）。',
    ]);
    expect(zh.toGreen).toEqual([
      '再有一次核酸检测阴性即可转为绿码，采样时间须在 2026-11-03 08:00 或之后（即您第一次阴性检测采样时间 2026-11-02 08:00 之后 24 小时）。',
    ]);
    expect(zh.timeline).toEqual(['2026-11-01 08:00：绿码 → 黄码（时空伴随）。']);
    for (const e of [en, zh]) expect(JSON.stringify(e)).not.toContain('case-7f3a');
  });

  it('yellow with no counted negative yet: a test taken before the yellow is not counted', () => {
    const r = run([negative('old', T0 - H), companion(T0)]);
    expect(explain(r.state, r.transitions, 'en').toGreen).toEqual([
      '2 negative PCR tests taken at or after 2026-11-01 08:00, at least 24 h apart, turn your code green.',
    ]);
    expect(explain(r.state, r.transitions, 'zh-CN').toGreen).toEqual([
      '自 2026-11-01 08:00 起采样的 2 次核酸检测均为阴性且相邻两次间隔至少 24 小时，即转为绿码。',
    ]);
  });

  it('chengdu-2021: the window, and a yellow that tests can no longer clear', () => {
    const options = { preset: CHENGDU_2021_PRESET };
    const open = run([companion(T0), negative('a', T0 + H)], CHENGDU_2021_PRESET);
    expect(explain(open.state, open.transitions, 'en', options).toGreen).toEqual([
      'One more negative PCR test taken between 2026-11-02 09:00 and 2026-11-04 08:00 (24 h after your first negative test, taken at 2026-11-01 09:00) will turn your code green.',
    ]);
    const closed = run([companion(T0), negative('a', T0 + 2 * D + 1)], CHENGDU_2021_PRESET);
    expect(explain(closed.state, closed.transitions, 'en', options).toGreen[0]).toMatch(
      /^Your yellow code can no longer be cleared by PCR tests: the negatives had to be taken within 3 days of 2026-11-01 08:00, that is by 2026-11-04 08:00\./,
    );
    expect(explain(closed.state, closed.transitions, 'zh-CN', options).toGreen[0]).toMatch(
      /^您的黄码已无法通过核酸检测解除：阴性检测须在 2026-11-01 08:00 起 3 天内（即 2026-11-04 08:00 前）采样。/,
    );
    const passed = run([companion(T0), negative('a', T0 + H), tick(T0 + 3 * D + 1)], CHENGDU_2021_PRESET);
    expect(explain(passed.state, passed.transitions, 'en', options).toGreen[0]).toMatch(
      /^The 3 days for clearing your yellow code by tests ended at 2026-11-04 08:00; only a negative PCR test taken between 2026-11-02 09:00 and 2026-11-04 08:00 whose result has not arrived yet/,
    );
  });

  it('close contact: the officer’s unit, never the officer; when isolation ends and the test it needs', () => {
    const r = run([closeContact(T0), isolationStarted(T0 + H)]);
    const en = explain(r.state, r.transitions, 'en');
    expect(en.why).toEqual(['On 2026-11-01 08:00, 锦江区疾控中心 designated you a close contact.']);
    expect(en.toGreen).toEqual([
      'Your isolation ends at 2026-11-15 09:00; then a negative PCR test taken within its last 24 h (between 2026-11-14 09:00 and 2026-11-15 09:00) turns your code green.',
    ]);
    const zh = explain(r.state, r.transitions, 'zh-CN');
    expect(zh.why).toEqual(['2026-11-01 08:00，锦江区疾控中心将您判定为密切接触者。']);
    expect(zh.toGreen).toEqual([
      '您的隔离将于 2026-11-15 09:00 期满；隔离最后 24 小时内（2026-11-14 09:00 至 2026-11-15 09:00）采样的核酸检测为阴性后，转为绿码。',
    ]);
    for (const e of [en, zh]) expect(JSON.stringify(e)).not.toContain('officer-9');

    const notStarted = run([closeContact(T0)]);
    expect(explain(notStarted.state, [], 'en').toGreen[0]).toBe(
      'Your isolation has not started yet; once it has run 14 days, a negative PCR test taken within its last 24 h turns your code green.',
    );
    const ready = run([closeContact(T0), isolationStarted(T0 + H), negative('a', T0 + 14 * D)]);
    expect(explain(ready.state, [], 'en').toGreen[0]).toBe(
      'Your isolation ends at 2026-11-15 09:00; your negative PCR test taken at 2026-11-15 08:00 is within its last 24 h, so your code turns green then.',
    );
    const extended = run([closeContact(T0), isolationStarted(T0 + H), tick(T0 + 15 * D)]);
    expect(explain(extended.state, [], 'zh-CN').toGreen[0]).toBe(
      '您的隔离已于 2026-11-15 09:00 满 14 天，但隔离最后 24 小时内没有阴性核酸检测；隔离将持续到您再次采样且结果为阴性，届时转为绿码。',
    );
  });

  it('green after isolation: the period and the test', () => {
    const r = run([
      closeContact(T0),
      isolationStarted(T0 + H),
      negative('a', T0 + 14 * D),
      tick(T0 + 15 * D),
    ]);
    expect(explain(r.state, r.transitions, 'en')).toMatchObject({
      colour: 'green',
      why: [
        'You completed your isolation from 2026-11-01 09:00 to 2026-11-15 09:00, with a negative PCR test taken at 2026-11-15 08:00.',
      ],
      toGreen: [],
      timeline: [
        '2026-11-01 08:00: green → red (close contact).',
        '2026-11-16 08:00: red → green (isolation completed).',
      ],
    });
    expect(explain(r.state, r.transitions, 'zh-CN').timeline[1]).toBe(
      '2026-11-16 08:00：红码 → 绿码（隔离期满）。',
    );
  });

  it('case: discharge, then the monitoring end; green with the discharge date', () => {
    const red = run([confirmed(T0)]);
    expect(explain(red.state, red.transitions, 'en').toGreen).toEqual([
      'After a health officer discharges you, 14 days of health monitoring follow; your code turns green when they end.',
    ]);
    const monitoring = run([confirmed(T0), discharged(T0 + 10 * D)]);
    expect(explain(monitoring.state, [], 'zh-CN')).toMatchObject({
      why: ['您于 2026-11-01 08:00 被确认为病例。'],
      toGreen: ['您出院后的健康监测将于 2026-11-25 08:00 期满，届时转为绿码。'],
    });
    const green = run([confirmed(T0), discharged(T0 + 10 * D), tick(T0 + 24 * D)]);
    expect(explain(green.state, [], 'en').why).toEqual([
      'You were discharged on 2026-11-11 08:00 and your health monitoring ended at 2026-11-25 08:00.',
    ]);
  });

  it('positive and override', () => {
    const pos = run([positive('p', T0 + 30)]);
    expect(explain(pos.state, [], 'en').why).toEqual([
      'Your PCR test taken at 2026-11-01 08:00:30 was positive.',
    ]);
    expect(explain(pos.state, [], 'zh-CN').why).toEqual([
      '您于 2026-11-01 08:00:30 采样的核酸检测结果为阳性。',
    ]);
    const ovr = run([override('red', T0)]);
    const en = explain(ovr.state, ovr.transitions, 'en');
    expect(en.why).toEqual([
      'Your code was changed at 2026-11-01 08:00 by an override requested and approved by two different officers.',
    ]);
    expect(en.toGreen[0]).toMatch(/^Your red code was set by an override; only another override/);
    // The officers' free-text reasons and ids are not shown.
    expect(JSON.stringify(en)).not.toMatch(/officer-a|officer-b|lab record/);
  });

  it('shows another person’s transitions never, and instants in the offset asked for', () => {
    const r = run([companion(T0)]);
    const other = { ...r.transitions[0], personId: 'someone-else' };
    expect(explain(r.state, [other], 'en').timeline).toEqual([]);
    expect(explain(r.state, r.transitions, 'en', { utcOffset: 0 }).headline).toBe(
      'Your health code has been yellow since 2026-11-01 00:00.',
    );
  });
});
