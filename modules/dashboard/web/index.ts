/** What other modules' screens may use of the dashboard screens. */
import { lazy } from 'react';

export { CompanionCellsLayer } from './cells.js';

/**
 * A place's overview (statistics, chart, map), loaded on first use: the charts stay out of the
 * chunks of screens that only need the companion cells (a case's page).
 */
export const Overview = lazy(() => import('./Overview.js').then((m) => ({ default: m.Overview })));
