/** Mutual aid's API calls and the shapes the console reads of them (see /openapi.json, tag mutual aid). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listAidRequests */
export type AidRequestList = Ok<'listAidRequests'>;
export type AidRequest = AidRequestList['requests'][number];
export type AidListQuery = Query<'listAidRequests'>;

// The constants as modules/mutual-aid says them, checked against the schemas' enums.
export type Need = NonNullable<AidListQuery['need']>;
export const NEEDS = allOf<Need>()([
  'medicine_delivery',
  'food_delivery',
  'transport',
  'elderly_care',
  'translation',
  'medical',
  'psychological',
  'logistics',
]);
export type Urgency = AidRequest['urgency'];
export const URGENCIES = allOf<Urgency>()(['urgent', 'normal']);
export type AidState = AidRequest['state'];
export const AID_STATES = allOf<AidState>()(['open', 'matched', 'accepted', 'done', 'cancelled', 'expired']);

/** getAidRequest */
export type AidRequestDetail = Ok<'getAidRequest'>;
export type AidEvent = AidRequestDetail['events'][number];
export type AidEventState = AidEvent['state'];
export type OfferView = AidRequestDetail['offers'][number];
export type OfferState = OfferView['state'];

/** createAidRequest */
export type NewAidRequest = Body<'createAidRequest'>;
export type Created = Ok<'createAidRequest'>;

/** runAidMatching, listAidRuns */
export type RunResult = Ok<'runAidMatching'>;
export type AidRun = RunResult['run'];
/** A match (volunteer set) or an unmatched request (reason set), as the board shows it. */
export type BoardRow = RunResult['rows'][number];
export type Reason = NonNullable<BoardRow['reason']>;
export const REASONS = allOf<Reason>()(['no skill', 'no availability', 'too far', 'no capacity']);
export type RunsAnswer = Ok<'listAidRuns'>;

/** listMyOffers: what the volunteer needs to know (the phone once accepted). */
export type MyOffers = Ok<'listMyOffers'>;
export type MyOffer = MyOffers['offers'][number];

const id = (s: string) => encodeURIComponent(s);

/** listAidRequests; one state at most (the client sends no repeated parameters; the API reads one as a list of one). */
export const listAidRequests = (
  query: Omit<AidListQuery, 'state'> & { state?: AidState },
  signal?: AbortSignal,
) => api.get<AidRequestList>('/api/aid/requests', { ...query }, signal);

export const getAidRequest = (requestId: string, signal?: AbortSignal) =>
  api.get<AidRequestDetail>(`/api/aid/requests/${id(requestId)}`, undefined, signal);

export const createAidRequest = (body: NewAidRequest) => api.post<Created>('/api/aid/requests', body);

export const findAidDuplicate = (query: Query<'findAidDuplicate'>, signal?: AbortSignal) =>
  api.get<Ok<'findAidDuplicate'>>('/api/aid/requests/duplicate', { ...query }, signal);

export const cancelAidRequest = (requestId: string, reason = '') =>
  api.post<Ok<'cancelAidRequest'>>(`/api/aid/requests/${id(requestId)}/cancel`, reason ? { reason } : {});

export const completeAidRequest = (requestId: string) =>
  api.post<Ok<'completeAidRequest'>>(`/api/aid/requests/${id(requestId)}/complete`, {});

export const runAidMatching = (maxKm?: number) =>
  api.post<RunResult>('/api/aid/match', maxKm === undefined ? {} : { maxKm });

export const listAidRuns = (signal?: AbortSignal) =>
  api.get<RunsAnswer>('/api/aid/runs', { limit: 1 }, signal);

export const listMyOffers = (signal?: AbortSignal) => api.get<MyOffers>('/api/aid/offers', undefined, signal);

export const respondAidMatch = (offerId: string, answer: 'accept' | 'decline') =>
  api.post<Ok<'respondAidMatch'>>(`/api/aid/offers/${id(offerId)}/respond`, { answer });
