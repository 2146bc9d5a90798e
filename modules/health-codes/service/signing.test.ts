import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { qrPng } from './qr.js';
import {
  generateSigningKey,
  issueHealthToken,
  jwks,
  loadPreviousKeys,
  loadSigningKey,
  PREVIOUS_KEYS_DIR,
  personPseudonym,
  SIGNING_KEY_FILE,
  signingKeyFromPem,
  verifyHealthToken,
  verifyKeysFromPem,
} from './signing.js';

const key = generateSigningKey();
const NOW = 1_790_000_000;
const SECRET = Buffer.from('c'.repeat(32));
const PERSON = '7f1d2c3b-0000-4000-8000-000000000001';

describe('signed health-code tokens', () => {
  it('carries a pseudonym, the colour, iat and exp (5 minutes), signed EdDSA with kid = JWK thumbprint', () => {
    const pid = personPseudonym(SECRET, PERSON);
    expect(pid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pid).not.toContain(PERSON);
    expect(personPseudonym(Buffer.from('d'.repeat(32)), PERSON)).not.toBe(pid);
    const { token, claims } = issueHealthToken(key, { pid, colour: 'yellow' }, { now: NOW });
    expect(claims).toEqual({ pid, colour: 'yellow', iat: NOW, exp: NOW + 300 });
    const [h, p] = token.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: key.kid,
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual(claims);
    expect(token).not.toContain(PERSON);
    expect(verifyHealthToken([key], token, { now: NOW + 10 })).toEqual({ valid: true, claims, kid: key.kid });
  });

  it('is verified by jose against our JWKS (RFC 8037 interoperability)', async () => {
    const { token } = issueHealthToken(key, { pid: personPseudonym(SECRET, PERSON), colour: 'green' });
    const doc = jwks(key);
    expect(doc.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: key.kid, use: 'sig' });
    // Through JSON, as a scanner would fetch /.well-known/jwks.json.
    const set = createLocalJWKSet(JSON.parse(JSON.stringify(doc)));
    const { payload, protectedHeader } = await jwtVerify(token, set, { algorithms: ['EdDSA'] });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: key.kid });
    expect(payload).toMatchObject({ colour: 'green', pid: personPseudonym(SECRET, PERSON) });
    // jose computes the same RFC 7638 thumbprint we use as kid.
    const { calculateJwkThumbprint } = await import('jose');
    const { kty, crv, x } = doc.keys[0];
    expect(await calculateJwkThumbprint({ kty, crv, x })).toBe(key.kid);
    // …and rejects a tampered one, as we do.
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, colour: 'red' })).toString('base64url')}.${s}`;
    await expect(jwtVerify(forged, set)).rejects.toThrow(/signature/i);
  });

  it('rejects tampered, expired, not-yet-valid, malformed and unknown-key tokens with a reason', () => {
    const pid = personPseudonym(SECRET, PERSON);
    const { token, claims } = issueHealthToken(key, { pid, colour: 'red' }, { now: NOW });
    const [h, p, s] = token.split('.');
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const at = { now: NOW + 1 };

    expect(verifyHealthToken([key], `${h}.${enc({ ...claims, colour: 'green' })}.${s}`, at)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect(verifyHealthToken([key], `${h}.${p}.${flipped}`, at).valid).toBe(false);
    expect(verifyHealthToken([key], token, { now: NOW + 300 })).toEqual({
      valid: false,
      reason: 'expired',
      claims,
    });
    expect(verifyHealthToken([key], token, { now: NOW + 299 }).valid).toBe(true);
    expect(verifyHealthToken([key], token, { now: NOW - 5 })).toMatchObject({ reason: 'not_yet_valid' });
    // An offline scanner that accepts a minute of staleness, not the token's five.
    expect(verifyHealthToken([key], token, { now: NOW + 60, maxAge: 60 }).valid).toBe(true);
    expect(verifyHealthToken([key], token, { now: NOW + 61, maxAge: 60 })).toEqual({
      valid: false,
      reason: 'too_old',
      claims,
    });
    for (const bad of [
      '',
      'abc',
      'a.b',
      'a.b.c.d',
      `${h}.${p}`,
      `${h}.!!.${s}`,
      42,
      null,
      'x'.repeat(5000),
    ]) {
      expect(verifyHealthToken([key], bad, at)).toEqual({ valid: false, reason: 'malformed' });
    }
    expect(verifyHealthToken([generateSigningKey()], token, at)).toEqual({
      valid: false,
      reason: 'unknown_key',
    });
    expect(verifyHealthToken([key], `${enc({ alg: 'none', kid: key.kid })}.${p}.${s}`, at)).toEqual({
      valid: false,
      reason: 'unsupported_alg',
    });
    // Well signed, but not our claims.
    const odd = issueHealthToken(key, { pid, colour: 'purple' as 'red' }, { now: NOW }).token;
    expect(verifyHealthToken([key], odd, at)).toEqual({ valid: false, reason: 'bad_claims' });
  });

  it('takes the key from RENXING_SIGNING_KEY, else creates a 0600 PEM file once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-signing-'));
    try {
      const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      expect(loadSigningKey({ pem, dataDir: dir }).kid).toBe(key.kid);
      expect(fs.existsSync(path.join(dir, SIGNING_KEY_FILE))).toBe(false);
      const first = loadSigningKey({ dataDir: path.join(dir, 'data') });
      const file = path.join(dir, 'data', SIGNING_KEY_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(loadSigningKey({ dataDir: path.join(dir, 'data') }).kid).toBe(first.kid);
      expect(() => signingKeyFromPem('not a key')).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('keys of earlier rotations', () => {
  const pemOf = (k: { privateKey: KeyObject }) =>
    k.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicPemOf = (k: { publicKey: KeyObject }) =>
    k.publicKey.export({ format: 'pem', type: 'spki' }).toString();

  it('reads private and public Ed25519 PEM blocks, and refuses anything else', () => {
    const [a, b] = [generateSigningKey(), generateSigningKey()];
    const found = verifyKeysFromPem(`old key:\n${pemOf(a)}\n\n${publicPemOf(b)}`);
    expect(found.map((k) => k.kid)).toEqual([a.kid, b.kid]);
    expect(found[1].jwk).toEqual(b.jwk);
    expect(verifyKeysFromPem('')).toEqual([]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    expect(() => verifyKeysFromPem(rsa, 'X')).toThrow(/X: a signing key must be Ed25519, not rsa/);
    expect(() => verifyKeysFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toThrow(
      /not a usable key/,
    );
    // A token of a previous key verifies once that key is among the verifying keys.
    const { token } = issueHealthToken(a, { pid: 'p', colour: 'green' }, { now: NOW });
    expect(verifyHealthToken([key], token, { now: NOW })).toMatchObject({ reason: 'unknown_key' });
    expect(verifyHealthToken([key, ...found], token, { now: NOW })).toMatchObject({
      valid: true,
      kid: a.kid,
    });
    expect(jwks(key, ...found).keys.map((k) => k.kid)).toEqual([key.kid, a.kid, b.kid]);
  });

  it('loads RENXING_SIGNING_KEYS_PREVIOUS, then <dataDir>/previous-signing-keys/*.pem by name, once each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-previous-'));
    try {
      const [a, b, c] = [generateSigningKey(), generateSigningKey(), generateSigningKey()];
      expect(loadPreviousKeys({ dataDir: dir })).toEqual([]);
      const folder = path.join(dir, PREVIOUS_KEYS_DIR);
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, '2026-11.pem'), pemOf(c));
      fs.writeFileSync(path.join(folder, '2026-10.pem'), publicPemOf(b));
      fs.writeFileSync(path.join(folder, 'README'), 'not a key, not read');
      const pems = `${pemOf(a)}${publicPemOf(c)}`;
      expect(loadPreviousKeys({ pems, dataDir: dir }).map((k) => k.kid)).toEqual([a.kid, c.kid, b.kid]);
      fs.writeFileSync(path.join(folder, 'empty.pem'), '');
      expect(() => loadPreviousKeys({ pems, dataDir: dir })).toThrow(/empty\.pem: no PEM key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('QR codes', () => {
  it('is a PNG that a real decoder (zbarimg) reads back to the token', async () => {
    const { token } = issueHealthToken(key, { pid: personPseudonym(SECRET, PERSON), colour: 'yellow' });
    const png = await qrPng(token);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-qr-'));
    try {
      const file = path.join(dir, 'code.png');
      fs.writeFileSync(file, png);
      const out = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', file], {
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString('utf8');
      expect(out.replace(/\n$/, '')).toBe(token);
      expect(verifyHealthToken([key], out.trim()).valid).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
