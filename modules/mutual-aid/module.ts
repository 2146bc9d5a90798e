/** Mutual aid as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import aidRoutes from './http/routes.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => aidRoutes(scope, ctx));
}

export const mutualAidModule: RenxingModule = { name: 'mutual-aid', access: ACCESS, routes };
