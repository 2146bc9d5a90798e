/** Turning API bodies into service inputs, and the caller into an actor. */
import type { AppContext } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyRequest } from 'fastify';
import type { AvailabilityWindow } from '../rules/windows.js';
import type { VolunteerActor } from '../service/actor.js';

/** The staff caller as volunteers' services see them. */
export function actorOf(request: FastifyRequest, ctx: AppContext): VolunteerActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

/** Windows from the body (instants as text). */
export const windowsOf = (ws: readonly { from: string; to: string }[] | undefined): AvailabilityWindow[] =>
  (ws ?? []).map((w) => ({ from: new Date(w.from), to: new Date(w.to) }));
