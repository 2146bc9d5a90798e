/** Critical infrastructure as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import alarmRoutes from './http/alarms.js';
import networkRoutes from './http/network.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => networkRoutes(scope, ctx));
  await api.register(async (scope) => alarmRoutes(scope, ctx));
}

export const infrastructureModule: RenxingModule = { name: 'infrastructure', access: ACCESS, routes };
