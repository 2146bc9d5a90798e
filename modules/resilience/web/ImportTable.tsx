/**
 * An import of the city's own indicators or values (CSV or XLSX, sent as it is): the upload's
 * progress, then how many rows were saved, and the rows refused, each with its line and the
 * server's message in the console's language.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { UploadProgress, useUpload } from '@renxing/ui/UploadProgress';
import { type ImportWhat, importResilience, type ResilienceImport } from './api.js';
import { useWords } from './dictionary.js';
import { Figures } from './shared.js';

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
  const upload = useUpload((file, onProgress) => importResilience(what, file, lang, onProgress), onImported);
  const title = t(`import.${what}.title`);
  return (
    <Card title={title}>
      <p className="muted small">{t(`import.${what}.lead`)}</p>
      <p className="small">
        <code>{t(`import.${what}.columns`)}</code>
      </p>
      <form className="row" onSubmit={upload.submit} aria-label={title}>
        <Field label={t('import.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={!upload.file || upload.action.busy}>
          {upload.action.busy ? t('busy') : t('import.submit')}
        </button>
      </form>
      {upload.progress ? <UploadProgress progress={upload.progress} /> : null}
      {upload.action.error ? <ErrorNote error={upload.action.error} /> : null}
      {upload.result ? <Summary result={upload.result} what={what} /> : null}
    </Card>
  );
}
