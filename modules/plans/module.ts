/** Emergency plans, incidents and the learning loop as the API registers them (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import incidentRoutes from './http/incidents.js';
import planRoutes from './http/plans.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => planRoutes(scope, ctx));
  await api.register(async (scope) => incidentRoutes(scope, ctx));
}

export const plansModule: RenxingModule = { name: 'plans', access: ACCESS, routes };
