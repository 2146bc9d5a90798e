/** The chengdu-2021 preset: yellow clears only with 2 negatives ≥ 24 h apart taken within 3 days of its start. */
import { describe, expect, it } from 'vitest';
import { CHENGDU_2021_PRESET, DEFAULT_PRESET, healthCodePreset } from './presets.js';
import { applyEvent } from './rules.js';
import { closeContact, companion, D, H, negative, override, run, T0, tick } from './test-support.js';

const Y = T0;
const chengdu = CHENGDU_2021_PRESET;

describe('chengdu-2021: two negatives within 3 days of the yellow beginning', () => {
  it('is found by its id; only the negative window differs from default', () => {
    expect(healthCodePreset('chengdu-2021')).toBe(chengdu);
    expect(healthCodePreset('nowhere')).toBeUndefined();
    expect(healthCodePreset('toString')).toBeUndefined();
    expect({ ...chengdu, id: 'default', negativeWindow: null }).toEqual(DEFAULT_PRESET);
    expect(chengdu.negativeWindow).toBe(3 * D);
  });

  it('a second negative exactly 3 days after the yellow began clears', () => {
    const r = run([companion(Y), negative('a', Y + 2 * D), negative('b', Y + 3 * D)], chengdu);
    expect(r.state.colour).toBe('green');
    expect(r.transitions[1]).toMatchObject({
      rule: 'two_negatives_green',
      preset: 'chengdu-2021',
      evidence: { yellowSince: Y, windowEnd: Y + 3 * D },
    });
  });

  it('3 days + 1 s does not, though the default preset would clear', () => {
    const events = [companion(Y), negative('a', Y + 2 * D), negative('b', Y + 3 * D + 1)];
    expect(run(events, chengdu).state.colour).toBe('yellow');
    expect(run(events, DEFAULT_PRESET).state.colour).toBe('green');
  });

  it('the first negative may be taken exactly when the yellow began, not before', () => {
    expect(run([companion(Y), negative('a', Y), negative('b', Y + D)], chengdu).state.colour).toBe('green');
    expect(run([companion(Y), negative('a', Y - 1), negative('b', Y + D)], chengdu).state.colour).toBe(
      'yellow',
    );
  });

  it('the 24 h spacing still holds inside the window', () => {
    const r = run([companion(Y), negative('a', Y + H), negative('b', Y + H + D - 1)], chengdu);
    expect(r.state.colour).toBe('yellow');
  });

  it('once the window has passed it stays yellow, whatever tests follow, until an override or a red rule', () => {
    const late = run(
      [
        companion(Y),
        negative('a', Y + 4 * D),
        negative('b', Y + 5 * D),
        negative('c', Y + 6 * D),
        tick(Y + 30 * D),
      ],
      chengdu,
    );
    expect(late.state.colour).toBe('yellow');
    expect(applyEvent(late.state, closeContact(Y + 31 * D), chengdu).state.colour).toBe('red');
    expect(applyEvent(late.state, override('green', Y + 31 * D), chengdu).transition).toMatchObject({
      from: 'yellow',
      to: 'green',
      rule: 'override',
    });
  });
});
