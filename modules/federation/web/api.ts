/** Federation's API calls and the shapes the console reads of them (see /openapi.json, tag federation). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';

// Peers that are departments of this city, a hand-off's purpose and the reads of a hand-off are
// being added to the API: read where given (the generated types name them once regenerated).
export type PeerKind = 'city' | 'department';
export type PeerCity = Ok<'listPeerCities'>[number] & { kind?: PeerKind };
export type NewPeer = Body<'registerPeerCity'> & { kind?: PeerKind };
export type HandoffPage = Ok<'listHandoffs'>;
export type Handoff = HandoffPage['handoffs'][number] & { purpose?: string | null };
export type HandoffsQuery = Query<'listHandoffs'>;
/** Who read a hand-off, and why (each read is an audit row). */
export interface Reads {
  total: number;
  last: { at: string; actor: string; purpose: string | null }[];
}
export type HandoffView = Ok<'getHandoff'> & { purpose?: string | null; reads?: Reads };
export type Delivery = HandoffView['deliveries'][number];
export type TrailRow = HandoffView['trail'][number];
export type NewHandoff = Body<'sendHandoff'> & { purpose?: string };

/**
 * The evidence a hand-off carries (the schema leaves it an open object): as modules/federation's
 * rules write it.
 */
export interface Evidence {
  caseLabel?: string;
  confirmedAt?: number;
  cell?: string;
  overlapStart?: number;
  overlapEnd?: number;
  overlapS?: number;
  colour?: 'green' | 'yellow' | 'red';
  openTasks?: number;
}

// The constants as modules/federation says them (the console's project does not compile rules/
// or store/), checked against the schemas' enums.
export type HandoffKind = Handoff['kind'];
export const HANDOFF_KINDS = allOf<HandoffKind>()(['companion', 'case', 'contact', 'resident']);
export type HandoffState = Handoff['state'];
export const HANDOFF_STATES = allOf<HandoffState>()([
  'queued',
  'sent',
  'refused',
  'received',
  'accepted',
  'rejected',
]);
export type Direction = Handoff['direction'];

const id = (s: string) => encodeURIComponent(s);

export const listPeers = (signal?: AbortSignal) =>
  api.get<PeerCity[]>('/api/federation/peers', undefined, signal);

export const registerPeer = (body: NewPeer) => api.post<PeerCity>('/api/federation/peers', body);

export const listHandoffs = (query: HandoffsQuery, signal?: AbortSignal) =>
  api.get<HandoffPage>('/api/handoffs', query, signal);

export const getHandoff = (handoffId: string, signal?: AbortSignal) =>
  api.get<HandoffView>(`/api/handoffs/${id(handoffId)}`, undefined, signal);

export const sendHandoff = (body: NewHandoff) => api.post<Handoff>('/api/handoffs', body);

export const acceptHandoff = (handoffId: string, reason: string) =>
  api.post<Handoff>(`/api/handoffs/${id(handoffId)}/accept`, reason ? { reason } : {});

export const rejectHandoff = (handoffId: string, reason: string) =>
  api.post<Handoff>(`/api/handoffs/${id(handoffId)}/reject`, { reason });
