/**
 * Sessions and CSRF for the /api tree. One onRequest hook on that scope rejects every request
 * without a live session (401) unless the route says `config: { public: true }`; every request
 * that may change state (not GET/HEAD/OPTIONS) must also carry `x-csrf-token` (403).
 *
 * The session cookie holds 32 random bytes; the database keeps only their sha256. The CSRF token
 * is an HMAC of the session token with the app secret, so it needs no column of its own and
 * dies with the session.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sessionUser, type User } from '../store/users.js';

export const SESSION_COOKIE = 'rx_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionContext {
  tokenHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set on every non-public route under /api. */
    user: User | null;
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login). */
    public?: boolean;
  }
}

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Add the Secure flag to the cookie (behind HTTPS). */
  secureCookies?: boolean;
  sessionSeconds?: number;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function csrfTokenFor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`csrf\0${token}`).digest('base64url');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(reply: FastifyReply, token: string, options: AuthOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secureCookies ?? false,
    path: '/',
    maxAge: options.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: AuthOptions): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secureCookies ?? false,
    path: '/',
  });
}

export const DEFAULT_SESSION_SECONDS = 12 * 3600;

/** Installs the session hook on `api` (the /api scope) and everything registered inside it. */
export function installAuth(api: FastifyInstance, options: AuthOptions): void {
  api.decorateRequest('user', null);
  api.decorateRequest('session', null);
  api.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) throw new RenxingError('RX_UNAUTHENTICATED');
    const hash = tokenHash(token);
    const user = await sessionUser(options.db, hash);
    if (!user) throw new RenxingError('RX_UNAUTHENTICATED');
    const csrfToken = csrfTokenFor(options.secret, token);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameString(sent, csrfToken)) throw new RenxingError('RX_CSRF');
    }
    request.user = user;
    request.session = { tokenHash: hash, csrfToken };
  });
}
