/** Volunteers and organisations as the API registers them (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import organisationRoutes from './http/organisations.js';
import volunteerRoutes from './http/volunteers.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => volunteerRoutes(scope, ctx));
  await api.register(async (scope) => organisationRoutes(scope, ctx));
}

export const volunteersModule: RenxingModule = { name: 'volunteers', access: ACCESS, routes };
