/** What other modules' screens may use of plans': the ways to a plan's and an incident's pages. */
export const planHref = (planId: string) => `/plans/${encodeURIComponent(planId)}`;
export const planEditHref = (planId: string) => `/plans/${encodeURIComponent(planId)}/edit`;
export const incidentHref = (incidentId: string) => `/incidents/${encodeURIComponent(incidentId)}`;
export const ACTIONS_HREF = '/plans/actions';
export const METRICS_HREF = '/plans/loop-metrics';
