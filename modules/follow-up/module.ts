/** The follow-up module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import taskRoutes from './http/routes.js';

export const followUpModule: RenxingModule = { name: 'follow-up', access: ACCESS, routes: taskRoutes };
