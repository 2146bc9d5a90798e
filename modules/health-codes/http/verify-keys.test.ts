/**
 * The public verifyHealthCode is limited per IP; after a key rotation the JWKS publishes the
 * current key and the previous ones, and tokens of any published key verify (env
 * RENXING_SIGNING_KEYS_PREVIOUS, or the data directory's previous-signing-keys/).
 */
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authHeaders, login, seedCity, testApp } from '@renxing/api/testing';
import { forEachDatabase } from '@renxing/db/testing';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  issueHealthToken,
  PREVIOUS_KEYS_DIR,
  SIGNING_KEY_FILE,
  signingKeyFromPem,
} from '../service/signing.js';

const NOW = 1_790_000_000;
const CITY_SECRET = 'test-city-secret-test-city-secret-0004';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
};

const tokenOf = (pem: string) =>
  issueHealthToken(signingKeyFromPem(pem), { pid: 'someone', colour: 'green' }, { now: NOW - 10 }).token;

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;

forEachDatabase(
  'verifyHealthCode: rate limit and key rotation',
  (t) => {
    let app: FastifyInstance | undefined;
    let dataDir: string;
    beforeEach(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-keys-'));
      vi.stubEnv('RENXING_DATA_DIR', dataDir);
      vi.stubEnv('RENXING_CITY_SECRET', CITY_SECRET);
      vi.stubEnv('RENXING_SIGNING_KEY', '');
      vi.stubEnv('RENXING_SIGNING_KEYS_PREVIOUS', '');
    });
    afterEach(async () => {
      await app?.close();
      app = undefined;
      vi.unstubAllEnvs();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const check = (a: FastifyInstance, token: string, ip = '10.0.0.1') =>
      a.inject({
        method: 'POST',
        url: '/api/health-codes/verify',
        payload: { token },
        remoteAddress: ip,
      });
    const jwks = async (a: FastifyInstance) =>
      (await a.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys as {
        kid: string;
        x: string;
      }[];

    it('limits verifications per IP (verifyLimit; default 600 a minute)', async () => {
      app = await testApp(t.db, 5, { verifyLimit: 3, now: () => NOW });
      const token = tokenOf(pair().pem);
      for (let i = 0; i < 3; i++) expect((await check(app, token)).statusCode).toBe(200);
      const limited = await check(app, token);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'RX_RATE_LIMITED' });
      // Another scanner, another IP: not limited.
      expect((await check(app, token, '10.0.0.2')).json()).toEqual({ valid: false, reason: 'unknown_key' });
      // The JWKS and the signed-in API are not counted.
      expect((await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).statusCode).toBe(200);
      await app.close();

      app = await testApp(t.db, 5, { now: () => NOW });
      const res = await check(app, token);
      expect([res.statusCode, res.headers['x-ratelimit-limit']]).toEqual([200, '600']);
    });

    it('RENXING_SIGNING_KEYS_PREVIOUS: the JWKS publishes current + previous keys; tokens of any of them verify', async () => {
      const [current, previous, older, stranger] = [pair(), pair(), pair(), pair()];
      vi.stubEnv('RENXING_SIGNING_KEY', current.pem);
      // A private key, and a public key alone (all a verifier needs), one after the other.
      vi.stubEnv('RENXING_SIGNING_KEYS_PREVIOUS', `${previous.pem}\n# 2026-10\n${older.publicPem}`);
      await seedCity(t.db);
      await upsertPeople(t.db, [{ name: '甲', phone: '13800000001', community: 'cq.yz.jd01.sq01' }], {
        secret: Buffer.from(CITY_SECRET),
      });
      const person = (await peopleUnder(t.db, 'cq')).people[0].id;
      app = await testApp(t.db, 5, { now: () => NOW });

      const keys = await jwks(app);
      const kids = [current, previous, older].map((k) => signingKeyFromPem(k.pem).kid);
      expect(keys.map((k) => k.kid)).toEqual(kids);

      // New QR codes are signed with the current key only.
      const s = await login(app, 'street1');
      const qr = await app.inject({
        method: 'GET',
        url: `/api/people/${person}/health-code/qr?format=json`,
        headers: authHeaders(s),
      });
      expect(kidOf(qr.json().token)).toBe(kids[0]);

      for (const [key, token] of [
        [current, qr.json().token as string],
        [previous, tokenOf(previous.pem)],
        [older, tokenOf(older.pem)],
      ] as const) {
        // Online…
        expect((await check(app, token)).json()).toMatchObject({ valid: true, colour: 'green' });
        // …and offline, with the published key of the token's kid.
        const jwk = keys.find((k) => k.kid === kidOf(token))!;
        expect(jwk.kid).toBe(signingKeyFromPem(key.pem).kid);
        const [h, p, sig] = token.split('.');
        const publicKey = createPublicKey({ key: { ...jwk, kty: 'OKP', crv: 'Ed25519' }, format: 'jwk' });
        expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(sig, 'base64url'))).toBe(true);
      }
      // A key that is not published is refused.
      expect((await check(app, tokenOf(stranger.pem))).json()).toEqual({
        valid: false,
        reason: 'unknown_key',
      });
    });

    it('a rotation in the data directory: the old key moved to previous-signing-keys/ still verifies', async () => {
      app = await testApp(t.db, 5, { now: () => NOW });
      const [first] = await jwks(app);
      const oldPem = fs.readFileSync(path.join(dataDir, SIGNING_KEY_FILE), 'utf8');
      expect(signingKeyFromPem(oldPem).kid).toBe(first.kid);
      const oldToken = tokenOf(oldPem);
      await app.close();

      // Rotate: keep the old key as a previous one; a new key is created at the next start.
      fs.mkdirSync(path.join(dataDir, PREVIOUS_KEYS_DIR));
      fs.renameSync(
        path.join(dataDir, SIGNING_KEY_FILE),
        path.join(dataDir, PREVIOUS_KEYS_DIR, '2026-11.pem'),
      );
      app = await testApp(t.db, 5, { now: () => NOW });
      const keys = await jwks(app);
      expect(keys).toHaveLength(2);
      expect(keys[0].kid).not.toBe(first.kid);
      expect(keys[1]).toEqual(first);
      expect((await check(app, oldToken)).json()).toMatchObject({ valid: true });
      await app.close();

      // Removed after the tokens' lifetime: no longer published nor accepted.
      fs.rmSync(path.join(dataDir, PREVIOUS_KEYS_DIR), { recursive: true });
      app = await testApp(t.db, 5, { now: () => NOW });
      expect((await jwks(app)).map((k) => k.kid)).toEqual([keys[0].kid]);
      expect((await check(app, oldToken)).json()).toEqual({ valid: false, reason: 'unknown_key' });
      await app.close();

      // A file there that is not an Ed25519 key stops the start.
      fs.mkdirSync(path.join(dataDir, PREVIOUS_KEYS_DIR));
      fs.writeFileSync(
        path.join(dataDir, PREVIOUS_KEYS_DIR, 'rsa.pem'),
        generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }),
      );
      app = undefined;
      await expect(testApp(t.db, 5, { now: () => NOW })).rejects.toThrow(/Ed25519/);
    });
  },
  { migrate: true },
);
