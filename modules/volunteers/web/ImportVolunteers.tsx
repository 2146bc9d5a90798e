/**
 * The volunteers' import (CSV or XLSX, sent as it is): the upload's progress, then the rows read
 * and what became of them, and the rows refused, each with its line and the server's message in
 * the console's language.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useEffect, useState } from 'react';
import { importVolunteers, type UploadPhase, type VolunteerImport } from './api.js';
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

function Summary({ result }: { result: VolunteerImport }) {
  const { t, lang } = useWords();
  return (
    <div className="stack" data-testid="volunteer-import">
      <h3>{t('import.summary')}</h3>
      <Figures
        testId="volunteer-import-summary"
        figures={[
          { key: 'rows', label: t('import.rows'), value: result.rows },
          { key: 'created', label: t('import.created'), value: result.created },
          { key: 'updated', label: t('import.updated'), value: result.updated },
          { key: 'unchanged', label: t('import.unchanged'), value: result.unchanged },
          { key: 'windows', label: t('import.windows'), value: result.windows },
          { key: 'rejected', label: t('import.rejected'), value: result.rejects.length, tone: 'overdue' },
        ]}
      />
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('import.rejects')}</h3>
          <DataTable columns={[t('import.line'), t('import.reason')]} testId="volunteer-import-rejects">
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

export function ImportVolunteers({ onImported }: { onImported: () => void }) {
  const { t, lang } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<VolunteerImport | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(null);
    const since = Date.now();
    try {
      setResult(
        await importVolunteers(file, lang, (phase, sent, total) =>
          setProgress({ phase, sent, total, since }),
        ),
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
      {result ? <Summary result={result} /> : null}
    </Card>
  );
}
