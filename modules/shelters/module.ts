/** Emergency shelters as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import checkInRoutes from './http/checkins.js';
import exportRoutes from './http/exports.js';
import registryRoutes from './http/registry.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => registryRoutes(scope, ctx));
  await api.register(async (scope) => checkInRoutes(scope, ctx));
  await api.register(async (scope) => exportRoutes(scope, ctx));
}

export const sheltersModule: RenxingModule = { name: 'shelters', access: ACCESS, routes };
