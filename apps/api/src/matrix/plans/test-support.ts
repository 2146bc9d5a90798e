/**
 * Plans' share of the access matrix and the fuzz: who may call each operation, its fixture, its
 * requests in and out of scope, and its routes for random bodies.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import {
  activatePlan,
  createPlan,
  emptyContent,
  publishPlanVersion,
  type VersionContent,
} from '@renxing/modules/plans';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const READERS: UserRole[] = [...STAFF, 'health_officer'];

export const PLANS_ACCESS: Record<string, UserRole[]> = {
  createPlan: STAFF,
  listPlans: READERS,
  getPlan: READERS,
  savePlanDraft: STAFF,
  publishPlanVersion: STAFF,
  diffPlanVersions: READERS,
  activatePlan: STAFF,
  listIncidents: READERS,
  getIncident: READERS,
  submitAfterActionReview: STAFF,
  closeIncident: STAFF,
  listCorrectiveActions: READERS,
  getLoopMetrics: READERS,
};

export interface PlansFixture {
  planIn: string;
  planOut: string;
  incidentIn: string;
  incidentOut: string;
  objectiveIn: string;
  objectiveOut: string;
}

const IN = 'cq.yz.jd01.sq01';
const OUT = 'cq.jb.jd03.sq09';

/** Levels II and IV with a task each (no norms: the matrix's city has no supplies catalogue). */
function levels(): VersionContent {
  const c = emptyContent();
  const who = { role: 'community_worker' as const, placeLevel: 'community' as const };
  c.II.tasks = [{ key: 'evacuate', title: '转移群众', who, dueOffsetHours: 6 }];
  c.IV.tasks = [{ key: 'watch', title: '关注预警', who, dueOffsetHours: 2 }];
  return c;
}

/**
 * Two plans, each with version 1 and an open incident at level IV — one of 社区一 (the matrix's
 * community worker's place, under every place user's), one of 社区九 in the other district.
 */
export async function seedPlans(db: Db, o: { now: number; userId: string }): Promise<PlansFixture> {
  const actor = { userId: o.userId, scope: 'cq', now: new Date(o.now * 1000) };
  const plan = async (place: string) => {
    const p = await createPlan(db, { title: `防汛应急预案 ${place}`, hazard: 'flood', owner: place }, actor);
    await publishPlanVersion(db, p.id, { levels: levels(), changeNote: '' }, actor);
    const { incident } = await activatePlan(db, p.id, { level: 'IV', places: [place] }, actor);
    return { plan: p.id, incident: incident.incident.id, objective: incident.objectives[0].id };
  };
  const inside = await plan(IN);
  const outside = await plan(OUT);
  return {
    planIn: inside.plan,
    planOut: outside.plan,
    incidentIn: inside.incident,
    incidentOut: outside.incident,
    objectiveIn: inside.objective,
    objectiveOut: outside.objective,
  };
}

/** The request for a plans operation in or out of scope (null: none out of scope), or undefined for another module's. */
export function plansRequest(op: string, f: PlansFixture, out: boolean): Req | null | undefined {
  const plan = out ? f.planOut : f.planIn;
  const incident = out ? f.incidentOut : f.incidentIn;
  const place = out ? OUT : IN;
  switch (op) {
    case 'createPlan':
      return {
        method: 'POST',
        url: '/api/plans',
        payload: { title: '内涝预案', hazard: 'flood', owner: place },
      };
    case 'listPlans':
      return out ? null : { method: 'GET', url: '/api/plans' };
    case 'getPlan':
      return { method: 'GET', url: `/api/plans/${plan}` };
    case 'savePlanDraft':
      return { method: 'PUT', url: `/api/plans/${plan}/draft`, payload: { levels: levels() } };
    case 'publishPlanVersion':
      return {
        method: 'POST',
        url: `/api/plans/${plan}/versions`,
        payload: { levels: levels(), changeNote: '演练后修订' },
      };
    case 'diffPlanVersions':
      return { method: 'GET', url: `/api/plans/${plan}/diff?from=1&to=1` };
    case 'activatePlan':
      return {
        method: 'POST',
        url: `/api/plans/${plan}/activate`,
        payload: { level: 'IV', places: [place] },
      };
    case 'listIncidents':
      return out ? null : { method: 'GET', url: '/api/incidents' };
    case 'getIncident':
      return { method: 'GET', url: `/api/incidents/${incident}` };
    case 'submitAfterActionReview':
      // Rated P again and again; once closed (below), 409: either way the caller was admitted.
      return {
        method: 'POST',
        url: `/api/incidents/${incident}/review`,
        payload: { objectives: [{ id: out ? f.objectiveOut : f.objectiveIn, rating: 'P' }] },
      };
    case 'closeIncident':
      // 422 while unrated, 200 once, 409 after.
      return { method: 'POST', url: `/api/incidents/${incident}/close` };
    case 'listCorrectiveActions':
      return out ? null : { method: 'GET', url: '/api/corrective-actions' };
    case 'getLoopMetrics':
      return { method: 'GET', url: `/api/plans/loop-metrics?under=${out ? 'cq.jb' : IN}` };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** Plans' routes for the fuzz, as the city admin (who may call every operation of them). */
export const PLANS_FUZZ_ROUTES = [
  { method: 'POST', url: '/api/plans', auth: true, admin: true },
  { method: 'GET', url: '/api/plans', auth: true, admin: true },
  { method: 'GET', url: `/api/plans/${NO_ONE}`, auth: true, admin: true },
  { method: 'PUT', url: `/api/plans/${NO_ONE}/draft`, auth: true, admin: true },
  { method: 'POST', url: `/api/plans/${NO_ONE}/versions`, auth: true, admin: true },
  { method: 'GET', url: `/api/plans/${NO_ONE}/diff`, auth: true, admin: true },
  { method: 'POST', url: `/api/plans/${NO_ONE}/activate`, auth: true, admin: true },
  { method: 'GET', url: '/api/incidents', auth: true, admin: true },
  { method: 'GET', url: `/api/incidents/${NO_ONE}`, auth: true, admin: true },
  { method: 'POST', url: `/api/incidents/${NO_ONE}/review`, auth: true, admin: true },
  { method: 'POST', url: `/api/incidents/${NO_ONE}/close`, auth: true, admin: true },
  { method: 'GET', url: '/api/corrective-actions', auth: true, admin: true },
  { method: 'GET', url: '/api/plans/loop-metrics', auth: true, admin: true },
] as const;
