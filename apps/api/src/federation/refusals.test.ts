/**
 * What a city refuses from the network, each with its reason and nothing stored: unsigned,
 * forged (another key under the sender's key id, or an unknown key), from an unknown city,
 * addressed to another city, expired, signed in the future, replayed, and malformed bodies.
 */
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '@renxing/db/testing';
import { MESSAGE_TTL, type MessageClaims, signMessage } from '@renxing/modules/federation';
import { generateSigningKey, signingKeyFromPem } from '@renxing/modules/health-codes';
import { afterEach, expect, it } from 'vitest';
import { clock, type TwoCities, twoCities } from './test-support.js';

forEachDatabase(
  'federation refusals',
  (t) => {
    let cities: TwoCities | undefined;
    afterEach(async () => {
      await cities?.close();
      cities = undefined;
    });

    it('refuses each bad message with its reason and applies a good one once', async () => {
      cities = await twoCities(t);
      const { cq, cd } = cities;
      const key = signingKeyFromPem(cq.pem);
      const claims = (over: Partial<MessageClaims> = {}): MessageClaims => ({
        iss: 'cq',
        aud: 'cd',
        jti: randomUUID(),
        iat: clock(),
        exp: clock() + MESSAGE_TTL,
        typ: 'handoff',
        body: {
          kind: 'companion',
          person: { ref: 'abc123' },
          homePlace: 'cd.jj.jd01.sq01',
          reason: '居住在成都',
          evidence: {
            caseLabel: '病例7',
            confirmedAt: clock() - 86_400,
            cell: '1:2',
            overlapStart: 1,
            overlapEnd: 700,
            overlapS: 699,
          },
        },
        ...over,
      });
      const post = async (message: unknown) => {
        const res = await cd.app.inject({
          method: 'POST',
          url: '/api/federation/messages',
          payload: { message },
        });
        return { status: res.statusCode, code: res.json().code as string | undefined, body: res.json() };
      };
      const stored = async () =>
        Number((await cd.db.query<{ n: number }>('SELECT count(*) AS n FROM handoffs')).rows[0].n);

      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      expect(await post(`${b64({ alg: 'none' })}.${b64(claims())}.`)).toMatchObject({
        status: 401,
        code: 'RX_HANDOFF_UNSIGNED',
      });
      expect(await post('not a jws')).toMatchObject({ status: 401, code: 'RX_HANDOFF_UNSIGNED' });

      const stranger = generateSigningKey();
      expect(
        await post(await signMessage({ privateKey: stranger.privateKey, kid: key.kid }, claims())),
      ).toMatchObject({
        status: 401,
        code: 'RX_HANDOFF_FORGED',
      });
      expect(await post(await signMessage(stranger, claims()))).toMatchObject({
        status: 401,
        code: 'RX_HANDOFF_FORGED',
      });
      // A forged message is forged even when it names an existing city as its sender.
      const tampered = (await signMessage(key, claims())).split('.');
      tampered[1] = b64({ ...claims(), body: { ...claims().body, reason: '篡改' } });
      expect(await post(tampered.join('.'))).toMatchObject({ status: 401, code: 'RX_HANDOFF_FORGED' });

      expect(await post(await signMessage(key, claims({ iss: 'wh' })))).toMatchObject({
        status: 403,
        code: 'RX_HANDOFF_UNKNOWN_SENDER',
      });
      expect(await post(await signMessage(key, claims({ aud: 'sh' })))).toMatchObject({
        status: 403,
        code: 'RX_HANDOFF_WRONG_AUDIENCE',
      });
      expect(
        await post(await signMessage(key, claims({ iat: clock() - 1000, exp: clock() - 700 }))),
      ).toMatchObject({
        status: 401,
        code: 'RX_HANDOFF_EXPIRED',
      });
      expect(
        await post(await signMessage(key, claims({ iat: clock() + 3600, exp: clock() + 4000 }))),
      ).toMatchObject({
        status: 401,
        code: 'RX_HANDOFF_NOT_YET_VALID',
      });
      const noHome = claims();
      (noHome.body as { homePlace: string }).homePlace = 'cd.jj.jd09.sq99';
      const bad = await post(await signMessage(key, noHome));
      expect(bad).toMatchObject({ status: 400, code: 'RX_HANDOFF_MALFORMED' });
      expect(bad.body.message).toContain('body.homePlace');
      const noCell = claims();
      delete (noCell.body as { evidence: { cell?: string } }).evidence.cell;
      expect(await post(await signMessage(key, noCell))).toMatchObject({
        status: 400,
        code: 'RX_HANDOFF_MALFORMED',
      });
      expect(
        await post(
          await signMessage(
            key,
            claims({ typ: 'decision', body: { handoff: randomUUID(), decision: 'accepted', reason: 'x' } }),
          ),
        ),
      ).toMatchObject({
        status: 404,
        code: 'RX_HANDOFF_UNKNOWN_HANDOFF',
      });
      expect(await stored()).toBe(0);

      const good = await signMessage(key, claims());
      expect(await post(good)).toMatchObject({ status: 202, body: { type: 'handoff', state: 'received' } });
      expect(await post(good)).toMatchObject({ status: 409, code: 'RX_HANDOFF_REPLAYED' });
      expect(await stored()).toBe(1);
    });
  },
  { migrate: true },
);
