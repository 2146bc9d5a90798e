export { ACCESS } from './access.js';
export { default as statsRoutes } from './http/routes.js';
export { dashboardModule } from './module.js';
export { busiestCommunity, type PlaceStats, placeStats, someoneWithColour } from './store/stats.js';
