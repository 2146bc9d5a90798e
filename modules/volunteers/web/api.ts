/** Volunteers' API calls and the shapes the console reads of them (see /openapi.json, tag volunteers). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { ApiError, api } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listVolunteers */
export type VolunteerList = Ok<'listVolunteers'>;
export type Volunteer = VolunteerList['volunteers'][number];
export type VolunteerQuery = Query<'listVolunteers'>;
export type Window = Volunteer['windows'][number];

// The constants as modules/volunteers/rules says them, checked against the schemas' enums.
export type Skill = NonNullable<VolunteerQuery['skill']>;
export const SKILLS = allOf<Skill>()([
  'medicine_delivery',
  'food_delivery',
  'transport',
  'elderly_care',
  'translation',
  'medical',
  'psychological',
  'logistics',
]);
export type VolunteerState = Volunteer['state'];
export const VOLUNTEER_STATES = allOf<VolunteerState>()(['unverified', 'verified']);

/** listOrganisations */
export type Organisation = Ok<'listOrganisations'>['organisations'][number];
export type OrganisationKind = Organisation['kind'];
export const ORGANISATION_KINDS = allOf<OrganisationKind>()([
  'social_org',
  'volunteer_team',
  'property_mgmt',
  'enterprise',
  'unit',
]);

/** registerVolunteer, verifyVolunteer, recordVolunteerHours, importVolunteers */
export type NewVolunteer = Body<'registerVolunteer'>;
export type Verified = Ok<'verifyVolunteer'>;
export type Hours = Body<'recordVolunteerHours'>;
export type VolunteerImport = Ok<'importVolunteers'>;

const id = (s: string) => encodeURIComponent(s);

export const listVolunteers = (query: VolunteerQuery, signal?: AbortSignal) =>
  api.get<VolunteerList>('/api/volunteers', { ...query }, signal);

export const listOrganisations = (signal?: AbortSignal) =>
  api.get<Ok<'listOrganisations'>>('/api/volunteers/organisations', undefined, signal);

export const registerVolunteer = (body: NewVolunteer) =>
  api.post<Ok<'registerVolunteer'>>('/api/volunteers', body);

export const verifyVolunteer = (volunteerId: string) =>
  api.post<Verified>(`/api/volunteers/${id(volunteerId)}/verify`);

export const recordVolunteerHours = (volunteerId: string, body: Hours) =>
  api.post<Ok<'recordVolunteerHours'>>(`/api/volunteers/${id(volunteerId)}/hours`, body);

// --- the import, with its upload's progress -------------------------------------------------

export type UploadPhase = 'uploading' | 'processing';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A volunteers file's content type: XLSX by its name or type, CSV otherwise. */
export const fileType = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';

/**
 * importVolunteers with the upload's progress (the kit's fetch client cannot report it, so this
 * one request goes through XMLHttpRequest with the same headers: the session's CSRF token, the
 * console's language for the rejects' messages).
 */
export async function importVolunteers(
  file: File,
  lang: string,
  onProgress: (phase: UploadPhase, sent: number, total: number) => void,
): Promise<VolunteerImport> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/session');
  return new Promise<VolunteerImport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/volunteers/import?${new URLSearchParams({ name: file.name.slice(0, 200) })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', fileType(file));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', lang);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) =>
      onProgress('uploading', e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onProgress('processing', file.size, file.size);
    xhr.onerror = () => reject(new ApiError(0, 'RX_NETWORK', 'network error'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as VolunteerImport);
      else {
        const e = (json ?? {}) as { code?: string; message?: string; field?: string };
        reject(
          new ApiError(xhr.status, e.code ?? `HTTP_${xhr.status}`, e.message ?? xhr.statusText, e.field),
        );
      }
    };
    onProgress('uploading', 0, file.size);
    xhr.send(file);
  });
}
