/**
 * Supplies' console sections: the stock of the stores within the user's place with their movements,
 * the gaps (with the map, the workbook, the alerts and the norms), and the city's catalogue. Who
 * sees each follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const StockPage = lazy(() => import('./StockPage.js').then((m) => ({ default: m.StockPage })));
const GapsPage = lazy(() => import('./GapsPage.js').then((m) => ({ default: m.GapsPage })));
const CataloguePage = lazy(() => import('./CataloguePage.js').then((m) => ({ default: m.CataloguePage })));

export const web: ConsoleModule = {
  name: 'supplies',
  sections: [
    {
      id: 'supplies-stock',
      roles: ACCESS.listStock,
      nav: { path: '/supplies', label: 'nav.supplies', order: 67 },
      routes: [{ path: 'supplies', screen: StockPage }],
    },
    {
      id: 'supplies-gaps',
      roles: ACCESS.getSupplyGaps,
      nav: { path: '/supplies/gaps', label: 'nav.supplyGaps', order: 68 },
      routes: [{ path: 'supplies/gaps', screen: GapsPage }],
    },
    {
      id: 'supplies-catalogue',
      roles: ACCESS.listSupplyItems,
      nav: { path: '/supplies/catalogue', label: 'nav.supplyCatalogue', order: 69 },
      routes: [{ path: 'supplies/catalogue', screen: CataloguePage }],
    },
  ],
};
