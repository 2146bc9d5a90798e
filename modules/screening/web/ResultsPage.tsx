/**
 * A lab's result files: one uploaded (CSV or XLSX, sent as it is) with its progress, then what it
 * resolved — tubes, members, health codes, inbox items — and the rows refused with their line and
 * reason in the console's language; the imports so far; and a tube looked up by its barcode.
 */
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useCan } from '@renxing/ui/sections';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  getRound,
  getTube,
  importResults,
  listResultImports,
  type ResultImport,
  type TubeView,
  type UploadPhase,
} from './api.js';
import { useWords } from './dictionary.js';
import { Figures, useMay } from './shared.js';
import './screening.css';

/**
 * listResultImports keeps each reject's reason as the server's English phrase; these are the
 * phrases of result files (modules/screening/rules/files.ts) in Chinese. Any other reads as sent.
 */
const REJECT_ZH: Record<string, string> = {
  'row cannot be read (an unterminated quote)': '该行无法读取（引号未闭合）',
  'tube is empty': '管码为空',
  'unknown tube': '未知的管码',
  'result is not negative, positive or invalid': '结果不是 negative、positive 或 invalid',
  'reported_at is not an instant': 'reported_at 不是有效时间',
  'reported before the sampling time': '报告时间早于采样时间',
  "result differs from the tube's first result": '结果与该管已有结果不同（以第一次结果为准，需卫健人员更正）',
};

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
          <progress className="progress" max={100} value={percent} aria-label={t('results.progress')} />
          <span>{t('results.uploading', { percent })}</span>
        </>
      ) : (
        <>
          <progress className="progress" aria-label={t('results.progress')} />
          <span>
            {t('results.processing', { seconds: Math.floor((Date.now() - progress.since) / 1000) })}
          </span>
        </>
      )}
    </div>
  );
}

function Summary({ result }: { result: ResultImport }) {
  const { t, lang } = useWords();
  return (
    <div className="stack" data-testid="import-result">
      <h3>{t('results.summary')}</h3>
      <Figures
        testId="import-summary"
        figures={[
          { key: 'rows', label: t('results.rows'), value: result.rows },
          { key: 'accepted', label: t('results.accepted'), value: result.accepted },
          { key: 'unchanged', label: t('results.unchanged'), value: result.unchanged },
          { key: 'rejected', label: t('results.rejected'), value: result.rejects.length, tone: 'overdue' },
          {
            key: 'tubesNegative',
            label: t('results.tubesNegative'),
            value: result.tubes.negative,
            tone: 'green',
          },
          {
            key: 'tubesPositive',
            label: t('results.tubesPositive'),
            value: result.tubes.positive,
            tone: 'red',
          },
          { key: 'tubesInvalid', label: t('results.tubesInvalid'), value: result.tubes.invalid },
          {
            key: 'membersNegative',
            label: t('results.membersNegative'),
            value: result.members.negative,
            tone: 'green',
          },
          {
            key: 'membersPositive',
            label: t('results.membersPositive'),
            value: result.members.positive,
            tone: 'red',
          },
          {
            key: 'awaitingRetest',
            label: t('results.awaitingRetest'),
            value: result.members.awaitingRetest,
            tone: 'yellow',
          },
          { key: 'resample', label: t('results.resample'), value: result.members.resample },
          {
            key: 'healthCodeChanges',
            label: t('results.healthCodeChanges'),
            value: result.healthCodeChanges,
          },
          { key: 'itemsRaised', label: t('results.itemsRaised'), value: result.itemsRaised },
          { key: 'itemsClosed', label: t('results.itemsClosed'), value: result.itemsClosed },
        ]}
      />
      {result.rejects.length > 0 ? (
        <>
          <h3>{t('results.rejects')}</h3>
          <DataTable columns={[t('results.line'), t('results.reason')]} testId="import-rejects">
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

function Upload({ onImported }: { onImported: () => void }) {
  const { t, lang } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ResultImport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    const since = Date.now();
    try {
      const done = await importResults(file, lang, (phase, sent, total) =>
        setProgress({ phase, sent, total, since }),
      );
      setResult(done);
      onImported();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setProgress(null);
    }
  }
  return (
    <Card title={t('results.upload')}>
      <p className="muted small">{t('results.lead')}</p>
      <form className="form-grid" onSubmit={submit} aria-label={t('results.upload')}>
        <Field label={t('results.file')}>
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
          <button type="submit" className="primary" disabled={!file || progress !== null}>
            {t('results.submit')}
          </button>
        </div>
      </form>
      {progress ? <ProgressBar progress={progress} /> : null}
      {error ? <ErrorNote error={error} /> : null}
      {result ? <Summary result={result} /> : null}
    </Card>
  );
}

function History({ reloadKey }: { reloadKey: number }) {
  const { t, lang } = useWords();
  const time = useFormatTime();
  const imports = useApi((signal) => listResultImports(signal), [reloadKey]);
  const reason = (r: string) => (lang === 'zh-CN' ? (REJECT_ZH[r] ?? r) : r);
  return (
    <Card title={t('results.history')}>
      {imports.loading && !imports.data ? <Loading /> : null}
      {imports.error ? <ErrorNote error={imports.error} onRetry={imports.reload} /> : null}
      {imports.data ? (
        <DataTable
          columns={[
            t('results.importedAt'),
            t('results.fileName'),
            t('results.rows'),
            t('results.accepted'),
            t('results.unchanged'),
            t('results.rejects'),
          ]}
          testId="result-imports"
          empty={imports.data.length === 0 ? t('results.noImports') : null}
        >
          {imports.data.map((i) => (
            <tr key={i.id} data-import={i.id}>
              <td className="nowrap">{time(i.importedAt)}</td>
              <td className="mono">{i.fileName ?? '—'}</td>
              <td>{i.rows.toLocaleString()}</td>
              <td>{i.accepted.toLocaleString()}</td>
              <td>{i.unchanged.toLocaleString()}</td>
              <td>
                {i.rejects.length === 0 ? (
                  '0'
                ) : (
                  <details>
                    <summary>{i.rejects.length.toLocaleString()}</summary>
                    <ul className="plain-list small">
                      {i.rejects.map((r) => (
                        <li key={r.line}>
                          {t('results.line')} {r.line}: {reason(r.reason)}
                        </li>
                      ))}
                    </ul>
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

function TubeFacts({ tube }: { tube: TubeView }) {
  const { t } = useWords();
  const time = useFormatTime();
  const user = useUser();
  const can = useCan();
  const people = can(user.role, 'people');
  const roundId = tube.roundId;
  const round = useApi(
    (signal) => (roundId ? getRound(roundId, signal) : Promise.resolve(undefined)),
    [roundId],
  );
  const result = tube.result ? t(`result.${tube.result}`) : t('result.pending');
  return (
    <div className="stack" data-testid="tube" data-result={tube.result ?? 'pending'}>
      <dl className="facts">
        <dt>{t('tube.barcode')}</dt>
        <dd className="mono">{tube.barcode}</dd>
        <dt>{t('tube.k')}</dt>
        <dd>{tube.k === 1 ? t('pool.single') : t('pool.k', { k: tube.k })}</dd>
        <dt>{t('tube.members')}</dt>
        <dd>
          {tube.members} / {tube.k}
        </dd>
        <dt>{t('tube.sampledAt')}</dt>
        <dd>{time(tube.sampledAt)}</dd>
        <dt>{t('tube.sealedAt')}</dt>
        <dd>{tube.sealedAt ? time(tube.sealedAt) : t('tube.notSealed')}</dd>
        <dt>{t('tube.result')}</dt>
        <dd>
          <span className={`badge result-${tube.result ?? 'pending'}`}>{result}</span>
        </dd>
        <dt>{t('tube.reportedAt')}</dt>
        <dd>{time(tube.reportedAt)}</dd>
        {roundId ? (
          <>
            <dt>{t('tube.round')}</dt>
            <dd>
              <Link to={`/screening/rounds/${roundId}`}>{round.data?.round.name ?? roundId.slice(0, 8)}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <DataTable columns={[t('tube.position'), t('tube.name'), t('tube.scannedAt')]} testId="tube-people">
        {tube.people.map((p) => (
          <tr key={p.personId}>
            <td>{p.position}</td>
            <td>{people ? <Link to={`/people/${p.personId}`}>{p.name}</Link> : p.name}</td>
            <td className="nowrap">{time(p.scannedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function TubeLookup() {
  const { t } = useWords();
  const [text, setText] = useState('');
  const [barcode, setBarcode] = useState('');
  const tube = useApi(
    (signal) => (barcode ? getTube(barcode, signal) : Promise.resolve(undefined)),
    [barcode],
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setBarcode(text.trim());
  }
  return (
    <Card title={t('tube.title')}>
      <form className="filters" onSubmit={submit} aria-label={t('tube.title')}>
        <Field label={t('tube.barcode')}>
          {(id) => (
            <input id={id} required maxLength={64} value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('tube.find')}
          </button>
        </div>
      </form>
      {barcode && tube.loading ? <Loading /> : null}
      {tube.error ? <ErrorNote error={tube.error} /> : null}
      {tube.data && !tube.loading ? <TubeFacts tube={tube.data} /> : null}
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
