/**
 * The pings import (a CSV sent as it is): the upload's progress, then the rows read and what became
 * of them — kept, refused, duplicates, already stored — the pings newly stored per day, and the
 * rows refused, each with its line and reason.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import type { UploadPhase } from '@renxing/ui/upload';
import { useEffect, useState } from 'react';
import { importPings, type PingsImport } from './api.js';
import { useWords } from './dictionary.js';
import { percentOf } from './format.js';
import { Figures, useAction, useReason } from './shared.js';

interface Progress {
  phase: UploadPhase;
  sent: number;
  total: number;
  since: number;
}

function ProgressBar({ progress }: { progress: Progress }) {
  const { t } = useWords();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, []);
  const percent = percentOf(progress.sent, progress.total);
  return (
    <div className="stack" role="status" data-testid="pings-progress" data-phase={progress.phase}>
      {progress.phase === 'uploading' ? (
        <>
          <progress className="progress" max={100} value={percent} aria-label={t('import.progress')} />
          <span>{t('import.uploading', { percent })}</span>
        </>
      ) : (
        <>
          <progress className="progress" aria-label={t('import.progress')} />
          <span>{t('import.processing', { seconds: Math.floor((Date.now() - progress.since) / 1000) })}</span>
        </>
      )}
    </div>
  );
}

function Summary({ result }: { result: PingsImport }) {
  const { t } = useWords();
  const reason = useReason();
  return (
    <div className="stack" data-testid="pings-import" data-import={result.importId}>
      <h3>{t('import.summary')}</h3>
      {result.alreadyImported ? (
        <p className="muted" data-testid="pings-import-again">
          {t('import.again')}
        </p>
      ) : null}
      <Figures
        testId="pings-import-summary"
        figures={[
          { key: 'rows', label: t('import.rows'), value: result.rows },
          { key: 'kept', label: t('import.kept'), value: result.kept },
          { key: 'rejected', label: t('import.rejected'), value: result.rejected, tone: 'overdue' },
          { key: 'duplicates', label: t('import.duplicates'), value: result.duplicates },
          { key: 'alreadyStored', label: t('import.alreadyStored'), value: result.alreadyStored },
        ]}
      />
      {result.days.length > 0 ? (
        <>
          <h3>{t('import.days')}</h3>
          <DataTable columns={[t('days.day'), t('days.pings')]} testId="pings-import-days">
            {result.days.map((d) => (
              <tr key={d.day} data-day={d.day} data-pings={d.pings}>
                <td className="nowrap">{d.day}</td>
                <td>{d.pings.toLocaleString()}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('import.rejects')}</h3>
          {result.rejectsTruncated ? (
            <p className="muted small">
              {t('import.truncated', { shown: result.rejects.length, total: result.rejected })}
            </p>
          ) : null}
          <DataTable columns={[t('import.line'), t('import.reason')]} testId="pings-import-rejects">
            {result.rejects.map((r) => (
              <tr key={`${r.line}-${r.reason}`} data-line={r.line} data-reason={r.reason}>
                <td>{r.line}</td>
                <td>{reason(r.reason)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </div>
  );
}

export function ImportPings({ onImported }: { onImported: () => void }) {
  const { t, lang } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<PingsImport | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(null);
    const since = Date.now();
    try {
      setResult(
        await importPings(file, lang, (phase, sent, total) => setProgress({ phase, sent, total, since })),
      );
      onImported();
    } finally {
      setProgress(null);
    }
  });
  return (
    <Card title={t('import.title')}>
      <p className="muted small">{t('import.lead')}</p>
      <form className="row" onSubmit={submit} aria-label={t('import.title')}>
        <Field label={t('import.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              required
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={!file || action.busy}>
          {action.busy ? t('busy') : t('import.submit')}
        </button>
      </form>
      {progress ? <ProgressBar progress={progress} /> : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
      {result ? <Summary result={result} /> : null}
    </Card>
  );
}
