/** The caller of a participation route as the services see them. */
import type { AppContext } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyRequest } from 'fastify';
import type { ParticipationActor } from '../service/actor.js';

/** A resident (no place: their own records only) or staff (their place). */
export function actorOf(request: FastifyRequest, ctx: AppContext): ParticipationActor {
  const user = request.user!;
  const now = new Date(ctx.now() * 1000);
  if (user.role === 'resident' || user.role === 'volunteer')
    return { userId: user.id, role: user.role, personId: user.personId, scope: null, now };
  const { scope } = scopeOf(request);
  return { userId: user.id, role: user.role, personId: user.personId, scope, now };
}

/** A staff caller's scope, narrowed to `placePath` when given (404 when outside theirs). */
export function staffScope(request: FastifyRequest, placePath: string | undefined): string {
  const { scope } = scopeOf(request);
  if (placePath === undefined) return scope;
  requireInScope(placePath, scope);
  return placePath;
}
