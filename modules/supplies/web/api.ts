/** Supplies' API calls and the shapes the console reads of them (see /openapi.json, tag supplies). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';

export type SupplyItem = Ok<'listSupplyItems'>[number];
export type ItemImport = Ok<'importSupplyItems'>;
export type ItemReject = ItemImport['rejects'][number];
export type Store = Ok<'listSupplyStores'>[number];
export type Lot = Ok<'listStock'>[number];
export type Movements = Ok<'listMovements'>;
export type Movement = Movements['movements'][number];
export type MovementKind = Movement['kind'];
export const MOVEMENT_KINDS = allOf<MovementKind>()(['receive', 'issue', 'transfer', 'adjust', 'expire']);
export type Gaps = Ok<'getSupplyGaps'>;
export type GapRow = Gaps['rows'][number];
export type GapPlace = Gaps['places'][number];
export type GapsQuery = Query<'getSupplyGaps'>;
export type Norm = Ok<'listSupplyNorms'>[number];
export type Alerts = Ok<'listSupplyAlerts'>;
export type Raised = Ok<'raiseSupplyAlerts'>;
export type Receipt = Body<'receiveStock'>;
export type Issue = Body<'issueStock'>;
export type Transfer = Body<'transferStock'>;
export type Adjustment = Body<'adjustStock'>;
export type Expiry = Body<'expireStock'>;

const P = '/api/supplies';

export const listItems = (signal?: AbortSignal) => api.get<SupplyItem[]>(`${P}/items`, undefined, signal);

/** importSupplyItems: the file as it is (CSV or XLSX by its name or type), its name kept for the audit. */
export const importItems = (file: Blob, name: string, type: string) =>
  request<ItemImport>('POST', `${P}/items/import`, {
    raw: { data: file, type },
    query: { name: name.slice(0, 200) },
  });

export const listStores = (under: string | undefined, signal?: AbortSignal) =>
  api.get<Store[]>(`${P}/stores`, { under }, signal);

export const createStore = (body: Body<'createSupplyStore'>) => api.post<Store>(`${P}/stores`, body);

export const listStock = (query: Query<'listStock'>, signal?: AbortSignal) =>
  api.get<Lot[]>(`${P}/stock`, query, signal);

export const listMovements = (query: Query<'listMovements'>, signal?: AbortSignal) =>
  api.get<Movements>(`${P}/movements`, query, signal);

export const receiveStock = (body: Receipt) => api.post<Movement>(`${P}/receipts`, body);
export const issueStock = (body: Issue) => api.post<Movement>(`${P}/issues`, body);
export const transferStock = (body: Transfer) => api.post<Movement>(`${P}/transfers`, body);
export const adjustStock = (body: Adjustment) => api.post<Movement>(`${P}/adjustments`, body);
export const expireStock = (body: Expiry) => api.post<Movement[]>(`${P}/expiries`, body);

export const getGaps = (query: GapsQuery, signal?: AbortSignal) => api.get<Gaps>(`${P}/gaps`, query, signal);

export const listNorms = (signal?: AbortSignal) => api.get<Norm[]>(`${P}/norms`, undefined, signal);

export const listAlerts = (under: string | undefined, signal?: AbortSignal) =>
  api.get<Alerts>(`${P}/alerts`, { under }, signal);

export const raiseAlerts = (under: string | undefined) =>
  api.post<Raised>(`${P}/alerts/raise`, undefined, { under });

/** The workbook of stock and gaps (a plain link: the session's cookie goes with it). */
export const exportUrl = (under: string | undefined, horizon: string | undefined) => {
  const q = new URLSearchParams();
  if (under) q.set('under', under);
  if (horizon) q.set('horizon', horizon);
  const s = q.toString();
  return `${P}/export${s ? `?${s}` : ''}`;
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A catalogue file's content type: XLSX by its name or its type, CSV otherwise. */
export const tableType = (file: File) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
