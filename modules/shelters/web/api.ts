/** Shelters' API calls and the shapes the console reads of them (see /openapi.json, tag shelters). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';

export type ShelterList = Ok<'listShelters'>;
export type Shelter = ShelterList['shelters'][number];
export type Totals = ShelterList['totals'];
export type ShelterView = Ok<'getShelter'>;
export type Occupant = ShelterView['occupants'][number];
export type NewShelter = Body<'createShelter'>;
export type ShelterPatch = Body<'updateShelter'>;
export type Arrival = Body<'checkInShelter'>;
export type Stay = Ok<'checkInShelter'>;
export type CheckedOut = Ok<'checkOutShelter'>;
export type RoomQuery = Query<'findShelterWithRoom'>;
export type Room = Ok<'findShelterWithRoom'>;
export type Ranked = NonNullable<Room['shelter']>;
export type Evacuee = Ok<'findEvacuees'>[number];
export type ShelterImport = Ok<'importShelters'>;
export type ListQuery = Query<'listShelters'>;

// The constants as modules/shelters/rules says them, checked against the schemas' enums.
export type ShelterType = Shelter['type'];
export const SHELTER_TYPES = allOf<ShelterType>()(['indoor', 'outdoor']);
export type Offer = Shelter['offers'][number];
export const OFFERS = allOf<Offer>()(['accessible', 'beds', 'medical', 'pets']);
export type ShelterState = Shelter['state'];
export const SHELTER_STATES = allOf<ShelterState>()(['closed', 'open']);
export type Period = Shelter['period'];

const id = (s: string) => encodeURIComponent(s);

export const listShelters = (query: ListQuery, signal?: AbortSignal) =>
  api.get<ShelterList>('/api/shelters', query, signal);

export const getShelter = (shelterId: string, signal?: AbortSignal) =>
  api.get<ShelterView>(`/api/shelters/${id(shelterId)}`, undefined, signal);

export const createShelter = (body: NewShelter) => api.post<Shelter>('/api/shelters', body);

export const updateShelter = (shelterId: string, body: ShelterPatch) =>
  request<Shelter>('PATCH', `/api/shelters/${id(shelterId)}`, { body });

export const setShelterState = (shelterId: string, state: ShelterState) =>
  api.post<Ok<'setShelterState'>>(`/api/shelters/${id(shelterId)}/state`, { state });

export const checkIn = (shelterId: string, body: Arrival) =>
  api.post<Stay>(`/api/shelters/${id(shelterId)}/check-ins`, body);

export const checkOut = (checkInId: string) =>
  api.post<CheckedOut>(`/api/shelters/check-ins/${id(checkInId)}/check-out`);

export const findRoom = (query: RoomQuery, signal?: AbortSignal) =>
  api.get<Room>('/api/shelters/nearest', query, signal);

export const findEvacuees = (q: string, signal?: AbortSignal) =>
  api.get<Evacuee[]>('/api/shelters/evacuees', { q }, signal);

/** The status export as a file (a plain link: the cookie goes with it). */
export const exportUrl = (format: 'geojson' | 'edxl') => `/api/shelters/export?format=${format}`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** importShelters: the file as it is (CSV or XLSX by its name or type). */
export function importShelters(file: File): Promise<ShelterImport> {
  const type = /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
  return request<ShelterImport>('POST', '/api/shelters/import', {
    query: { name: file.name.slice(0, 200) },
    raw: { data: file, type },
  });
}
