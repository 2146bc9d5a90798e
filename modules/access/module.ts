/** The access module as the API registers it: sign-in and the staff list (the session hook is the app's). */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import authRoutes from './http/auth-routes.js';
import userRoutes from './http/users-routes.js';

export const accessModule: RenxingModule = {
  name: 'access',
  access: ACCESS,
  routes: async (api, ctx) => {
    await authRoutes(api, ctx);
    await userRoutes(api, ctx);
  },
};
