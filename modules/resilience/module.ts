/** The resilience index and self-assessments as the API registers them (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import assessmentRoutes from './http/assessments.js';
import indexRoutes from './http/index-routes.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => indexRoutes(scope, ctx));
  await api.register(async (scope) => assessmentRoutes(scope, ctx));
}

export const resilienceModule: RenxingModule = { name: 'resilience', access: ACCESS, routes };
