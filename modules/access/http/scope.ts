/**
 * Who may do what, and where. A staff user acts on what lies under their own place (a
 * materialised path); anything else — another place, a role not allowed here, a resident reaching
 * past their own record — reads exactly like something that does not exist (404), so the API
 * never reveals what is outside a caller's scope.
 */
import { RenxingError } from '@renxing/contracts';
import { isCityLevel, isWithin } from '@renxing/modules/places';
import type { FastifyRequest } from 'fastify';
import type { User } from '../store/users.js';

/**
 * The signed-in user and their place; 404 for a user with no place. Whether the user's role may
 * call the operation at all was decided before, by the module's access table (session.ts).
 */
export function scopeOf(request: FastifyRequest): { user: User; scope: string } {
  const user = request.user;
  if (!user?.placePath) throw new RenxingError('RX_NOT_FOUND');
  return { user, scope: user.placePath };
}

/** Whether a record at `path` (null: no known place, i.e. the city-level queue) is in `scope`. */
export function inScope(path: string | null, scope: string): boolean {
  // A record with no place belongs to the city as a whole: only a city-level user sees it.
  if (path === null) return isCityLevel(scope);
  return isWithin(path, scope);
}

/** 404 unless `path` is within `scope`. */
export function requireInScope(path: string | null, scope: string): void {
  if (!inScope(path, scope)) throw new RenxingError('RX_NOT_FOUND');
}
