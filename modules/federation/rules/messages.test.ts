import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alreadyDelivered,
  checkClaims,
  checkHandoffBody,
  coveredBy,
  type HandoffBody,
  MESSAGE_SKEW,
  personForPeer,
  retryDelay,
} from './messages.js';

const NOW = 1_780_000_000;
const body = (): HandoffBody => ({
  kind: 'companion',
  person: { ref: 'a1b2c3' },
  homePlace: 'cd.jj.jd01.sq01',
  reason: '居住在成都',
  evidence: {
    caseLabel: '病例7',
    confirmedAt: NOW - 86_400,
    cell: '1:2',
    overlapStart: 10,
    overlapEnd: 710,
    overlapS: 700,
  },
});
const claims = (over: Record<string, unknown> = {}) => ({
  iss: 'cq',
  aud: 'cd',
  jti: '3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b',
  iat: NOW,
  exp: NOW + 300,
  typ: 'handoff',
  body: body(),
  ...over,
});

describe('checkClaims', () => {
  it('accepts a good message and gives back its checked body', () => {
    const out = checkClaims(claims(), { city: 'cd', now: NOW + 10 });
    expect(out).toEqual({ ok: true, claims: claims() });
  });

  it.each([
    ['wrong_audience', { aud: 'sh' }, NOW],
    ['expired', {}, NOW + 300],
    ['not_yet_valid', { iat: NOW + MESSAGE_SKEW + 1, exp: NOW + 1000 }, NOW],
    ['malformed', { iss: 'CQ!' }, NOW],
    ['malformed', { jti: 'not-a-uuid' }, NOW],
    ['malformed', { exp: NOW }, NOW],
    ['malformed', { typ: 'gossip' }, NOW],
    ['malformed', { body: { ...body(), kind: 'rumour' } }, NOW],
  ] as const)('refuses %s (%j)', (refusal, over, now) => {
    const out = checkClaims(claims(over), { city: 'cd', now });
    expect(out).toMatchObject({ ok: false, refusal });
  });

  it('tolerates the skew on iat, not more', () => {
    expect(
      checkClaims(claims({ iat: NOW + MESSAGE_SKEW, exp: NOW + 900 }), { city: 'cd', now: NOW }).ok,
    ).toBe(true);
  });

  it('checks a decision', () => {
    const decision = {
      handoff: '3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b',
      decision: 'rejected',
      reason: '已迁出',
    };
    expect(checkClaims(claims({ typ: 'decision', body: decision }), { city: 'cd', now: NOW }).ok).toBe(true);
    expect(
      checkClaims(claims({ typ: 'decision', body: { ...decision, decision: 'maybe' } }), {
        city: 'cd',
        now: NOW,
      }),
    ).toMatchObject({ ok: false, refusal: 'malformed', field: 'body.decision' });
  });
});

describe('checkHandoffBody', () => {
  it('names the first field at fault', () => {
    const noCell = body();
    delete noCell.evidence.cell;
    expect(checkHandoffBody(noCell)).toMatchObject({ ok: false, field: 'body.evidence.cell' });
    expect(checkHandoffBody({ ...body(), homePlace: 'Not A Path' })).toMatchObject({
      field: 'body.homePlace',
    });
    expect(checkHandoffBody({ ...body(), person: { ref: '' } })).toMatchObject({ field: 'body.person.ref' });
    expect(
      checkHandoffBody({ ...body(), evidence: { ...body().evidence, overlapStart: 900, overlapEnd: 100 } }),
    ).toMatchObject({ field: 'body.evidence.overlapEnd' });
  });

  it('a resident needs no case; anything else does', () => {
    const resident = { ...body(), kind: 'resident', evidence: { colour: 'yellow', openTasks: 2 } };
    expect(checkHandoffBody(resident)).toEqual({ ok: true, value: resident });
    expect(checkHandoffBody({ ...resident, kind: 'case' })).toMatchObject({
      field: 'body.evidence.caseLabel',
    });
  });

  it('keeps only the fields it knows (nothing extra travels into the store)', () => {
    const out = checkHandoffBody({ ...body(), extra: 1, person: { ref: 'x', phone: '139', secret: 's' } });
    expect(out).toMatchObject({ ok: true });
    if (out.ok) {
      expect(out.value).not.toHaveProperty('extra');
      expect(out.value.person).toEqual({ ref: 'x', phone: '139' });
    }
  });

  it('never throws on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const out = checkHandoffBody(v);
        expect(typeof out.ok).toBe('boolean');
      }),
    );
  });
});

describe('personForPeer', () => {
  const p = { ref: 'r', name: '李四', phone: '13900000001', idNumber: null };
  it('sends the pseudonym only, unless the agreement shares identity (and then only what is known)', () => {
    expect(personForPeer(p, false)).toEqual({ ref: 'r' });
    expect(personForPeer(p, true)).toEqual({ ref: 'r', name: '李四', phone: '13900000001' });
  });
});

describe('delivery', () => {
  it('backs off from 1 s doubling to the cap', () => {
    expect([0, 1, 2, 3, 9, 10, 40].map((a) => retryDelay(a))).toEqual([1, 2, 4, 8, 512, 600, 600]);
    expect(retryDelay(5, 1)).toBe(1);
  });
  it('counts only a replay as delivered', () => {
    expect(alreadyDelivered('replayed')).toBe(true);
    expect(alreadyDelivered('forged')).toBe(false);
    expect(alreadyDelivered(undefined)).toBe(false);
  });
  it('a peer covers places under its paths only', () => {
    expect(coveredBy(['cd'], 'cd.jj.jd01')).toBe(true);
    expect(coveredBy(['cd.jj'], 'cd.wh')).toBe(false);
    expect(coveredBy(['cd'], 'cdx.jj')).toBe(false);
  });
});
