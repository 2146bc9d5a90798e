/** The resilience index's API calls and the shapes the console reads of them (see /openapi.json, tag resilience). */
import { ApiError, api } from '@renxing/ui/client';
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
export type UploadPhase = 'uploading' | 'processing';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table's content type: XLSX by its name or type, CSV otherwise. */
export const fileType = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';

const IMPORT_PATH: Record<ImportWhat, string> = {
  indicators: '/api/resilience/indicators/import',
  values: '/api/resilience/values/import',
};

/**
 * importResilienceIndicators / importResilienceValues: the file as it is, with the upload's
 * progress (the kit's fetch client cannot report it, so this one request goes through
 * XMLHttpRequest with the same headers: the session's CSRF token, the console's language).
 */
export async function importResilience(
  what: ImportWhat,
  file: File,
  lang: string,
  onProgress: (phase: UploadPhase, sent: number, total: number) => void,
): Promise<ResilienceImport> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/session');
  return new Promise<ResilienceImport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${IMPORT_PATH[what]}?${new URLSearchParams({ name: file.name.slice(0, 200) })}`);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as ResilienceImport);
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
