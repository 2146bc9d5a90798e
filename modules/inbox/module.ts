/** The community inbox as the API registers it. */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import dutyRoutes from './http/duty.js';
import itemRoutes from './http/items.js';
import requestRoutes from './http/requests.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => requestRoutes(scope, ctx));
  await api.register(async (scope) => itemRoutes(scope, ctx));
  await api.register(async (scope) => dutyRoutes(scope, ctx));
}

export const inboxModule: RenxingModule = { name: 'inbox', access: ACCESS, routes };
