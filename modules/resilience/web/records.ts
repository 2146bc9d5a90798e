/**
 * Where a record behind an indicator's value lives on the console: each kind to its area's page
 * (the routes in each module's web/module.ts). A kind the console does not know has no link.
 */
import { assetHref } from '@renxing/modules/infrastructure/web';
import { aidBoardHref } from '@renxing/modules/mutual-aid/web';
import { reportsHref } from '@renxing/modules/participation/web';
import { ACTIONS_HREF, incidentHref, planHref } from '@renxing/modules/plans/web';
import { shelterHref } from '@renxing/modules/shelters/web';
import { suppliesGapsHref } from '@renxing/modules/supplies/web';
import { volunteersHref } from '@renxing/modules/volunteers/web';

const id = (s: string) => encodeURIComponent(s);

/** The kinds of record the console links, each to its page (`community` is the community's path). */
const HREFS: Record<string, (recordId: string, community: string) => string> = {
  infra_asset: (r) => assetHref(r),
  shelter: (r) => shelterHref(r),
  supply_item: (_r, community) => suppliesGapsHref(community),
  plan: (r) => planHref(r),
  incident: (r) => incidentHref(r),
  corrective_action: () => ACTIONS_HREF,
  inbox_item: (r) => `/inbox/items/${id(r)}`,
  work_request: (r) => `/requests/${id(r)}`,
  follow_up_task: () => '/inbox/tasks',
  volunteer: () => volunteersHref(),
  aid_request: () => aidBoardHref(),
  report: () => reportsHref(),
};

/** The kinds with a page. */
export const LINKED_KINDS = Object.keys(HREFS);

/** A record's page on the console, or null for a kind without one. */
export function recordHref(kind: string, recordId: string, community: string): string | null {
  const href = Object.hasOwn(HREFS, kind) ? HREFS[kind] : undefined;
  return href ? href(recordId, community) : null;
}
