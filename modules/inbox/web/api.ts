/** The inbox's API calls and the shapes the console reads of them (see /openapi.json, tag inbox). */
import { api, request } from '@renxing/ui/client';

// As modules/inbox/rules says them (the console's project does not compile rules/).
export const DUTY_LISTS = ['own', 'assist', 'negative', 'cert', 'cert_abolished'] as const;
export type DutyList = (typeof DUTY_LISTS)[number];
export const WORK_KINDS = ['task', 'form'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const FIELD_TYPES = ['integer', 'number', 'text', 'boolean', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const ITEM_STATES = ['open', 'in_progress', 'done'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export type FieldValue = string | number | boolean;
export interface DateWindow {
  from: string;
  to: string;
}
export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface WorkItem {
  id: string;
  placePath: string;
  placeName: string;
  duty: string;
  kind: WorkKind;
  title: string;
  state: ItemState;
  due: string;
  priority: Priority;
  departments: string[];
  window?: { from: string; to: string };
  conflicts?: boolean;
  demands?: number;
  overdue?: boolean;
  createdAt?: string;
  updatedAt?: string;
  finishedAt?: string | null;
}

export interface ItemField extends FieldSpec {
  answerKey: string;
  departments: string[];
  prefill?: { value: FieldValue; source: string; date: string } | null;
  answer?: { value: FieldValue; prefilled: boolean; at: string } | null;
}

export interface WorkItemView extends WorkItem {
  demandList: {
    id: string;
    requestId: string;
    department: string;
    title: string;
    /** Epoch seconds. */
    due: number;
    priority: Priority;
    window: DateWindow | null;
    state: string;
  }[];
  fields: ItemField[];
  conflictList: { key: string; types: { type: FieldType; departments: string[] }[] }[];
}

export interface WorkRequest {
  id: string;
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  due: string;
  window?: DateWindow | null;
  priority: Priority;
  resources?: string | null;
  admission?: string | null;
  fields?: FieldSpec[];
  dutyVersion?: number | null;
  status: 'accepted' | 'refused';
  refusalCode?: string | null;
  refusalReason?: string | null;
  submittedBy?: string | null;
  submittedAt: string;
  communities?: number;
  done?: number;
}

export interface RequestCommunity {
  placePath: string;
  placeName: string;
  itemId: string;
  itemState: ItemState;
  departments: string[];
  state: 'open' | 'done';
  answers: Record<string, FieldValue>;
  doneAt: string | null;
}

export interface NewWorkRequest {
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  due: string;
  window: DateWindow | null;
  priority: Priority;
  resources: string | null;
  admission: string | null;
  fields: FieldSpec[];
}

export interface Submitted {
  id: string;
  status: 'accepted';
  dutyVersion: number;
  communities: { path: string; name: string; itemId: string; joined: boolean }[];
}

export interface DutyItem {
  code: string;
  list: DutyList;
  title: string;
  department: string;
  legalBasis: string;
}

export interface DutyVersion {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  note: string | null;
  items: number;
}

export interface DutyImported {
  version: number;
  rows: number;
  items: number;
  rejects: { line: number; field: string; reason: string }[];
}

export interface AdmissionRow {
  id: string;
  department: string;
  duty: string;
  reason: string;
  approvedBy: string | null;
  /** Epoch seconds. */
  approvedAt: number;
  validUntil: number;
}

export interface BurdenRow {
  key: string;
  name: string;
  demands: number;
  items: number;
  fieldsRequested: number;
  fieldsEntered: number;
  fieldsPrefilled: number;
  itemsSaved: number;
  fieldsSaved: number;
}

export interface BurdenStats {
  from: string;
  to: string;
  total: BurdenRow;
  communities: BurdenRow[];
  departments: BurdenRow[];
}

export interface InboxQuery {
  state?: 'open' | 'done' | 'all';
  overdue?: boolean;
  department?: string;
  place?: string;
  offset?: number;
  limit?: number;
}

const id = (s: string) => encodeURIComponent(s);

export const listInbox = (query: InboxQuery, signal?: AbortSignal) =>
  api.get<{ total: number; items: WorkItem[] }>('/api/inbox', { ...query }, signal);

export const getWorkItem = (itemId: string, signal?: AbortSignal) =>
  api.get<WorkItemView>(`/api/work-items/${id(itemId)}`, undefined, signal);

export const answerWorkItem = (itemId: string, values: Record<string, FieldValue>) =>
  api.post<WorkItemView>(`/api/work-items/${id(itemId)}/answers`, { values });

export const updateWorkItem = (itemId: string, state: ItemState) =>
  api.patch<WorkItemView>(`/api/work-items/${id(itemId)}`, { state });

export const listDepartments = (signal?: AbortSignal) =>
  api.get<{ departments: Department[] }>('/api/departments', undefined, signal).then((r) => r.departments);

export const createDepartment = (body: { code: string; name: string; nameEn: string | null }) =>
  api.post<Department>('/api/departments', body);

export const submitWorkRequest = (body: NewWorkRequest) => api.post<Submitted>('/api/work-requests', body);

export const listWorkRequests = (
  query: { status?: 'accepted' | 'refused'; department?: string; offset?: number; limit?: number },
  signal?: AbortSignal,
) => api.get<{ total: number; requests: WorkRequest[] }>('/api/work-requests', { ...query }, signal);

export const getWorkRequest = (requestId: string, signal?: AbortSignal) =>
  api.get<{ request: WorkRequest; communities: RequestCommunity[] }>(
    `/api/work-requests/${id(requestId)}`,
    undefined,
    signal,
  );

export const listDutyItems = (
  query: { version?: number; list?: DutyList; q?: string; code?: string },
  signal?: AbortSignal,
) =>
  api.get<{ version: number; items: DutyItem[]; versions: DutyVersion[] }>(
    '/api/duty-items',
    { ...query },
    signal,
  );

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** importDutyList: the file as it is, CSV or XLSX (told by its name or its type). */
export const importDutyList = (file: File, note: string | null) =>
  request<DutyImported>('POST', '/api/duty-items/import', {
    query: { note },
    raw: {
      data: file,
      type: /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv',
    },
  });

export const approveAdmission = (body: {
  department: string;
  duty: string;
  reason: string;
  validUntil: string;
}) => api.post<{ id: string }>('/api/admissions', body);

export const listAdmissions = (signal?: AbortSignal) =>
  api.get<{ admissions: AdmissionRow[] }>('/api/admissions', undefined, signal).then((r) => r.admissions);

export const getBurdenStats = (query: { under?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  api.get<BurdenStats>('/api/burden', { ...query }, signal);
