/** The resilience index's API calls and the shapes the console reads of them (see /openapi.json, tag resilience). */
import { api } from '@renxing/ui/client';
import { type UploadProgress, uploadFile } from '@renxing/ui/upload';
import type {
  CommunityResilience,
  Explanation,
  IndexQuery,
  IndicatorExplanation,
  IndicatorList,
  ResilienceImport,
  ResilienceIndex,
  ResilienceRun,
  SentTask,
} from './types.js';

export * from './types.js';

const seg = (s: string) => encodeURIComponent(s);

export const listResilienceIndicators = (signal?: AbortSignal) =>
  api.get<IndicatorList>('/api/resilience/indicators', undefined, signal);

export const updateResilienceIndicator = (key: string, enabled: boolean) =>
  api.patch<unknown>(`/api/resilience/indicators/${seg(key)}`, { enabled });

export const getResilienceIndex = (query: IndexQuery, signal?: AbortSignal) =>
  api.get<ResilienceIndex>('/api/resilience/index', { ...query }, signal);

export const computeResilienceIndex = (date?: string) =>
  api.post<ResilienceRun>('/api/resilience/index/compute', date ? { date } : {});

export const getCommunityResilience = (path: string, date: string | undefined, signal?: AbortSignal) =>
  api.get<CommunityResilience>(`/api/resilience/communities/${seg(path)}`, date ? { date } : {}, signal);

export const explainResilienceScore = (path: string, date: string | undefined, signal?: AbortSignal) =>
  api.get<Explanation>(`/api/resilience/communities/${seg(path)}/explain`, date ? { date } : {}, signal);

/** explainResilienceScore with `key`: that indicator with the records behind its value. */
export const explainIndicator = (path: string, key: string, date: string | undefined, signal?: AbortSignal) =>
  api.get<IndicatorExplanation>(
    `/api/resilience/communities/${seg(path)}/explain`,
    date ? { date, key } : { key },
    signal,
  );

export const sendResilienceTask = (path: string, key: string, date?: string) =>
  api.post<SentTask>(`/api/resilience/communities/${seg(path)}/tasks`, date ? { key, date } : { key });

// --- the city's own indicators and values, uploaded with their progress ----------------------

export type ImportWhat = 'indicators' | 'values';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table's content type: XLSX by its name or type, CSV otherwise. */
export const fileType = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';

const IMPORT_PATH: Record<ImportWhat, string> = {
  indicators: '/api/resilience/indicators/import',
  values: '/api/resilience/values/import',
};

/** importResilienceIndicators / importResilienceValues: the file as it is, with the upload's progress. */
export const importResilience = (what: ImportWhat, file: File, lang: string, onProgress: UploadProgress) =>
  uploadFile<ResilienceImport>(IMPORT_PATH[what], file, {
    contentType: fileType(file),
    lang,
    onProgress,
    query: { name: file.name.slice(0, 200) },
  });
