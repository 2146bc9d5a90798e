/**
 * The supplies catalogue (物资目录): the city's items — code, name, unit, shelf life, minimum per
 * store — and, for the city, its import from a CSV or XLSX file with the rows refused, each with
 * its line and the reason in the console's language.
 */
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { type ItemImport, importItems, listItems, tableType } from './api.js';
import { useWords } from './dictionary.js';
import { amount, useAction, useMay } from './shared.js';
import './supplies.css';

function Imported({ result }: { result: ItemImport }) {
  const { t, lang } = useWords();
  const figures = [
    ['rows', result.rows],
    ['created', result.created],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
    ['rejected', result.rejects.length],
  ] as const;
  return (
    <div className="stack" data-testid="import-result">
      <dl className="figures">
        {figures.map(([key, value]) => (
          <div
            key={key}
            className={`figure ${key === 'rejected' && value > 0 ? 'figure-overdue' : ''}`}
            data-figure={key}
          >
            <dt>{t(`import.${key}`)}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('import.rejects')}</h3>
          <DataTable columns={[t('import.line'), t('import.reason')]} testId="import-rejects">
            {result.rejects.map((r) => (
              <tr key={r.line} data-reason={r.reason}>
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

function Import({ onImported }: { onImported: () => void }) {
  const { t } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ItemImport | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(null);
    setResult(await importItems(file, file.name, tableType(file)));
    onImported();
  });
  return (
    <Card title={t('import.title')}>
      <p className="muted small">{t('import.lead')}</p>
      <form className="form-grid" onSubmit={submit} aria-label={t('import.title')}>
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
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={!file || action.busy}>
            {action.busy ? t('busy') : t('import.submit')}
          </button>
        </div>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {result ? <Imported result={result} /> : null}
    </Card>
  );
}

export function CataloguePage() {
  const { t, lang } = useWords();
  const may = useMay();
  const [imported, setImported] = useState(0);
  const items = useApi((signal) => listItems(signal), [imported]);
  return (
    <div className="page supplies">
      <h1>{t('catalogue.title')}</h1>
      <p className="muted">{t('catalogue.lead')}</p>
      {may('importSupplyItems') ? <Import onImported={() => setImported((n) => n + 1)} /> : null}
      <Card title={t('catalogue.items')}>
        {items.loading && !items.data ? <Loading /> : null}
        {items.error ? <ErrorNote error={items.error} onRetry={items.reload} /> : null}
        {items.data ? (
          <DataTable
            columns={[
              t('catalogue.code'),
              t('catalogue.name'),
              t('catalogue.unit'),
              t('catalogue.shelfLife'),
              t('catalogue.minimum'),
            ]}
            testId="catalogue"
            empty={items.data.length === 0 ? t('catalogue.none') : null}
          >
            {items.data.map((i) => (
              <tr key={i.code} data-item={i.code}>
                <td className="mono">{i.code}</td>
                <td>{i.name}</td>
                <td>{i.unit}</td>
                <td className="num">{i.shelfLifeDays ?? t('catalogue.noShelfLife')}</td>
                <td className="num">{i.minPerStore === null ? t('none') : amount(i.minPerStore, lang)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </div>
  );
}
