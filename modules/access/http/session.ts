/**
 * Sessions, CSRF and the access tables for the /api tree. Every operation under /api must appear
 * in the merged access table of the modules (the start fails otherwise). One onRequest hook
 * admits a `public` operation as it is; any other needs a live session (401) and a role the
 * table names for that operation (else 404, as if it did not exist); every request that may
 * change state (not GET/HEAD/OPTIONS) must also carry `x-csrf-token` (403).
 *
 * The session cookie holds 32 random bytes; the database keeps only their sha256. The CSRF token
 * is an HMAC of the session token with the app secret, so it needs no column of its own and
 * dies with the session.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type AccessTable, PUBLIC, RenxingError, type Role } from '@renxing/contracts';
import type { AppContext } from '@renxing/http';
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
    /** Who may call the route: its operation's entry in the access table (set at registration). */
    admits?: readonly Role[] | typeof PUBLIC;
  }
}

/** The session settings of the app context. */
export type SessionOptions = AppContext['session'];

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

export function setSessionCookie(reply: FastifyReply, token: string, options: SessionOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secureCookies ?? false,
    path: '/',
    maxAge: options.seconds ?? DEFAULT_SESSION_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: SessionOptions): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secureCookies ?? false,
    path: '/',
  });
}

export const DEFAULT_SESSION_SECONDS = 12 * 3600;

/**
 * Installs the session hook on `api` (the /api scope) and everything registered inside it, with
 * `access` (every module's table merged) deciding who may call each operation.
 */
export function installAuth(api: FastifyInstance, ctx: AppContext, access: AccessTable): void {
  api.decorateRequest('user', null);
  api.decorateRequest('session', null);
  api.addHook('onRoute', (route) => {
    const operation = (route.schema as { operationId?: string } | undefined)?.operationId;
    const admits = operation === undefined ? undefined : access[operation];
    if (admits === undefined) {
      throw new Error(
        `${route.method} ${route.url}: operation ${operation ?? '(no operationId)'} has no access table entry`,
      );
    }
    route.config = { ...route.config, admits };
  });
  api.addHook('onRequest', async (request) => {
    const admits = request.routeOptions.config.admits;
    if (admits === PUBLIC) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) throw new RenxingError('RX_UNAUTHENTICATED');
    const hash = tokenHash(token);
    const user = await sessionUser(ctx.db, hash);
    if (!user) throw new RenxingError('RX_UNAUTHENTICATED');
    const csrfToken = csrfTokenFor(ctx.session.secret, token);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameString(sent, csrfToken)) throw new RenxingError('RX_CSRF');
    }
    // Not found routes have no entry: they fall through to the 404 handler.
    if (admits !== undefined && !admits.includes(user.role)) throw new RenxingError('RX_NOT_FOUND');
    request.user = user;
    request.session = { tokenHash: hash, csrfToken };
  });
}
