/**
 * A test API serving the shelters module alone (with sign-in), until apps/api registers it: the
 * same kernel plugins as apps/api/src/app.ts — error catalogue, input rules, shared schemas,
 * cookies, the OpenAPI document, the session hook enforcing the access tables — and its routes
 * under /api.
 */
import type { Db } from '@renxing/db';
import { moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { sheltersModule } from '../module.js';

export { PASSWORD, signIn } from '@renxing/http/testing';

export const sheltersApp = (
  db: Db,
  o: { now: () => number; citySecret?: Buffer },
): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: o.now,
    installAuth,
    modules: [accessModule, sheltersModule],
    ctx: { citySecret: () => o.citySecret ?? Buffer.from('shelters-city-secret-shelters-city-secret') },
  });

/** A user who signs in with PASSWORD. */
export async function addUser(db: Db, username: string, role: UserRole, placePath: string | null) {
  return createUser(db, { username, password: PASSWORD, role, placePath });
}
