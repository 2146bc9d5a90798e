import { describe, expect, it } from 'vitest';
import { approveOverride, type OverrideRequest, requestOverride } from './overrides.js';
import { applyEvent, initialState } from './rules.js';
import { confirmed, D, discharged, H, negative, override, PERSON, run, T0, tick } from './test-support.js';

const request: OverrideRequest = {
  personId: PERSON,
  to: 'green',
  requestedBy: 'officer-a',
  reason: '核酸样本张冠李戴',
  requestedAt: T0,
};
const approver = { userId: 'officer-b', reason: '已核对实验室记录', at: T0 + H };

describe('two-person overrides', () => {
  it('a request and an approval by another user give the override_approved event', () => {
    expect(requestOverride(request)).toEqual({ ok: true, value: request });
    const r = approveOverride(request, approver);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'override_approved',
        to: 'green',
        requestedBy: 'officer-a',
        approvedBy: 'officer-b',
        reasons: { request: '核酸样本张冠李戴', approval: '已核对实验室记录' },
        requestedAt: T0,
        at: T0 + H,
      },
    });
  });

  it('refuses the requester approving their own request', () => {
    expect(approveOverride(request, { ...approver, userId: 'officer-a' })).toEqual({
      ok: false,
      refusal: 'same_person',
    });
  });

  it('refuses an empty or blank reason on either side', () => {
    expect(requestOverride({ ...request, reason: '' })).toEqual({ ok: false, refusal: 'empty_reason' });
    expect(approveOverride({ ...request, reason: ' \t' }, approver)).toEqual({
      ok: false,
      refusal: 'empty_reason',
    });
    expect(approveOverride(request, { ...approver, reason: '' })).toEqual({
      ok: false,
      refusal: 'empty_reason',
    });
    expect(approveOverride(request, { ...approver, reason: '\n ' })).toEqual({
      ok: false,
      refusal: 'empty_reason',
    });
  });

  it('refuses a missing user or an unknown colour', () => {
    expect(approveOverride(request, { ...approver, userId: '' })).toEqual({
      ok: false,
      refusal: 'missing_user',
    });
    expect(requestOverride({ ...request, requestedBy: ' ' })).toEqual({ ok: false, refusal: 'missing_user' });
    expect(requestOverride({ ...request, to: 'blue' as never })).toEqual({
      ok: false,
      refusal: 'unknown_colour',
    });
  });

  it('the approved event is applied as an override transition', () => {
    const r = approveOverride({ ...request, to: 'red' }, approver);
    if (!r.ok) throw new Error(r.refusal);
    const applied = applyEvent(initialState(PERSON), r.value);
    expect(applied.transition).toMatchObject({ from: 'green', to: 'red', rule: 'override', at: T0 + H });
  });
});

describe('override transitions', () => {
  it('changes any colour, naming both officers and their reasons', () => {
    const { state, transitions } = run([confirmed(T0), override('green', T0 + D)]);
    expect(state).toMatchObject({
      colour: 'green',
      redBasis: null,
      reason: { kind: 'override', at: T0 + D },
    });
    expect(transitions[transitions.length - 1]).toMatchObject({
      from: 'red',
      to: 'green',
      rule: 'override',
      actors: ['officer-a', 'officer-b'],
      evidence: {
        requestedBy: 'officer-a',
        approvedBy: 'officer-b',
        reasons: { request: 'wrong sample matched', approval: 'checked the lab record' },
        approvedAt: T0 + D,
      },
    });
  });

  it('to yellow: negatives count from the override', () => {
    const r = run([override('yellow', T0), negative('a', T0 - 1), negative('b', T0 + D - 1)]);
    expect(r.state).toMatchObject({ colour: 'yellow', yellowSince: T0 });
    expect(applyEvent(r.state, negative('c', T0 + D)).state.colour).toBe('yellow');
    expect(applyEvent(r.state, negative('c', T0 + 2 * D - 1)).state.colour).toBe('green');
  });

  it('to red: only another override changes it', () => {
    const r = run([override('red', T0), discharged(T0 + H), tick(T0 + 60 * D)]);
    expect(r.state).toMatchObject({ colour: 'red', redBasis: 'override' });
  });

  it('to the same colour changes nothing', () => {
    expect(run([override('green', T0)]).transitions).toEqual([]);
  });

  it('an override event that is not a two-person override is refused', () => {
    const forged = { ...override('green', T0), approvedBy: 'officer-a' };
    expect(() => applyEvent(initialState(PERSON), forged)).toThrow(/not a valid two-person override/);
    const noReason = { ...override('red', T0), reasons: { request: 'x', approval: ' ' } };
    expect(() => applyEvent(initialState(PERSON), noReason)).toThrow(/empty_reason/);
  });
});
