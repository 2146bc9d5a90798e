/** Typed calls, one per API operation the console uses (operationIds from /openapi.json). */

import type {
  Case,
  Colour,
  Companion,
  HealthCode,
  OverrideRequest,
  Person,
  PersonHit,
  Place,
  PlaceStats,
  RecordedTest,
  StaffMember,
  Task,
  TaskOutcome,
  TaskSort,
  TaskState,
  TestResult,
} from './api-types.js';
import type { CellCollection } from './CityMap.js';
import { ApiError, api, request } from './client.js';

export const listPlaces = (query: { under?: string; level?: string }, signal?: AbortSignal) =>
  api.get<{ places: Place[] }>('/api/places', query, signal).then((r) => r.places);

/** getPlaceStats: the place first, then each place directly under it. */
export const placeStats = (under: string | undefined, signal?: AbortSignal) =>
  api
    .get<{ place: PlaceStats; children: PlaceStats[] }>('/api/stats/places', { under }, signal)
    .then((r) => [r.place, ...r.children]);

/** getCompanionCells: grid cells as GeoJSON squares, of one case or of all. */
export const companionCells = (caseId: string | undefined, signal?: AbortSignal) =>
  api.get<CellCollection>('/api/stats/cells', { caseId }, signal);

export interface NewCase {
  personId?: string;
  phone?: string;
  label?: string;
  confirmedAt?: string;
  from?: string;
  to?: string;
}

export const createCase = (body: NewCase) => api.post<Case>('/api/cases', body);

export const listCases = (query: { offset?: number; limit?: number; state?: string }, signal?: AbortSignal) =>
  api.get<{ total: number; cases: Case[] }>('/api/cases', query, signal);

export const getCase = (id: string, signal?: AbortSignal) =>
  api.get<Case>(`/api/cases/${encodeURIComponent(id)}`, undefined, signal);

export interface CompanionQuery {
  cell?: string;
  place?: string;
  minOverlap?: number;
  q?: string;
  offset?: number;
  limit?: number;
}

export const listCaseCompanions = (id: string, query: CompanionQuery, signal?: AbortSignal) =>
  api.get<{ total: number; companions: Companion[] }>(
    `/api/cases/${encodeURIComponent(id)}/companions`,
    { ...query },
    signal,
  );

export interface TaskQuery {
  state?: TaskState[];
  overdue?: boolean;
  caseId?: string;
  place?: string;
  q?: string;
  sort?: TaskSort;
  offset?: number;
  limit?: number;
}

export const listTasks = (query: TaskQuery, signal?: AbortSignal) => {
  const { state, ...rest } = query;
  // `state` repeats in the query string (state=pending&state=in_progress).
  const params = new URLSearchParams();
  for (const s of state ?? []) params.append('state', s);
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return request<{ total: number; tasks: Task[] }>('GET', `/api/tasks${qs ? `?${qs}` : ''}`, { signal });
};

export interface TaskPatch {
  state?: TaskState;
  outcome?: TaskOutcome | null;
  note?: string | null;
  assignedTo?: string | null;
  place?: string;
}

export const updateTask = (id: string, patch: TaskPatch) =>
  api.patch<Task>(`/api/tasks/${encodeURIComponent(id)}`, patch);

export const reassignTasks = (body: { ids: string[]; place?: string; assignedTo?: string | null }) =>
  api.post<{ moved: number; skipped: number }>('/api/tasks/reassign', body);

/** listStaff: the active staff under your place (or `under`), to assign work to. */
export const listStaff = (query: { under?: string }, signal?: AbortSignal) =>
  api.get<{ users: StaffMember[]; truncated: boolean }>('/api/users', query, signal);

export interface PeopleQuery {
  q?: string;
  under?: string;
  offset?: number;
  limit?: number;
}

/** listPeople: find people in your area (each search is audited). */
export const listPeople = (query: PeopleQuery, signal?: AbortSignal) =>
  api.get<{ total: number; people: PersonHit[] }>('/api/people', { ...query }, signal);

const person = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const getPerson = (id: string, signal?: AbortSignal) => api.get<Person>(person(id), undefined, signal);

export const getHealthCode = (id: string, signal?: AbortSignal) =>
  api.get<HealthCode>(`${person(id)}/health-code`, undefined, signal);

export const getMyHealthCode = (signal?: AbortSignal) =>
  api.get<HealthCode>('/api/me/health-code', undefined, signal);

/** A fresh QR PNG (a new signed token each time: never from the cache). */
export async function fetchHealthCodeQr(id: string | 'me', signal?: AbortSignal): Promise<Blob> {
  const res = await fetch(id === 'me' ? '/api/me/health-code/qr' : `${person(id)}/health-code/qr`, {
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  return res.blob();
}

export const listTestResults = (id: string, signal?: AbortSignal) =>
  api
    .get<{ testResults: TestResult[] }>(`${person(id)}/test-results`, undefined, signal)
    .then((r) => r.testResults);

export const recordTestResult = (body: {
  personId: string;
  result: 'negative' | 'positive';
  sampledAt: string;
  lab: string;
  sampleId: string;
}) => api.post<RecordedTest>('/api/test-results', body);

export const requestOverride = (id: string, body: { to: Colour; reason: string }) =>
  api.post<OverrideRequest>(`${person(id)}/overrides`, body);

export const listOverrides = (query: { personId?: string }, signal?: AbortSignal) =>
  api.get<{ overrides: OverrideRequest[] }>('/api/overrides', query, signal).then((r) => r.overrides);

export const decideOverride = (id: string, approve: boolean, reason: string) =>
  api.post<OverrideRequest>(`/api/overrides/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, {
    reason,
  });
