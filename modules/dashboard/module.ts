/** The dashboard module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import statsRoutes from './http/routes.js';

export const dashboardModule: RenxingModule = { name: 'dashboard', access: ACCESS, routes: statsRoutes };
