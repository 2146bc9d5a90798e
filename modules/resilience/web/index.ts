/** What other modules' screens may use of the resilience index's: the ways to the map, a community's page and the indicators. */
export const resilienceHref = () => '/resilience';
export const resilienceCommunityHref = (path: string, date?: string) =>
  `/resilience/communities/${encodeURIComponent(path)}${date ? `?date=${date}` : ''}`;
export const resilienceIndicatorsHref = () => '/resilience/indicators';
