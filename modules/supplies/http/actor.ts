/** The caller as supplies' services see them, and the place a query is bounded to. */
import type { AppContext } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyRequest } from 'fastify';
import type { SuppliesActor } from '../service/actor.js';

export function actorOf(request: FastifyRequest, ctx: AppContext): SuppliesActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

/** `under` if given and within the caller's place (404 otherwise), else the caller's place. */
export function underOf(request: FastifyRequest, under: string | undefined): string {
  const { scope } = scopeOf(request);
  if (under === undefined) return scope;
  requireInScope(under, scope);
  return under;
}
