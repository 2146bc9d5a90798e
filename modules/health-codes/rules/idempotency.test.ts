import { describe, expect, it } from 'vitest';
import { companionAlreadyApplied, companionKey } from './idempotency.js';
import { applyEvent, initialState } from './rules.js';
import { companion, D, H, negative, override, PERSON, run, T0 } from './test-support.js';

describe('companion idempotency', () => {
  it('the key is stable and no two (person, case) pairs share it', () => {
    expect(companionKey('p1', 'c1')).toBe('companion:p1:c1');
    expect(companionKey('a:b', 'c')).not.toBe(companionKey('a', 'b:c'));
    expect(companionKey('人', '例')).toBe(companionKey('人', '例'));
  });

  it('applying the same companion_found twice equals applying it once', () => {
    const once = applyEvent(initialState(PERSON), companion(T0));
    const twice = applyEvent(once.state, companion(T0));
    expect(twice.transition).toBeNull();
    expect(twice.state).toEqual(once.state);
    expect(companionAlreadyApplied(once.state, companion(T0))).toBe(true);
  });

  it('re-running detection later (a new detection instant) does not make a second yellow', () => {
    const cleared = run([companion(T0), negative('a', T0 + H), negative('b', T0 + H + D)]);
    expect(cleared.state.colour).toBe('green');
    const rerun = applyEvent(cleared.state, companion(T0 + 3 * D));
    expect(rerun.transition).toBeNull();
    expect(rerun.state).toEqual(cleared.state);
  });

  it('another case, or the same case for another person, is a new key', () => {
    const cleared = run([companion(T0), negative('a', T0 + H), negative('b', T0 + H + D)]);
    expect(applyEvent(cleared.state, companion(T0 + 3 * D, 'case-2')).state.colour).toBe('yellow');
    const other = { ...initialState('p-002'), companionKeys: cleared.state.companionKeys };
    expect(applyEvent(other, companion(T0)).state.colour).toBe('yellow');
  });

  it('a companion found while red is remembered too, so it cannot turn the person yellow later', () => {
    const r = run([{ kind: 'confirmed_case', at: T0 }, companion(T0 + H), override('green', T0 + D)]);
    expect(r.state).toMatchObject({ colour: 'green', companionKeys: [companionKey(PERSON, 'case-7f3a')] });
    expect(applyEvent(r.state, companion(T0 + 2 * D)).state.colour).toBe('green');
  });
});
