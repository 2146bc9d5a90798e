/** login, logout, getSession. */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, typed } from '@renxing/http';
import { appendAudit } from '@renxing/modules/audit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decoyHash, verifyPassword } from '../service/users.js';
import { insertSession, revokeSession, type User, userCredentials } from '../store/users.js';
import {
  CSRF_HEADER,
  clearSessionCookie,
  csrfTokenFor,
  DEFAULT_SESSION_SECONDS,
  newSessionToken,
  setSessionCookie,
  tokenHash,
} from './session.js';

interface LoginBody {
  username: string;
  password: string;
}

const sessionReply = {
  type: 'object',
  required: ['user', 'csrfToken'],
  properties: {
    user: { $ref: 'User#' },
    csrfToken: { type: 'string', description: `send it back as the ${CSRF_HEADER} header` },
  },
} as const;

function publicUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    placePath: user.placePath,
    displayName: user.displayName,
  };
}

function loginKey(request: FastifyRequest): string {
  const body = request.body as Partial<LoginBody> | undefined;
  return `${request.ip}|${String(body?.username ?? '').toLowerCase()}`;
}

export default async function authRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db, session } = ctx;

  api.post(
    '/login',
    {
      config: {
        rateLimit: { max: ctx.limits.login, timeWindow: 60_000, keyGenerator: loginKey },
      },
      schema: {
        operationId: 'login',
        summary: 'Sign in: sets the HTTP-only session cookie, returns the user and a CSRF token',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        } as const,
        response: { 200: sessionReply, 400: errorRef, 401: errorRef, 429: errorRef },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const creds = await userCredentials(db, username);
      let ok = false;
      if (creds && !creds.user.disabled) ok = await verifyPassword(creds.passwordHash, password);
      else await verifyPassword(await decoyHash(), password); // same time for unknown users
      if (!ok || !creds) {
        await appendAudit(db, {
          actor: creds?.user.id ?? 'anonymous',
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: creds?.user.id ?? null,
          detail: { username, ip: request.ip, reason: creds ? 'bad_password_or_disabled' : 'unknown_user' },
        });
        throw new RenxingError('RX_BAD_CREDENTIALS');
      }
      const token = newSessionToken();
      const seconds = session.seconds ?? DEFAULT_SESSION_SECONDS;
      await db.transaction(async (tx) => {
        await insertSession(tx, {
          tokenHash: tokenHash(token),
          userId: creds.user.id,
          expiresAt: new Date(Date.now() + seconds * 1000),
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
        });
        await appendAudit(tx, {
          actor: creds.user.id,
          action: 'auth.login',
          subjectType: 'user',
          subjectId: creds.user.id,
          detail: { ip: request.ip },
        });
      });
      setSessionCookie(reply, token, session);
      return { user: publicUser(creds.user), csrfToken: csrfTokenFor(session.secret, token) };
    },
  );

  api.post(
    '/logout',
    {
      schema: {
        operationId: 'logout',
        summary: `Sign out: revokes the session (needs the ${CSRF_HEADER} header)`,
        tags: ['auth'],
        response: { 204: { type: 'null' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      await db.transaction(async (tx) => {
        await revokeSession(tx, request.session!.tokenHash);
        await appendAudit(tx, {
          actor: user.id,
          action: 'auth.logout',
          subjectType: 'user',
          subjectId: user.id,
        });
      });
      clearSessionCookie(reply, session);
      return reply.code(204).send();
    },
  );

  api.get(
    '/session',
    {
      schema: {
        operationId: 'getSession',
        summary: 'The signed-in user and the CSRF token (e.g. after a page reload)',
        tags: ['auth'],
        response: { 200: sessionReply, ...commonErrors },
      },
    },
    async (request) => ({ user: publicUser(request.user!), csrfToken: request.session!.csrfToken }),
  );
}
