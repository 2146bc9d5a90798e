/**
 * Who may do what, and where. A staff user acts on what lies under their own place (a
 * materialised path); anything else — another place, a role not allowed here, a resident reaching
 * past their own record — reads exactly like something that does not exist (404), so the API
 * never reveals what is outside a caller's scope.
 */
import { RenxingError } from '@renxing/contracts';
import { isWithin } from '@renxing/modules/places';
import type { FastifyRequest } from 'fastify';
import type { User, UserRole } from '../store/users.js';

export type RoleSet = ReadonlySet<UserRole>;

export const roles = (...names: UserRole[]): RoleSet => new Set(names);

/** Staff who work on places: everyone but lab users, auditors and residents. */
export const PLACE_STAFF = roles('city_admin', 'district_officer', 'street_officer', 'community_worker');

/** The signed-in user and their place, if their role is in `allowed`; otherwise 404. */
export function scopeOf(request: FastifyRequest, allowed: RoleSet): { user: User; scope: string } {
  const user = request.user;
  if (!user || !allowed.has(user.role) || !user.placePath) throw new RenxingError('RX_NOT_FOUND');
  return { user, scope: user.placePath };
}

/** Whether a record at `path` (null: no known place, i.e. the city-level queue) is in `scope`. */
export function inScope(path: string | null, scope: string): boolean {
  // A record with no place belongs to the city as a whole: only a city-level user sees it.
  if (path === null) return !scope.includes('.');
  return isWithin(path, scope);
}

/** 404 unless `path` is within `scope`. */
export function requireInScope(path: string | null, scope: string): void {
  if (!inScope(path, scope)) throw new RenxingError('RX_NOT_FOUND');
}
