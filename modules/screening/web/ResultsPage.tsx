/**
 * A lab's result files: one uploaded (CSV or XLSX, sent as it is, with its name) with its
 * progress, then what it resolved and the rows refused; the imports so far — who sent which file,
 * what it resolved, its rejects in the console's language; and a tube looked up by its barcode.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { UploadProgress, useUpload } from '@renxing/ui/UploadProgress';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { importResults, listResultImports, type ResultImport } from './api.js';
import { useWords } from './dictionary.js';
import { CountFigures, CountLine, Rejects, resolvedCounts, rowCounts } from './imports.js';
import { useMay } from './shared.js';
import { TubeLookup } from './TubeLookup.js';
import './screening.css';

function Summary({ result }: { result: ResultImport }) {
  const { t } = useWords();
  return (
    <div className="stack" data-testid="import-result">
      <h3>{t('results.summary')}</h3>
      <CountFigures testId="import-summary" counts={[...rowCounts(result), ...resolvedCounts(result)]} />
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('results.rejects')}</h3>
          <Rejects rejects={result.rejects} testId="import-rejects" />
        </>
      ) : null}
    </div>
  );
}

function Upload({ onImported }: { onImported: () => void }) {
  const { t, lang } = useWords();
  const upload = useUpload((file, onProgress) => importResults(file, lang, onProgress), onImported);
  return (
    <Card title={t('results.upload')}>
      <p className="muted small">{t('results.lead')}</p>
      <form className="form-grid" onSubmit={upload.submit} aria-label={t('results.upload')}>
        <Field label={t('results.file')}>
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
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={!upload.file || upload.action.busy}>
            {t('results.submit')}
          </button>
        </div>
      </form>
      {upload.progress ? <UploadProgress progress={upload.progress} /> : null}
      {upload.action.error ? <ErrorNote error={upload.action.error} /> : null}
      {upload.result ? <Summary result={upload.result} /> : null}
    </Card>
  );
}

function History({ reloadKey }: { reloadKey: number }) {
  const { t } = useWords();
  const time = useFormatTime();
  const imports = useApi((signal) => listResultImports(signal), [reloadKey]);
  return (
    <Card title={t('results.history')}>
      {imports.loading && !imports.data ? <Loading /> : null}
      {imports.error ? <ErrorNote error={imports.error} onRetry={imports.reload} /> : null}
      {imports.data ? (
        <DataTable
          columns={[
            t('results.importedAt'),
            t('results.fileName'),
            t('results.importedBy'),
            t('results.counts'),
            t('results.resolved'),
            t('results.rejects'),
          ]}
          testId="result-imports"
          empty={imports.data.length === 0 ? t('results.noImports') : null}
        >
          {imports.data.map((i) => (
            <tr key={i.id} data-import={i.id}>
              <td className="nowrap">{time(i.importedAt)}</td>
              <td className="mono">{i.fileName ?? '—'}</td>
              <td>{i.importedByName ?? '—'}</td>
              <td>
                <CountLine counts={rowCounts(i).slice(0, 3)} />
              </td>
              <td>
                <CountLine counts={resolvedCounts(i.summary)} />
              </td>
              <td>
                {i.rejects.length === 0 ? (
                  '0'
                ) : (
                  <details data-testid="past-rejects">
                    <summary>{i.rejects.length.toLocaleString()}</summary>
                    <Rejects rejects={i.rejects} />
                  </details>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}

export function ResultsPage() {
  const { t } = useWords();
  const may = useMay();
  const [imported, setImported] = useState(0);
  return (
    <div className="page screening">
      <h1>{t('results.title')}</h1>
      {may('importTubeResults') ? <Upload onImported={() => setImported((n) => n + 1)} /> : null}
      {may('listResultImports') ? <History reloadKey={imported} /> : null}
      {may('getTube') ? <TubeLookup /> : null}
    </div>
  );
}
