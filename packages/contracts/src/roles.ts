/**
 * The roles of the platform and the shape of each module's access table (role × operation). The
 * API enforces a module's table, the console reads it, and the access-matrix test checks every
 * operation in /openapi.json against the tables of all modules.
 */
export const ROLES = [
  'city_admin',
  'district_officer',
  'street_officer',
  'community_worker',
  'health_officer',
  'lab_user',
  'auditor',
  'resident',
  'department_officer',
  'infra_operator',
  'volunteer',
] as const;

export type Role = (typeof ROLES)[number];

/** Staff who work on places: everyone but lab users, auditors and residents. */
export const PLACE_STAFF = ['city_admin', 'district_officer', 'street_officer', 'community_worker'] as const;

/** Everyone with an account. */
export const EVERY_ROLE: readonly Role[] = ROLES;

/** An operation anyone may call, signed in or not. */
export const PUBLIC = 'public';

/** A module's operations (by operationId) and the roles each admits. */
export type AccessTable = Readonly<Record<string, readonly Role[] | typeof PUBLIC>>;

/** Whether `role` may call an operation of `table`. */
export function mayCall(table: AccessTable, operation: string, role: Role): boolean {
  const who = table[operation];
  return who === PUBLIC || who?.includes(role) === true;
}
