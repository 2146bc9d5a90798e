/** Mass screening as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import coverageRoutes from './http/coverage.js';
import resultRoutes from './http/results.js';
import roundRoutes from './http/rounds.js';
import samplingRoutes from './http/sampling.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => roundRoutes(scope, ctx));
  await api.register(async (scope) => samplingRoutes(scope, ctx));
  await api.register(async (scope) => resultRoutes(scope, ctx));
  await api.register(async (scope) => coverageRoutes(scope, ctx));
}

export const screeningModule: RenxingModule = { name: 'screening', access: ACCESS, routes };
