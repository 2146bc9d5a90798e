/**
 * The volunteers' import (CSV or XLSX, sent as it is): the upload's progress, then the rows read
 * and what became of them, and the rows refused, each with its line and the server's message in
 * the console's language.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { UploadProgress, useUpload } from '@renxing/ui/UploadProgress';
import { importVolunteers, type VolunteerImport } from './api.js';
import { useWords } from './dictionary.js';
import { Figures } from './shared.js';

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
  const upload = useUpload((file, onProgress) => importVolunteers(file, lang, onProgress), onImported);
  return (
    <Card title={t('import.title')}>
      <p className="muted small">{t('import.lead')}</p>
      <form className="row" onSubmit={upload.submit} aria-label={t('import.title')}>
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
      {upload.result ? <Summary result={upload.result} /> : null}
    </Card>
  );
}
