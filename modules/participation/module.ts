/** Public participation as the API registers it (apps/api/src/modules.ts). */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import notificationRoutes from './http/notifications.js';
import oversightRoutes from './http/oversight.js';
import reportRoutes from './http/reports.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => reportRoutes(scope, ctx));
  await api.register(async (scope) => oversightRoutes(scope, ctx));
  await api.register(async (scope) => notificationRoutes(scope, ctx));
}

export const participationModule: RenxingModule = { name: 'participation', access: ACCESS, routes };
