/** Volunteers' API calls and the shapes the console reads of them (see /openapi.json, tag volunteers). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';
import { type UploadProgress, uploadFile } from '@renxing/ui/upload';

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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A volunteers file's content type: XLSX by its name or type, CSV otherwise. */
export const fileType = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';

/** importVolunteers: the file as it is, its name kept for the audit trail, with the upload's progress. */
export const importVolunteers = (file: File, lang: string, onProgress: UploadProgress) =>
  uploadFile<VolunteerImport>('/api/volunteers/import', file, {
    contentType: fileType(file),
    lang,
    onProgress,
    query: { name: file.name.slice(0, 200) },
  });
