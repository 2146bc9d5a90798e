/** Plans' API calls and the shapes the console reads of them (see /openapi.json, tag plans). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';

export type Plan = Ok<'listPlans'>[number];
export type PlanView = Ok<'getPlan'>;
export type VersionSummary = PlanView['versions'][number];
export type Version = NonNullable<PlanView['version']>;
export type Levels = Version['levels'];
export type LevelContent = Levels['I'];
export type PlanTask = LevelContent['tasks'][number];
export type SupplyNorm = LevelContent['norms'][number];
export type NewPlan = Body<'createPlan'>;
export type Publication = Body<'publishPlanVersion'>;
export type Published = Ok<'publishPlanVersion'>;
export type Draft = Ok<'savePlanDraft'>;
export type DiffAnswer = Ok<'diffPlanVersions'>;
export type VersionDiff = DiffAnswer['diff'];
export type LevelDiff = VersionDiff['I'];
export type Activation = Body<'activatePlan'>;
export type Activated = Ok<'activatePlan'>;
export type Incident = Ok<'listIncidents'>[number];
export type IncidentView = Ok<'getIncident'>;
export type IncidentEvent = IncidentView['events'][number];
export type Objective = IncidentView['objectives'][number];
export type Missing = IncidentView['missing'];
export type Review = Body<'submitAfterActionReview'>;
export type ObjectiveReview = Review['objectives'][number];
export type ActionInput = NonNullable<ObjectiveReview['actions']>[number];
export type CorrectiveAction = Ok<'listCorrectiveActions'>[number];
export type ActionsQuery = Query<'listCorrectiveActions'>;
export type LoopFigures = Ok<'getLoopMetrics'>;
export type LoopMetrics = LoopFigures['total'];

// The constants as modules/plans/rules says them (the console's project does not compile rules/),
// checked against the schemas' enums.
export type Hazard = Plan['hazard'];
export const HAZARDS = allOf<Hazard>()(['epidemic', 'flood', 'blackout', 'earthquake', 'fire', 'other']);
export type Level = Incident['level'];
export const LEVELS = allOf<Level>()(['I', 'II', 'III', 'IV']);
export type Rating = NonNullable<Objective['rating']>;
export const RATINGS = allOf<Rating>()(['P', 'S', 'M', 'U']);
export type Element = CorrectiveAction['element'];
export const ELEMENTS = allOf<Element>()(['planning', 'organisation', 'equipment', 'training', 'exercise']);
export type TaskRole = PlanTask['who']['role'];
export const TASK_ROLES = allOf<TaskRole>()([
  'city_admin',
  'district_officer',
  'street_officer',
  'community_worker',
  'health_officer',
  'lab_user',
  'auditor',
  'resident',
  'department_officer',
  'infra_operator',
  'volunteer',
]);
export type TaskPlaceLevel = PlanTask['who']['placeLevel'];
export const TASK_PLACE_LEVELS = allOf<TaskPlaceLevel>()(['city', 'district', 'street', 'community', 'grid']);
export type EventKind = IncidentEvent['kind'];
export type ActionState = NonNullable<ActionsQuery['state']>;
export const ACTION_STATES = allOf<ActionState>()(['open', 'closed', 'overdue']);

/** A task's key: as the API checks it. */
export const TASK_KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

const id = (s: string) => encodeURIComponent(s);

export const listPlans = (signal?: AbortSignal) => api.get<Ok<'listPlans'>>('/api/plans', undefined, signal);

export const getPlan = (planId: string, version: number | undefined, signal?: AbortSignal) =>
  api.get<PlanView>(`/api/plans/${id(planId)}`, { version }, signal);

export const createPlan = (body: NewPlan) => api.post<Plan>('/api/plans', body);

export const saveDraft = (planId: string, levels: Levels) =>
  request<Draft>('PUT', `/api/plans/${id(planId)}/draft`, { body: { levels } });

export const publishVersion = (planId: string, body: Publication) =>
  api.post<Published>(`/api/plans/${id(planId)}/versions`, body);

export const diffVersions = (planId: string, from: number, to: number, signal?: AbortSignal) =>
  api.get<DiffAnswer>(`/api/plans/${id(planId)}/diff`, { from, to }, signal);

export const activatePlan = (planId: string, body: Activation) =>
  api.post<Activated>(`/api/plans/${id(planId)}/activate`, body);

export const listIncidents = (query: Query<'listIncidents'>, signal?: AbortSignal) =>
  api.get<Ok<'listIncidents'>>('/api/incidents', query, signal);

export const getIncident = (incidentId: string, signal?: AbortSignal) =>
  api.get<IncidentView>(`/api/incidents/${id(incidentId)}`, undefined, signal);

export const submitReview = (incidentId: string, body: Review) =>
  api.post<IncidentView>(`/api/incidents/${id(incidentId)}/review`, body);

export const closeIncident = (incidentId: string) =>
  api.post<IncidentView>(`/api/incidents/${id(incidentId)}/close`);

export const listActions = (query: ActionsQuery, signal?: AbortSignal) =>
  api.get<Ok<'listCorrectiveActions'>>('/api/corrective-actions', query, signal);

export const getLoopMetrics = (query: Query<'getLoopMetrics'>, signal?: AbortSignal) =>
  api.get<LoopFigures>('/api/plans/loop-metrics', query, signal);

/** Content with no task, norm or shelter at any level. */
export const emptyLevels = (): Levels => ({
  I: { tasks: [], norms: [], shelters: [] },
  II: { tasks: [], norms: [], shelters: [] },
  III: { tasks: [], norms: [], shelters: [] },
  IV: { tasks: [], norms: [], shelters: [] },
});
