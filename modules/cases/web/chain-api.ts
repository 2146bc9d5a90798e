/** getTransmissionChain and the shapes the chain screen reads of it (see /openapi.json, tag cases). */
import type { Ok, Query } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts).
export type Chain = Ok<'getTransmissionChain'>;
export type ChainNode = Chain['nodes'][number];
export type ChainEdge = Chain['edges'][number];
export type ChainQuery = Query<'getTransmissionChain'>;

/** The generations one may ask for (the API's maximum depth). */
export const DEPTHS = [1, 2, 3] as const;

export const getTransmissionChain = (caseId: string, query: ChainQuery, signal?: AbortSignal) =>
  api.get<Chain>(`/api/cases/${encodeURIComponent(caseId)}/chain`, { ...query }, signal);
