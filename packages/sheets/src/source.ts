/** How a file is named in errors, shared by the readers here. */

import { RenxingError } from '@renxing/contracts';

/** How errors name the file: `file` in messages (a path, or `body`), `field` for the API (`body`). */
export interface FileSource {
  file?: string;
  field?: string;
}

export const nameOf = (source: FileSource): string => source.file ?? 'the file';

/** RX_FILE_UNREADABLE naming the file and why, in both languages. */
export function unreadable(source: FileSource, en: string, zh: string): RenxingError {
  return new RenxingError(
    'RX_FILE_UNREADABLE',
    { file: nameOf(source), detail: { en, 'zh-CN': zh } },
    source.field,
  );
}

export const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;
