/**
 * One case: detection progress (polled while it runs), then its companions — paged and filtered
 * on the server — each with its evidence: the cell on the map and the overlap on a timeline; and
 * the way to its transmission chain (ChainPage).
 */

import { CompanionCellsLayer } from '@renxing/modules/dashboard/web';
import { HandoffButton } from '@renxing/modules/federation/web';
import type { Case, Companion } from '@renxing/ui/api-types';
import { CityMap } from '@renxing/ui/CityMap';
import { ApiError } from '@renxing/ui/client';
import { Card, ColourBadge, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { type CompanionQuery, getCase, listCaseCompanions } from '@renxing/ui/endpoints';
import { useI18n } from '@renxing/ui/i18n';
import { NotFound } from '@renxing/ui/NotFound';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetectionProgress } from './DetectionProgress.js';
import { useWords } from './dictionary.js';
import { Timeline } from './Timeline.js';

const PAGE = 10;

function useCase(id: string) {
  const c = useApi((signal) => getCase(id, signal), [id]);
  const running = c.data && (c.data.detection.state === 'pending' || c.data.detection.state === 'running');
  const { reload } = c;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, 700);
    return () => clearInterval(timer);
  }, [running, reload]);
  return c;
}

interface Filters {
  q: string;
  cell: string;
  minMinutes: string;
}

const NO_FILTERS: Filters = { q: '', cell: '', minMinutes: '' };

function Evidence({ c, companion }: { c: Case; companion: Companion }) {
  const { t } = useI18n();
  const who = companion.name ?? t('companions.unknownPerson');
  return (
    <Card title={t('companions.evidenceOf', { name: who })} className="evidence">
      <div className="grid-2">
        <div>
          <h3>
            {t('companions.cell')} <span className="mono">{companion.cell}</span>
          </h3>
          <CompanionCellsLayer caseId={c.id}>
            {(cells) => (
              <CityMap
                points={[]}
                cells={cells}
                highlightCell={companion.cell}
                label={t('companions.mapLabel', { label: c.label, cell: companion.cell })}
                height={280}
              />
            )}
          </CompanionCellsLayer>
        </div>
        <div>
          <h3>{t('companions.timeline')}</h3>
          <Timeline
            start={companion.overlapStart}
            end={companion.overlapEnd}
            windowFrom={c.windowFrom}
            windowTo={c.windowTo}
          />
        </div>
      </div>
    </Card>
  );
}

function Companions({ c }: { c: Case }) {
  const { t } = useI18n();
  const time = useFormatTime();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Companion | null>(null);
  const query: CompanionQuery = {
    q: filters.q.trim() || undefined,
    cell: filters.cell.trim() || undefined,
    minOverlap: filters.minMinutes ? Math.round(Number(filters.minMinutes) * 60) : undefined,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  };
  const list = useApi(
    (signal) => listCaseCompanions(c.id, query, signal),
    [c.id, filters, page, c.detection.state, c.companionCount],
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setPage(1);
    setSelected(null);
  }

  return (
    <>
      <Card title={`${t('companions.title')}${list.data ? ` (${list.data.total})` : ''}`}>
        <form className="filters" onSubmit={apply} aria-label={t('companions.filterLabel')}>
          <Field label={t('companions.filter.person')}>
            {(id) => (
              <input id={id} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
            )}
          </Field>
          <Field label={t('companions.filter.cell')}>
            {(id) => (
              <input
                id={id}
                value={draft.cell}
                placeholder="12:-3"
                pattern="-?[0-9]+:-?[0-9]+"
                onChange={(e) => setDraft({ ...draft, cell: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('companions.filter.minOverlap')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                value={draft.minMinutes}
                onChange={(e) => setDraft({ ...draft, minMinutes: e.target.value })}
              />
            )}
          </Field>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(NO_FILTERS);
                setFilters(NO_FILTERS);
                setPage(1);
              }}
            >
              {t('common.clear')}
            </button>
          </div>
        </form>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <DataTable
              columns={[
                t('companions.person'),
                t('companions.home'),
                t('companions.cell'),
                t('companions.overlap'),
                t('companions.duration'),
                t('companions.code'),
                t('companions.task'),
                t('companions.evidence'),
              ]}
              testId="companions"
              empty={list.data.companions.length === 0 ? t('companions.none') : null}
            >
              {list.data.companions.map((m) => (
                <tr key={m.id} className={selected?.id === m.id ? 'selected' : undefined}>
                  <td>
                    {m.personId ? (
                      <Link to={`/people/${m.personId}`}>{m.name}</Link>
                    ) : (
                      <span className="muted">{t('companions.unknownPerson')}</span>
                    )}
                  </td>
                  <td>{m.homePlaceName ?? '—'}</td>
                  <td className="mono">{m.cell}</td>
                  <td className="nowrap">
                    {time(m.overlapStart)} – {time(m.overlapEnd)}
                  </td>
                  <td>{t('companions.minutes', { n: Math.round(m.overlapS / 60) })}</td>
                  <td>
                    <ColourBadge colour={m.colour} />
                  </td>
                  <td>{m.taskState ? t(`inbox.state.${m.taskState as 'pending'}`) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      aria-pressed={selected?.id === m.id}
                      aria-label={`${t('companions.showEvidence')}: ${m.name ?? m.cell}`}
                      onClick={() => setSelected(selected?.id === m.id ? null : m)}
                    >
                      {t('companions.showEvidence')}
                    </button>{' '}
                    <HandoffButton kind="companion" companionId={m.id} />
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              total={list.data.total}
              hasNext={page * PAGE < list.data.total}
              onPage={(n) => {
                setPage(n);
                setSelected(null);
              }}
            />
          </>
        ) : null}
      </Card>
      {selected ? <Evidence c={c} companion={selected} /> : null}
    </>
  );
}

export function CaseDetail() {
  const { t } = useI18n();
  const words = useWords();
  const time = useFormatTime();
  const { id = '' } = useParams();
  const c = useCase(id);
  if (c.error instanceof ApiError && (c.error.notFound || c.error.status === 400)) return <NotFound />;
  const data = c.data;
  return (
    <div className="page">
      <p>
        <Link to="/cases">← {t('cases.back')}</Link>
      </p>
      <h1>
        {t('cases.title')} {data?.label ?? ''}
      </h1>
      {!data && c.loading ? <Loading /> : null}
      {c.error && !data ? <ErrorNote error={c.error} onRetry={c.reload} /> : null}
      {data ? (
        <>
          <Card
            title={t('cases.detection')}
            actions={
              <Link to={`/cases/${encodeURIComponent(data.id)}/chain`} data-testid="chain-link">
                {words.t('chain.open')}
              </Link>
            }
          >
            <dl className="facts">
              <dt>{t('cases.status')}</dt>
              <dd>{t(`cases.status.${data.status}`)}</dd>
              <dt>{t('cases.confirmedAt')}</dt>
              <dd>{time(data.confirmedAt)}</dd>
              <dt>{t('cases.window')}</dt>
              <dd>
                {data.windowFrom ? time(data.windowFrom) : t('cases.unbounded')} –{' '}
                {data.windowTo ? time(data.windowTo) : t('cases.unbounded')}
              </dd>
              <dt>{t('common.place')}</dt>
              <dd className="mono">{data.placePath ?? '—'}</dd>
              {data.personId ? (
                <>
                  <dt>{t('cases.person')}</dt>
                  <dd>
                    <Link to={`/people/${data.personId}`}>{data.personId}</Link>
                  </dd>
                </>
              ) : null}
              <dt>{t('cases.companions')}</dt>
              <dd data-testid="companion-count">{data.companionCount}</dd>
            </dl>
            <DetectionProgress detection={data.detection} />
          </Card>
          <Companions c={data} />
        </>
      ) : null}
    </div>
  );
}
