import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, setRequestLocale, withQuery } from './client.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token on unsafe methods only, and the console language', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    setRequestLocale('en');
    await api.get('/api/x', { a: 1, b: undefined, c: '' });
    await api.post('/api/y', { z: 1 });
    const [getUrl, getInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, postInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(getUrl).toBe('/api/x?a=1');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((getInit.headers as Record<string, string>)['accept-language']).toBe('en');
    expect((postInit.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(postInit.body).toBe('{"z":1}');
    setRequestLocale('zh-CN');
  });

  it('turns the error shape into an ApiError with code, message and field', async () => {
    vi.stubGlobal('fetch', async () => json(400, { code: 'RX_VALIDATION', message: 'bad', field: 'body.x' }));
    const e = await api.get('/api/x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 400, code: 'RX_VALIDATION', message: 'bad', field: 'body.x' });
  });

  it('after RX_CSRF fetches the current token from getSession and retries once', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const token = (init.headers as Record<string, string>)['x-csrf-token'];
      calls.push(`${init.method} ${url} ${token ?? '-'}`);
      if (url === '/api/session') return json(200, { user: {}, csrfToken: 'new' });
      return token === 'new' ? json(200, { done: true }) : json(403, { code: 'RX_CSRF', message: 'csrf' });
    });
    setCsrfToken('old');
    await expect(api.post('/api/z', {})).resolves.toEqual({ done: true });
    expect(calls).toEqual(['POST /api/z old', 'GET /api/session -', 'POST /api/z new']);
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/p', { a: 'x y', b: null, c: 0 })).toBe('/p?a=x+y&c=0');
    expect(withQuery('/p')).toBe('/p');
  });
});
