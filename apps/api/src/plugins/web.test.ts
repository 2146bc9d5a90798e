import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installErrorHandling } from '@renxing/http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webPlugin from './web.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('web plugin', () => {
  let dir: string;
  let app: FastifyInstance;
  const before = process.env.RENXING_WEB_DIST;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rx-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'export {};');
    writeFileSync(join(dir, 'assets', 'worker-abc.mjs'), 'export {};');
    process.env.RENXING_WEB_DIST = dir;
    app = Fastify();
    installErrorHandling(app);
    app.get('/api/ping', async () => ({ ok: true }));
    await app.register(webPlugin);
  });

  afterAll(async () => {
    await app.close();
    if (before === undefined) delete process.env.RENXING_WEB_DIST;
    else process.env.RENXING_WEB_DIST = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console at / and its routes (a reload of /cases/…), never cached', async () => {
    for (const url of ['/', '/cases/0b6f', '/places/cq.yz.jd01']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body).toContain('<title>console</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as JavaScript (.mjs too), cached for a year', async () => {
    for (const url of ['/assets/index-abc.js', '/assets/worker-abc.mjs']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/javascript/);
      expect(res.headers['cache-control'], url).toContain('immutable');
    }
  });

  it('keeps the API’s JSON 404 under /api, /docs, /.well-known, for missing assets and for non-browsers', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/nope', HTML],
      ['/docs/nope', HTML],
      ['/.well-known/nope', HTML],
      ['/assets/missing.js', HTML],
      ['/nope', {}],
      ['/nope', { accept: 'application/json' }],
    ];
    for (const [url, headers] of cases) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('RX_NOT_FOUND');
    }
    expect((await app.inject({ url: '/api/ping', headers: HTML })).json()).toEqual({ ok: true });
  });

  it('without a built console the app still starts', async () => {
    process.env.RENXING_WEB_DIST = join(dir, 'missing');
    const bare = Fastify();
    installErrorHandling(bare);
    await bare.register(webPlugin);
    await bare.ready();
    expect((await bare.inject({ url: '/', headers: HTML })).statusCode).toBe(404);
    await bare.close();
    process.env.RENXING_WEB_DIST = dir;
  });
});
