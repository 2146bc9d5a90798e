/** Emergency supplies as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import catalogueRoutes from './http/catalogue.js';
import gapRoutes from './http/gaps.js';
import stockRoutes from './http/stock.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => catalogueRoutes(scope, ctx));
  await api.register(async (scope) => stockRoutes(scope, ctx));
  await api.register(async (scope) => gapRoutes(scope, ctx));
}

export const suppliesModule: RenxingModule = { name: 'supplies', access: ACCESS, routes };
