/**
 * The participation board (公众参与): residents' reports by state in tabs with their counts, live;
 * each with its SLA — the due time of what is next, red when breached, amber when due soon —,
 * near-duplicates shown as one issue with the count of its supporters, the photo when there is
 * one, and its handling (acknowledge, assign, respond, close) for those who may.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Fragment, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  CATEGORIES,
  type Category,
  getParticipationStats,
  listReportSlas,
  listReports,
  photoUrl,
  REPORT_STATES,
  type Report,
  type ReportState,
} from './api.js';
import { useWords } from './dictionary.js';
import { RespondPanel } from './RespondPanel.js';
import { CategoryBadge, StateBadge, useLive, useMay } from './shared.js';
import { type SlaView, slaView } from './sla.js';
import './participation.css';

const LIMIT = 500;
/** How far back the board asks the server which reports breached their SLA, ms. */
const BREACHES_SINCE_MS = 90 * 86_400_000;

function SlaCell({ sla }: { sla: SlaView }) {
  const { t } = useWords();
  const time = useFormatTime();
  if (sla.tone === 'done') return <span className="muted small">{t('sla.ok')}</span>;
  const what =
    sla.missed.length > 0 && sla.next === null ? sla.missed[0] === 'acknowledge' : sla.next === 'ack';
  return (
    <span className={`sla sla-${sla.tone}`} data-sla={sla.tone}>
      {sla.tone === 'breached' ? <span className="badge breached">{t('sla.breached')}</span> : null}
      {sla.tone === 'soon' ? <span className="badge due-soon">{t('sla.dueSoon')}</span> : null}
      {sla.due !== null ? (
        <span className="small nowrap">
          {t('sla.due', {
            what: t(what ? 'sla.ack' : 'sla.respond'),
            time: time(new Date(sla.due).toISOString()),
          })}
        </span>
      ) : null}
    </span>
  );
}

export function ReportsBoard() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const [params, setParams] = useSearchParams();
  const tab = params.get('state');
  const state = (REPORT_STATES as readonly string[]).includes(tab ?? '') ? (tab as ReportState) : null;
  const breachedOnly = params.get('breached') === 'true';
  const [category, setCategory] = useState<Category | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  // One issue per near-duplicate group: the earliest report, with its supporters counted.
  const list = useLive(
    (signal) => listReports({ limit: LIMIT, originalsOnly: true, ...(category ? { category } : {}) }, signal),
    [category],
  );
  const slas = useApi((signal) => listReportSlas(signal), []);
  // Which reports breached, by the server's clock and rules (asked again with the list).
  const stats = useApi(
    (signal) =>
      getParticipationStats(
        {
          from: new Date(Date.now() - BREACHES_SINCE_MS).toISOString(),
          to: new Date(Date.now() + 86_400_000).toISOString(),
        },
        signal,
      ),
    [list.data],
  );
  const issues = useMemo(() => (list.data?.reports ?? []).filter((r) => !r.duplicateOf), [list.data]);
  const views = useMemo(() => {
    const bySla = new Map((slas.data?.slas ?? []).map((s) => [s.category, s]));
    const missed = new Map((stats.data?.breachList ?? []).map((b) => [b.report.id, b.missed]));
    const now = Date.now();
    return new Map<string, SlaView>(
      issues.map((r) => [r.id, slaView(r, bySla, now, stats.data ? (missed.get(r.id) ?? []) : undefined)]),
    );
  }, [issues, slas.data, stats.data]);
  const toneOf = (r: Report) => views.get(r.id)?.tone ?? 'ok';
  const counts = useMemo(() => {
    const m = new Map<ReportState, number>(REPORT_STATES.map((s) => [s, 0]));
    for (const r of issues) m.set(r.state, (m.get(r.state) ?? 0) + 1);
    return m;
  }, [issues]);
  const breached = issues.filter((r) => toneOf(r) === 'breached');
  const shown = issues.filter(
    (r) => (state === null || r.state === state) && (!breachedOnly || breached.includes(r)),
  );
  const respond = may('respondReport');
  const setQuery = (next: { state?: ReportState | null; breached?: boolean }) => {
    const q: Record<string, string> = {};
    const s = next.state === undefined ? state : next.state;
    const b = next.breached === undefined ? breachedOnly : next.breached;
    if (s) q.state = s;
    if (b) q.breached = 'true';
    setParams(q, { replace: true });
  };
  return (
    <div className="page participation">
      <h1>{t('board.title')}</h1>
      <p className="muted">{t('board.lead')}</p>
      <Card
        title={t('board.title')}
        actions={
          <span className="badge breached" data-testid="breached-count" data-count={breached.length}>
            {t('board.breachedCount', { n: breached.length })}
          </span>
        }
      >
        <div className="tabs" role="tablist" aria-label={t('board.tabs')}>
          <button
            type="button"
            role="tab"
            aria-selected={state === null}
            className={state === null ? 'tab active' : 'tab'}
            onClick={() => setQuery({ state: null })}
          >
            {t('board.tab', { state: t('board.all'), n: issues.length })}
          </button>
          {REPORT_STATES.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={s === state}
              className={s === state ? 'tab active' : 'tab'}
              data-state={s}
              data-count={counts.get(s) ?? 0}
              onClick={() => setQuery({ state: s })}
            >
              {t('board.tab', { state: t(`state.${s}`), n: counts.get(s) ?? 0 })}
            </button>
          ))}
        </div>
        <form className="row filter" onSubmit={(e) => e.preventDefault()}>
          <Field label={t('board.category')}>
            {(id) => (
              <select id={id} value={category} onChange={(e) => setCategory(e.target.value as Category | '')}>
                <option value="">{t('board.all')}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={breachedOnly}
              onChange={(e) => setQuery({ breached: e.target.checked })}
            />
            {t('board.breachedOnly')}
          </label>
        </form>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <DataTable
              testId="reports"
              columns={[
                t('board.category'),
                t('board.text'),
                t('board.place'),
                t('board.reporter'),
                t('board.submitted'),
                t('board.due'),
                t('board.state'),
                ...(respond ? [t('board.actions')] : []),
              ]}
              empty={shown.length === 0 ? t('board.none') : null}
            >
              {shown.map((r) => {
                const sla = views.get(r.id)!;
                const tone = sla.tone;
                return (
                  <Fragment key={r.id}>
                    <tr
                      data-report={r.id}
                      data-state={r.state}
                      data-sla={tone}
                      data-supporters={r.supporters}
                      className={tone === 'breached' ? 'row-breached' : undefined}
                    >
                      <td>
                        <CategoryBadge category={r.category} />
                      </td>
                      <td className="report-text">
                        {r.text}
                        {r.supporters > 1 ? (
                          <div>
                            <span className="badge supporters">{t('supporters', { n: r.supporters })}</span>
                          </div>
                        ) : null}
                        {r.hasPhoto ? (
                          <a href={photoUrl(r.id)} target="_blank" rel="noreferrer" className="small">
                            {t('board.photo')}
                          </a>
                        ) : null}
                        {(r.reopenCount ?? 0) > 0 ? (
                          <span className="badge reopened">{t('board.reopened')}</span>
                        ) : null}
                      </td>
                      <td>{r.placeName}</td>
                      <td>{r.reporterName}</td>
                      <td className="nowrap">{time(r.submittedAt)}</td>
                      <td>
                        <SlaCell sla={sla} />
                      </td>
                      <td>
                        <StateBadge state={r.state} />
                      </td>
                      {respond ? (
                        <td>
                          <button
                            type="button"
                            aria-expanded={open === r.id}
                            aria-label={t('respond.named', { id: r.text.slice(0, 20) })}
                            onClick={() => setOpen(open === r.id ? null : r.id)}
                          >
                            {open === r.id ? t('respond.cancel') : t('board.actions')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {open === r.id ? (
                      <tr className="respond-row">
                        <td colSpan={respond ? 8 : 7}>
                          <RespondPanel report={r} onDone={list.reload} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </DataTable>
            {list.data.total > list.data.reports.length ? (
              <p className="muted small">
                {t('board.more', { shown: list.data.reports.length, total: list.data.total })}
              </p>
            ) : null}
          </>
        ) : null}
      </Card>
    </div>
  );
}
