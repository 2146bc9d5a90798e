/**
 * The pings import (a CSV sent as it is): the upload's progress, then the rows read and what became
 * of them — kept, refused, duplicates, already stored — the pings newly stored per day, and the
 * rows refused, each with its line and reason.
 */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { UploadProgress, useUpload } from '@renxing/ui/UploadProgress';
import { importPings, type PingsImport } from './api.js';
import { useWords } from './dictionary.js';
import { Figures, useReason } from './shared.js';

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
  const upload = useUpload((file, onProgress) => importPings(file, lang, onProgress), onImported);
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
              accept=".csv,text/csv"
              onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={!upload.file || upload.action.busy}>
          {upload.action.busy ? t('busy') : t('import.submit')}
        </button>
      </form>
      {upload.progress ? <UploadProgress progress={upload.progress} testId="pings-progress" /> : null}
      {upload.action.error ? <ErrorNote error={upload.action.error} /> : null}
      {upload.result ? <Summary result={upload.result} /> : null}
    </Card>
  );
}
