/** The audit module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import auditRoutes from './http/routes.js';

export const auditModule: RenxingModule = { name: 'audit', access: ACCESS, routes: auditRoutes };
