/** What other modules' screens may use of infrastructure's: the way to an asset's page, the alarms board and the drill screen. */
export const assetHref = (assetId: string) => `/infrastructure/assets/${encodeURIComponent(assetId)}`;
export const alarmsHref = (state?: 'open' | 'acknowledged' | 'cleared') =>
  state && state !== 'open' ? `/infrastructure/alarms?state=${state}` : '/infrastructure/alarms';
export const drillHref = () => '/infrastructure/drills';
export const networkHref = () => '/infrastructure';
