/**
 * A file sent as the body of one request, with the upload's progress: the kit's fetch client
 * cannot report an upload's progress, so this goes through XMLHttpRequest with the client's
 * headers (the session's CSRF token, asked for first, so a restarted server's new key is met; the
 * console's language for the answer's messages) and its one error shape (ApiError).
 *
 *   const result = await uploadFile<Ok<'importPings'>>('/api/pings/import', file, {
 *     contentType: 'text/csv', lang, onProgress: (phase, sent, total) => …,
 *   });
 */
import { ApiError, api, withQuery } from './client.js';

/** Sending the bytes, then waiting for the server's answer. */
export type UploadPhase = 'uploading' | 'processing';

export type UploadProgress = (phase: UploadPhase, sent: number, total: number) => void;

/** The share of `sent` over `total` in whole percent, at most 100 (0 when nothing is known yet). */
export function percentOf(sent: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
}

export interface UploadOptions {
  /** The body's content type: the file's own type is often empty or wrong (CSV as Excel's). */
  contentType: string;
  /** The console's language, for the answer's messages (rejects, errors). */
  lang: string;
  onProgress?: UploadProgress;
  /** Added to the path as its query string. */
  query?: Record<string, string | number | boolean | undefined | null>;
}

/** POSTs `file` to `path` as the body; answers the JSON of a 2xx, rejects with an ApiError otherwise. */
export async function uploadFile<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/session');
  const progress = options.onProgress ?? (() => {});
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', options.lang);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => progress('uploading', e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => progress('processing', file.size, file.size);
    xhr.onerror = () => reject(new ApiError(0, 'RX_NETWORK', 'network error'));
    xhr.onload = () => {
      const json = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else {
        const e = (json ?? {}) as { code?: string; message?: string; field?: string };
        reject(
          new ApiError(xhr.status, e.code ?? `HTTP_${xhr.status}`, e.message ?? xhr.statusText, e.field),
        );
      }
    };
    progress('uploading', 0, file.size);
    xhr.send(file);
  });
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
