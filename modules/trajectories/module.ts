/** The trajectories module as the API registers it: the pings store and the city-scale stream's status. */
import type { AppContext, RenxingModule } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import pingRoutes from './http/routes.js';
import streamRoutes from './http/stream-routes.js';

async function routes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  // Each in a scope of its own: the pings import's CSV body parser stays with the pings routes.
  await api.register(async (scope) => pingRoutes(scope, ctx));
  await api.register(async (scope) => streamRoutes(scope, ctx));
}

export const trajectoriesModule: RenxingModule = { name: 'trajectories', access: ACCESS, routes };
