/**
 * An import form's upload (uploadFile): the file chosen, the upload's progress while it goes — the
 * percent sent, then the seconds the server has been working — and the answer.
 *
 *   const upload = useUpload((file, onProgress) => importPings(file, lang, onProgress), onImported);
 *   <form onSubmit={upload.submit}>… <input type="file" onChange={(e) => upload.setFile(…)} /></form>
 *   {upload.progress ? <UploadProgress progress={upload.progress} /> : null}
 */
import { type FormEvent, useEffect, useState } from 'react';
import { type Action, useAction } from './actions.js';
import { useT } from './i18n/index.js';
import { type UploadProgress as OnProgress, percentOf, type UploadPhase } from './upload.js';

/** Where an upload is: its phase, the bytes sent of the total, and when it started (ms). */
export interface UploadState {
  phase: UploadPhase;
  sent: number;
  total: number;
  since: number;
}

/** The bar: the percent sent while uploading, then the seconds so far (redrawn every half second). */
export function UploadProgress({
  progress,
  testId = 'import-progress',
}: {
  progress: UploadState;
  testId?: string;
}) {
  const t = useT();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, []);
  const percent = percentOf(progress.sent, progress.total);
  return (
    <div className="stack" role="status" data-testid={testId} data-phase={progress.phase}>
      {progress.phase === 'uploading' ? (
        <>
          <progress className="progress" max={100} value={percent} aria-label={t('upload.progress')} />
          <span>{t('upload.uploading', { percent })}</span>
        </>
      ) : (
        <>
          <progress className="progress" aria-label={t('upload.progress')} />
          <span>{t('upload.processing', { seconds: Math.floor((Date.now() - progress.since) / 1000) })}</span>
        </>
      )}
    </div>
  );
}

export interface Upload<T> {
  file: File | null;
  setFile: (file: File | null) => void;
  /** While the file goes and the server works; null otherwise. */
  progress: UploadState | null;
  /** The last upload's answer (cleared as the next starts). */
  result: T | null;
  /** Busy while uploading; the refusal to show. */
  action: Action;
  /** The form's submit handler: sends the file chosen, then calls `onDone`. */
  submit: (e: FormEvent) => void;
}

/** An import form's state: `send` posts the file (with uploadFile), reporting to `onProgress`. */
export function useUpload<T>(
  send: (file: File, onProgress: OnProgress) => Promise<T>,
  onDone: () => void,
): Upload<T> {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadState | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(null);
    const since = Date.now();
    try {
      setResult(await send(file, (phase, sent, total) => setProgress({ phase, sent, total, since })));
      onDone();
    } finally {
      setProgress(null);
    }
  });
  return { file, setFile, progress, result, action, submit };
}
