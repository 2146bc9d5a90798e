/**
 * An import of the city's own indicators or values (CSV or XLSX, sent as it is): the upload's
 * progress, then how many rows were saved, and the rows refused, each with its line and the
 * server's message in the console's language.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useEffect, useState } from 'react';
import { type ImportWhat, importResilience, type ResilienceImport, type UploadPhase } from './api.js';
import { useWords } from './dictionary.js';
import { Figures, useAction } from './shared.js';

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
  const percent = progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <div className="stack" role="status" data-testid="import-progress" data-phase={progress.phase}>
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

function Summary({ result, what }: { result: ResilienceImport; what: ImportWhat }) {
  const { t, lang } = useWords();
  return (
    <div className="stack" data-testid={`resilience-import-${what}`}>
      <h3>{t('import.summary')}</h3>
      <Figures
        figures={[
          { key: 'rows', label: t('import.rows'), value: String(result.rows) },
          { key: 'saved', label: t('import.saved'), value: String(result.saved) },
          { key: 'rejected', label: t('import.rejected'), value: String(result.rejects.length) },
        ]}
      />
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('import.rejects')}</h3>
          <DataTable columns={[t('import.line'), t('import.reason')]} testId={`resilience-rejects-${what}`}>
            {result.rejects.map((r) => (
              <tr key={`${r.line}-${r.reason}`} data-reason={r.reason}>
                <td>{r.line}</td>
                <td>{r.message[lang]}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </div>
  );
}

export function ImportTable({ what, onImported }: { what: ImportWhat; onImported: () => void }) {
  const { t, lang } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ResilienceImport | null>(null);
  const action = useAction();
  const title = t(`import.${what}.title`);
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(null);
    const since = Date.now();
    try {
      setResult(
        await importResilience(what, file, lang, (phase, sent, total) =>
          setProgress({ phase, sent, total, since }),
        ),
      );
      onImported();
    } finally {
      setProgress(null);
    }
  });
  return (
    <Card title={title}>
      <p className="muted small">{t(`import.${what}.lead`)}</p>
      <p className="small">
        <code>{t(`import.${what}.columns`)}</code>
      </p>
      <form className="row" onSubmit={submit} aria-label={title}>
        <Field label={t('import.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
      {result ? <Summary result={result} what={what} /> : null}
    </Card>
  );
}
