/** What other modules' screens may use of participation's: the ways to its screens, and the resident's tabs over their phone screens. */
export { ResidentTabs } from './ResidentTabs.js';
export const reportsHref = (query?: { state?: string; breached?: boolean }) => {
  const q = new URLSearchParams();
  if (query?.state) q.set('state', query.state);
  if (query?.breached) q.set('breached', 'true');
  const s = q.toString();
  return s ? `/participation?${s}` : '/participation';
};
export const earlyWarningsHref = () => '/early-warnings';
export const reportHref = () => '/report';
