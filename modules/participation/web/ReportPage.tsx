/**
 * The resident's phone screen to report (反映问题): category, text, an optional photo (checked for
 * type and size here, decided by its bytes on the server), whether a response may be public; then
 * my reports with their state, the response, their history, and a reopen within 7 days of a
 * response. Live.
 */
import { ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import {
  attachReportPhoto,
  CATEGORIES,
  type Category,
  getReport,
  listReports,
  type Report,
  reopenReport,
  type Submitted,
  submitReport,
} from './api.js';
import { useWords } from './dictionary.js';
import { ResidentTabs } from './ResidentTabs.js';
import { CategoryBadge, StateBadge, useAction, useLive } from './shared.js';
import { reopenUntil } from './sla.js';
import './participation.css';

const MAX_PHOTO = 5 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

function ReportForm({ onSent }: { onSent: (s: Submitted) => void }) {
  const { t } = useWords();
  const [category, setCategory] = useState<Category | ''>('');
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [allowPublic, setAllowPublic] = useState(true);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!category) return;
    const sent = await submitReport({ category, text: text.trim(), allowPublic });
    if (photo) await attachReportPhoto(sent.report.id, photo);
    setCategory('');
    setText('');
    setPhoto(null);
    onSent(sent);
  });
  return (
    <form className="stack report-form" onSubmit={submit} aria-label={t('report.title')}>
      <Field label={t('report.category')}>
        {(id) => (
          <select
            id={id}
            required
            value={category}
            onChange={(e) => setCategory(e.target.value as Category | '')}
          >
            <option value="" />
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('report.text')}>
        {(id) => (
          <textarea
            id={id}
            required
            maxLength={2000}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('report.photo')}>
        {(id) => (
          <input
            id={id}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              const problem =
                f === null
                  ? null
                  : f.size > MAX_PHOTO
                    ? t('report.photoTooBig')
                    : !PHOTO_TYPES.includes(f.type)
                      ? t('report.photoType')
                      : null;
              setPhotoProblem(problem);
              setPhoto(problem ? null : f);
            }}
          />
        )}
      </Field>
      {photoProblem ? (
        <p className="error" role="alert">
          {photoProblem}
        </p>
      ) : null}
      <label className="check big-check">
        <input type="checkbox" checked={allowPublic} onChange={(e) => setAllowPublic(e.target.checked)} />
        {t('report.public')}
      </label>
      <button
        type="submit"
        className="primary big-button"
        disabled={action.busy || !category || !text.trim()}
      >
        {action.busy ? t('busy') : t('report.submit')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </form>
  );
}

function MyReport({ report, onChanged }: { report: Report; onChanged: () => void }) {
  const { t } = useWords();
  const time = useFormatTime();
  const action = useAction();
  const detail = useApi((signal) => getReport(report.id, signal), [report.id, report.state]);
  const until = reopenUntil(report);
  const reopenable = until !== null && until > Date.now();
  return (
    <li className="my-card" data-testid="my-report" data-report={report.id} data-state={report.state}>
      <div className="card-line">
        <CategoryBadge category={report.category} /> <StateBadge state={report.state} />
        <span className="muted small nowrap">{time(report.submittedAt)}</span>
      </div>
      <div className="report-text">{report.text}</div>
      {report.supporters > 1 ? (
        <span className="badge supporters">{t('supporters', { n: report.supporters })}</span>
      ) : null}
      {report.response ? (
        <div className="response">{t('report.response', { text: report.response })}</div>
      ) : null}
      {detail.data ? (
        <ol className="history" aria-label={t('report.history')}>
          {detail.data.events.map((e) => (
            <li key={`${e.at}-${e.action}`} data-action={e.action} data-state={e.toState}>
              <span className="muted small nowrap">{time(e.at)}</span>{' '}
              {e.action === 'reopen' ? t('board.reopened') : t(`state.${e.toState}`)}
              {e.text && e.public !== false ? <span className="small"> · {e.text}</span> : null}
            </li>
          ))}
        </ol>
      ) : detail.loading ? (
        <Loading />
      ) : null}
      {reopenable ? (
        <>
          <span className="muted small">
            {t('report.reopenUntil', { time: time(new Date(until ?? 0).toISOString()) })}
          </span>
          <button
            type="button"
            className="big-button"
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                await reopenReport(report.id);
                onChanged();
              })
            }
          >
            {t('report.reopen')}
          </button>
        </>
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function ReportPage() {
  const { t } = useWords();
  const mine = useLive((signal) => listReports({ limit: 50 }, signal), [], 10_000);
  const [sent, setSent] = useState<Submitted | null>(null);
  return (
    <div className="page participation resident">
      <ResidentTabs />
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.lead')}</p>
      <ReportForm
        onSent={(s) => {
          setSent(s);
          mine.reload();
        }}
      />
      {sent ? (
        <p role="status" className="ok" data-testid="report-sent">
          {sent.duplicateOf
            ? t('report.merged', { n: sent.report.supporters })
            : t('report.sent', { id: sent.report.id.slice(0, 8) })}
        </p>
      ) : null}
      <section aria-labelledby="my-reports">
        <h2 id="my-reports">{t('report.mine')}</h2>
        {mine.loading && !mine.data ? <Loading /> : null}
        {mine.error ? <ErrorNote error={mine.error} onRetry={mine.reload} /> : null}
        {mine.data && mine.data.reports.length === 0 ? <p className="muted">{t('report.none')}</p> : null}
        <ul className="my-list" data-testid="my-reports">
          {(mine.data?.reports ?? []).map((r) => (
            <MyReport key={r.id} report={r} onChanged={mine.reload} />
          ))}
        </ul>
      </section>
    </div>
  );
}
