/** Screening's API calls and the shapes the console reads of them (see /openapi.json, tag screening). */

import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';
import { type UploadProgress, uploadFile } from '@renxing/ui/upload';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types); screening's schemas list their required fields, so nothing is narrowed.

export type Round = Ok<'listScreeningRounds'>[number];
export type RoundPlace = Round['places'][number];
export type Pooling = Round['pooling'];
export type RoundView = Ok<'getScreeningRound'>;
export type Site = RoundView['sites'][number];
export type NewRound = Body<'createScreeningRound'>;
export type NewSite = Body<'addScreeningSite'>;
export type CreatedRound = Ok<'createScreeningRound'>;

export type Coverage = Ok<'getRoundCoverage'>;
export type CoverageRow = Coverage['communities'][number];
export type RoundCounts = Coverage['counts'];
export type Countdown = Coverage['countdown'];

type Untested = Ok<'listUntested'>;
export type UntestedPerson = Untested['people'][number];
export type UntestedQuery = Omit<Query<'listUntested'>, 'format'>;

export type Scan = Body<'registerSample'>;
export type PersonScan = Scan['person'];
export type Scanned = Ok<'registerSample'>;
export type Sealed = Ok<'sealTube'>;
export type TubeView = Ok<'getTube'>;

export type ResultImport = Ok<'importTubeResults'>;
export type ImportReject = ResultImport['rejects'][number];
export type PastImport = Ok<'listResultImports'>[number];
/** What an import resolved, as its answer says it and as the list of imports keeps it. */
export type ImportSummary = PastImport['summary'];

export type PoolAdvice = Ok<'getPoolSizeAdvice'>;

// The constants as modules/screening/rules says them (the console's project does not compile
// rules/), checked against the schemas' enums.
export type Zone = RoundPlace['zone'];
export const ZONES = allOf<Zone>()(['sealed', 'controlled', 'prevention']);
/** The usual modes: sealed areas one person a tube, controlled 10 in 1, prevention 20 in 1. */
export const DEFAULT_POOLING: Pooling = { sealed: 1, controlled: 10, prevention: 20 };
export type ExemptReason = Exclude<Body<'setScreeningExemption'>['reason'], 'none'>;
export const EXEMPT_REASONS = allOf<ExemptReason>()(['bedridden', 'away', 'infant', 'other']);
export type TubeResult = NonNullable<TubeView['result']>;
export const TUBE_RESULTS = allOf<TubeResult>()(['negative', 'positive', 'invalid']);
/** Which list of a round's people: the untested, or those exempted (with their reasons). */
export type ListStatus = NonNullable<UntestedQuery['status']>;
export const LIST_STATUSES = allOf<ListStatus>()(['untested', 'exempt']);
/** The largest pool a tube may hold. */
export const MAX_TUBE_SIZE = 50;

const id = (s: string) => encodeURIComponent(s);
const round = (roundId: string) => `/api/screening/rounds/${id(roundId)}`;

export const listRounds = (signal?: AbortSignal) =>
  api.get<Ok<'listScreeningRounds'>>('/api/screening/rounds', undefined, signal);

export const getRound = (roundId: string, signal?: AbortSignal) =>
  api.get<RoundView>(round(roundId), undefined, signal);

export const createRound = (body: NewRound) => api.post<CreatedRound>('/api/screening/rounds', body);

export const addSite = (roundId: string, body: NewSite) =>
  api.post<Ok<'addScreeningSite'>>(`${round(roundId)}/sites`, body);

/** setScreeningExemption: a reason (with a note), or 'none' to clear it. */
export const setExemption = (roundId: string, personId: string, body: Body<'setScreeningExemption'>) =>
  request<void>('PUT', `${round(roundId)}/exemptions/${id(personId)}`, { body });

export const getCoverage = (roundId: string, under: string | undefined, signal?: AbortSignal) =>
  api.get<Coverage>(`${round(roundId)}/coverage`, { under }, signal);

export const listUntested = (roundId: string, query: UntestedQuery, signal?: AbortSignal) =>
  api.get<Untested>(`${round(roundId)}/untested`, { ...query, format: 'json' }, signal);

/** A whole list (untested or exempt) as a file for door-to-door work (a plain link: the cookie goes with it). */
export const untestedFileUrl = (
  roundId: string,
  format: 'xlsx' | 'csv',
  under: string | undefined,
  status: ListStatus = 'untested',
) => {
  const q = new URLSearchParams({ format });
  if (under) q.set('under', under);
  if (status !== 'untested') q.set('status', status);
  return `${round(roundId)}/untested?${q}`;
};

export const registerSample = (body: Scan) => api.post<Scanned>('/api/screening/samples', body);

export const sealTube = (barcode: string) => api.post<Sealed>(`/api/screening/tubes/${id(barcode)}/seal`);

export const getTube = (barcode: string, signal?: AbortSignal) =>
  api.get<TubeView>(`/api/screening/tubes/${id(barcode)}`, undefined, signal);

export const listResultImports = (signal?: AbortSignal) =>
  api.get<Ok<'listResultImports'>>('/api/screening/results', undefined, signal);

/** Without a prevalence: the prevalence observed over the latest rounds in reach. */
export const getPoolSizeAdvice = (prevalence: number | undefined, signal?: AbortSignal) =>
  api.get<PoolAdvice>('/api/screening/pool-size', { prevalence }, signal);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A result file's content type: XLSX by its name or its type, CSV otherwise. */
export const resultFileType = (file: File) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';

/** The longest file name the API keeps with an import. */
const MAX_FILE_NAME = 200;

/** importTubeResults: the file as it is, its name kept with the import, with the upload's progress. */
export const importResults = (file: File, lang: string, onProgress: UploadProgress) =>
  uploadFile<ResultImport>('/api/screening/results', file, {
    contentType: resultFileType(file),
    lang,
    onProgress,
    query: { name: file.name.slice(0, MAX_FILE_NAME) },
  });
