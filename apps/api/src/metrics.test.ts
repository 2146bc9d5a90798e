/** `/metrics`: Prometheus text of the process and the requests by route, for this machine or a token. */
import type { Db } from '@renxing/db';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics.js';
import { testApp } from './test-support.js';

// Nothing here reaches the database: building the app and answering /metrics, /openapi.json and
// an unknown URL never query it.
const noDb = { close: async () => {} } as unknown as Db;
const TOKEN = 'scrape-token-0123456789';

describe('/metrics', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves the process and the requests by route template as Prometheus text', async () => {
    app = await testApp(noDb);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/no/such/page/13800000001' })).statusCode).toBe(404);
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.body;
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(text).toMatch(/rx_http_requests_total\{method="GET",route="\/openapi.json",status="200"\} 1/);
    expect(text).toMatch(/rx_http_request_duration_seconds_count\{method="GET",route="\/openapi.json"\} 1/);
    // A route's template is the label (the console's catch-all is one): never a URL as requested.
    expect(text).toMatch(/rx_http_requests_total\{method="GET",route="\/\*",status="404"\} 1/);
    expect(text).not.toContain('13800000001');
    // Without streaming, no stream metrics.
    expect(text).not.toContain('rx_stream_');
  });

  it('answers only this machine without a token: not another address, not through a proxy', async () => {
    app = await testApp(noDb);
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      app!.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
    const outside = await from('10.1.2.3');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('RX_NOT_FOUND');
    expect((await from('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(404);
    expect((await from('127.0.0.1', { forwarded: 'for=203.0.113.9' })).statusCode).toBe(404);
    // A bearer token when none is configured opens nothing.
    expect((await from('10.1.2.3', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(404);
  });

  it('with RENXING_METRICS_TOKEN, answers the token from anywhere and refuses a wrong one', async () => {
    app = await testApp(noDb, 5, { metricsToken: TOKEN });
    const get = (remoteAddress: string, authorization?: string) =>
      app!.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: authorization ? { authorization } : {},
      });
    expect((await get('10.1.2.3', `Bearer ${TOKEN}`)).statusCode).toBe(200);
    expect((await get('10.1.2.3', `Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await get('10.1.2.3', 'Bearer nope')).statusCode).toBe(401);
    expect((await get('10.1.2.3')).statusCode).toBe(401);
    // This machine still reads it without the token (the operator's own curl).
    expect((await get('127.0.0.1')).statusCode).toBe(200);
  });
});

describe('metricsAccess', () => {
  const req = (socketAddress: string | undefined, headers: Record<string, string> = {}) => ({
    headers,
    socketAddress,
  });
  it('decides by token first, then by a direct loopback connection', () => {
    expect(metricsAccess(req('127.0.0.1'), null)).toBe('ok');
    expect(metricsAccess(req('::ffff:127.0.0.1'), null)).toBe('ok');
    expect(metricsAccess(req(undefined), null)).toBe('not-local');
    expect(metricsAccess(req('192.168.0.2'), null)).toBe('not-local');
    expect(metricsAccess(req('192.168.0.2'), TOKEN)).toBe('unauthenticated');
    expect(metricsAccess(req('192.168.0.2', { authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe('ok');
    expect(metricsAccess(req('127.0.0.1', { authorization: 'Bearer wrong' }), TOKEN)).toBe('unauthenticated');
  });
});
