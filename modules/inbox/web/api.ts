/** The inbox's API calls and the shapes the console reads of them (see /openapi.json, tag inbox). */

import {
  allOf,
  type Body,
  type Ok,
  type Query,
  type Schema,
  type Sent,
  type With,
} from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types); rows whose schema declares no `required` list are read as Sent.

export type WorkItem = Schema<'WorkItem'>;
/** The person an item another area raised is for (its phone masked). */
export type ItemSubject = NonNullable<WorkItem['subject']>;
export type WorkRequest = Schema<'WorkRequest'>;

// The constants as modules/inbox/rules says them (the console's project does not compile rules/),
// checked against the schemas' enums.
export type DutyList = DutyItem['list'];
export const DUTY_LISTS = allOf<DutyList>()(['own', 'assist', 'negative', 'cert', 'cert_abolished']);
export type WorkKind = WorkItem['kind'];
export const WORK_KINDS = allOf<WorkKind>()(['task', 'form']);
export type Priority = WorkItem['priority'];
export const PRIORITIES = allOf<Priority>()(['normal', 'urgent']);
export type FieldSpec = NonNullable<WorkRequest['fields']>[number];
export type FieldType = FieldSpec['type'];
export const FIELD_TYPES = allOf<FieldType>()(['integer', 'number', 'text', 'boolean', 'date']);
export type ItemState = WorkItem['state'];
export const ITEM_STATES = allOf<ItemState>()(['open', 'in_progress', 'done']);
export type DateWindow = NonNullable<WorkRequest['window']>;

export type Department = Ok<'listDepartments'>['departments'][number];

type View = Ok<'getWorkItem'>;
type ViewField = View['fields'][number];
type Conflict = View['conflictList'][number];
/** A field of an item, with its pre-fill and its answer (each sent whole, or null). */
export type ItemField = With<
  ViewField,
  {
    prefill?: Sent<NonNullable<ViewField['prefill']>> | null;
    answer?: Sent<NonNullable<ViewField['answer']>> | null;
  }
>;
export type FieldValue = NonNullable<ItemField['answer']>['value'];

/**
 * getWorkItem: the item (the view's schema repeats WorkItem's fields without `required`; the route
 * sends them all), the demands behind it, its fields and the keys departments typed differently.
 */
export type WorkItemView = WorkItem &
  With<
    View,
    {
      fields: ItemField[];
      demandList: With<Sent<View['demandList'][number]>, { priority: Priority }>[];
      conflictList: With<
        Sent<Conflict>,
        { types: With<Sent<NonNullable<Conflict['types']>[number]>, { type: FieldType }>[] }
      >[];
    }
  >;

/** getWorkRequest's row of a community: its item, state and answers. */
export type RequestCommunity = With<
  Sent<Ok<'getWorkRequest'>['communities'][number]>,
  { answers: Record<string, FieldValue> }
>;

export type NewWorkRequest = Body<'submitWorkRequest'>;
export type Submitted = Ok<'submitWorkRequest'>;

type DutyListing = Ok<'listDutyItems'>;
export type DutyItem = DutyListing['items'][number];
export type DutyVersion = Sent<DutyListing['versions'][number]>;

type Imported = Ok<'importDutyList'>;
export type DutyImported = With<Imported, { rejects: Sent<Imported['rejects'][number]>[] }>;

export type AdmissionRow = Sent<Ok<'listAdmissions'>['admissions'][number]>;

type Burden = Ok<'getBurdenStats'>;
export type BurdenRow = Sent<Burden['total']>;
export type BurdenStats = With<
  Burden,
  { total: BurdenRow; communities: BurdenRow[]; departments: BurdenRow[] }
>;

export type InboxQuery = Query<'listInbox'>;

const id = (s: string) => encodeURIComponent(s);

export const listInbox = (query: InboxQuery, signal?: AbortSignal) =>
  api.get<Ok<'listInbox'>>('/api/inbox', { ...query }, signal);

export const getWorkItem = (itemId: string, signal?: AbortSignal) =>
  api.get<WorkItemView>(`/api/work-items/${id(itemId)}`, undefined, signal);

export const answerWorkItem = (itemId: string, values: Record<string, FieldValue>) =>
  api.post<WorkItemView>(`/api/work-items/${id(itemId)}/answers`, { values });

export const updateWorkItem = (itemId: string, state: ItemState) =>
  api.patch<WorkItemView>(`/api/work-items/${id(itemId)}`, { state });

export const listDepartments = (signal?: AbortSignal) =>
  api.get<Ok<'listDepartments'>>('/api/departments', undefined, signal).then((r) => r.departments);

export const createDepartment = (body: Body<'createDepartment'>) =>
  api.post<Ok<'createDepartment'>>('/api/departments', body);

export const submitWorkRequest = (body: NewWorkRequest) => api.post<Submitted>('/api/work-requests', body);

export const listWorkRequests = (query: Query<'listWorkRequests'>, signal?: AbortSignal) =>
  api.get<Ok<'listWorkRequests'>>('/api/work-requests', { ...query }, signal);

export const getWorkRequest = (requestId: string, signal?: AbortSignal) =>
  api.get<With<Ok<'getWorkRequest'>, { communities: RequestCommunity[] }>>(
    `/api/work-requests/${id(requestId)}`,
    undefined,
    signal,
  );

export const listDutyItems = (query: Query<'listDutyItems'>, signal?: AbortSignal) =>
  api.get<With<DutyListing, { versions: DutyVersion[] }>>('/api/duty-items', { ...query }, signal);

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

export const approveAdmission = (body: Body<'approveAdmission'>) =>
  api.post<Ok<'approveAdmission'>>('/api/admissions', body);

export const listAdmissions = (signal?: AbortSignal) =>
  api
    .get<With<Ok<'listAdmissions'>, { admissions: AdmissionRow[] }>>('/api/admissions', undefined, signal)
    .then((r) => r.admissions);

export const getBurdenStats = (query: Query<'getBurdenStats'>, signal?: AbortSignal) =>
  api.get<BurdenStats>('/api/burden', { ...query }, signal);
