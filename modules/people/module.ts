/** The people module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import peopleRoutes from './http/routes.js';

export const peopleModule: RenxingModule = { name: 'people', access: ACCESS, routes: peopleRoutes };
