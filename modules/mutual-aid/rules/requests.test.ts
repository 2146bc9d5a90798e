import { describe, expect, it } from 'vitest';
import { AID_EVENTS, AID_STATES, findDuplicateRequest, hasExpired, nextAidState } from './requests.js';

describe('the aid request state machine', () => {
  it('goes open → matched → accepted → done', () => {
    expect(nextAidState('open', 'match')).toBe('matched');
    expect(nextAidState('matched', 'accept')).toBe('accepted');
    expect(nextAidState('accepted', 'complete')).toBe('done');
  });

  it('puts a declined request back to open, and ends by cancel or expiry', () => {
    expect(nextAidState('matched', 'decline')).toBe('open');
    expect(nextAidState('accepted', 'cancel')).toBe('cancelled');
    expect(nextAidState('open', 'expire')).toBe('expired');
    expect(nextAidState('matched', 'expire')).toBe('expired');
  });

  it('refuses everything else', () => {
    expect(nextAidState('open', 'accept')).toBeNull();
    expect(nextAidState('accepted', 'decline')).toBeNull();
    expect(nextAidState('accepted', 'expire')).toBeNull();
    for (const s of ['done', 'cancelled', 'expired'] as const)
      for (const e of AID_EVENTS) expect(nextAidState(s, e)).toBeNull();
    expect(AID_STATES).toHaveLength(6);
  });

  it('expires an untaken request once its window has passed', () => {
    expect(hasExpired({ state: 'open', to: 100 }, 99)).toBe(false);
    expect(hasExpired({ state: 'open', to: 100 }, 100)).toBe(true);
    expect(hasExpired({ state: 'accepted', to: 100 }, 200)).toBe(false);
  });
});

describe('the duplicate rule', () => {
  const open = {
    id: 'a1',
    requester: 'p1',
    need: 'medicine_delivery',
    from: 100,
    to: 200,
    state: 'open' as const,
  };
  const ask = { requester: 'p1', need: 'medicine_delivery', from: 150, to: 300 };

  it('finds the open request with the same requester, need and an overlapping window', () => {
    expect(findDuplicateRequest(ask, [open])?.id).toBe('a1');
    expect(findDuplicateRequest(ask, [{ ...open, state: 'accepted' }])?.id).toBe('a1');
  });

  it('is not a duplicate for another requester, another need, a touching window or a finished request', () => {
    expect(findDuplicateRequest({ ...ask, requester: 'p2' }, [open])).toBeNull();
    expect(findDuplicateRequest({ ...ask, need: 'transport' }, [open])).toBeNull();
    expect(findDuplicateRequest({ ...ask, from: 200 }, [open])).toBeNull();
    for (const state of ['done', 'cancelled', 'expired'] as const)
      expect(findDuplicateRequest(ask, [{ ...open, state }])).toBeNull();
  });
});
