/** The trajectories module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import pingRoutes from './http/routes.js';

export const trajectoriesModule: RenxingModule = { name: 'trajectories', access: ACCESS, routes: pingRoutes };
