/** The places module as the API registers it. */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import placeRoutes from './http/routes.js';

export const placesModule: RenxingModule = { name: 'places', access: ACCESS, routes: placeRoutes };
