/**
 * The community inbox (社区收件箱): the community's one list of items departments sent down —
 * due date, priority, the departments behind each, state — and of items other areas raised for a
 * person (screening's re-tests: the origin's badge and the person's name); overdue ones
 * (escalated to the street) stand out. Filters and pages on the server; an item opens on its own
 * page.
 */
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type InboxQuery, type ItemState, listInbox, updateWorkItem } from './api.js';
import { OriginBadge } from './platform.js';
import { KNOWN_ORIGINS, usePlatformWords } from './platform-dictionary.js';
import { DepartmentOptions, PriorityBadge, useDepartments } from './shared.js';
import { InboxTabs } from './tabs.js';
import './inbox.css';

const PAGE = 20;
type StateFilter = NonNullable<InboxQuery['state']>;
const STATE_FILTERS: StateFilter[] = ['open', 'done', 'all'];

interface Filters {
  state: StateFilter;
  overdue: boolean;
  department: string;
  origin: string;
}

export function InboxPage() {
  const t = useT();
  const time = useFormatTime();
  const { departments, names } = useDepartments();
  const words = usePlatformWords();
  // Filters and page live in the URL: back from an item returns to the same list.
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    state: (STATE_FILTERS as string[]).includes(params.get('state') ?? '')
      ? (params.get('state') as StateFilter)
      : 'open',
    overdue: params.get('overdue') === '1',
    department: params.get('department') ?? '',
    origin: params.get('origin') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(filters);
  const key = params.toString();
  const items = useApi(
    (signal) =>
      listInbox(
        {
          state: filters.state,
          overdue: filters.overdue || undefined,
          department: filters.department || undefined,
          origin: filters.origin || undefined,
          offset: (page - 1) * PAGE,
          limit: PAGE,
        },
        signal,
      ),
    [key],
  );

  const go = (f: Filters, p: number) => {
    const next = new URLSearchParams();
    if (f.state !== 'open') next.set('state', f.state);
    if (f.overdue) next.set('overdue', '1');
    if (f.department) next.set('department', f.department);
    if (f.origin) next.set('origin', f.origin);
    if (p > 1) next.set('page', String(p));
    setParams(next);
  };

  function apply(e: FormEvent) {
    e.preventDefault();
    go(draft, 1);
  }

  const rows = items.data?.items ?? [];
  // Bulk: the chosen items of this page moved along together; one that cannot move is skipped.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<{ moved: number; skipped: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const onPage = rows.filter((r) => chosen.has(r.id));
  const allChosen = rows.length > 0 && onPage.length === rows.length;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  async function move(state: ItemState) {
    setBusy(true);
    let moved = 0;
    let skipped = 0;
    for (const item of onPage) {
      try {
        await updateWorkItem(item.id, state);
        moved++;
      } catch {
        skipped++;
      }
    }
    setBusy(false);
    setChosen(new Set());
    setBulk({ moved, skipped });
    items.reload();
  }
  const followUp = items.data?.followUp;
  return (
    <div className="page">
      <h1>{t('wi.title')}</h1>
      <InboxTabs />
      <p className="muted">{t('wi.lead')}</p>
      {followUp && followUp.open > 0 ? (
        <p data-testid="follow-up-count">
          <Link to="/inbox/tasks">
            {t('wi.followUp', { open: followUp.open, overdue: followUp.overdue })}
          </Link>
        </p>
      ) : null}
      <Card title={t('wi.items')}>
        <form className="filters" onSubmit={apply} aria-label={t('wi.filterLabel')}>
          <Field label={t('wi.filter.state')}>
            {(id) => (
              <select
                id={id}
                value={draft.state}
                onChange={(e) => setDraft({ ...draft, state: e.target.value as StateFilter })}
              >
                {STATE_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`wi.filter.state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('wi.filter.department')}>
            {(id) => (
              <select
                id={id}
                value={draft.department}
                onChange={(e) => setDraft({ ...draft, department: e.target.value })}
              >
                <option value="">{t('common.all')}</option>
                <DepartmentOptions departments={departments} />
              </select>
            )}
          </Field>
          <Field label={words.t('origin.filter')}>
            {(id) => (
              <select
                id={id}
                value={draft.origin}
                onChange={(e) => setDraft({ ...draft, origin: e.target.value })}
              >
                <option value="">{t('common.all')}</option>
                {KNOWN_ORIGINS.map((o) => (
                  <option key={o} value={o}>
                    {words.origin(o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.overdue}
              onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
            />{' '}
            {t('wi.filter.overdue')}
          </label>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
        {items.loading && !items.data ? <Loading /> : null}
        {items.error ? <ErrorNote error={items.error} onRetry={items.reload} /> : null}
        {items.data ? (
          <>
            <fieldset className="bulk" aria-label={t('wi.bulk.label')}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={allChosen}
                  onChange={() => setChosen(allChosen ? new Set() : new Set(rows.map((r) => r.id)))}
                />{' '}
                {t('inbox.selectAll')}
              </label>
              <button
                type="button"
                disabled={busy || onPage.length === 0}
                onClick={() => move('in_progress')}
              >
                {t('wi.bulk.start', { n: onPage.length })}
              </button>
              <button type="button" disabled={busy || onPage.length === 0} onClick={() => move('done')}>
                {t('wi.bulk.done', { n: onPage.length })}
              </button>
              {bulk ? (
                <span role="status" className="muted">
                  {t('wi.bulk.result', bulk)}
                </span>
              ) : null}
            </fieldset>
            <DataTable
              columns={[
                '',
                t('wi.item'),
                t('wi.duty'),
                t('wi.departments'),
                t('common.place'),
                t('wi.due'),
                t('wi.priority'),
                t('wi.state'),
              ]}
              testId="work-items"
              empty={rows.length === 0 ? t('wi.none') : null}
            >
              {rows.map((item) => (
                <tr
                  key={item.id}
                  className={item.overdue ? 'overdue' : undefined}
                  data-overdue={item.overdue ? 'yes' : 'no'}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('wi.bulk.select', { title: item.title })}
                      checked={chosen.has(item.id)}
                      onChange={() => toggle(item.id)}
                    />
                  </td>
                  <td>
                    <Link to={`/inbox/items/${item.id}`}>{item.title}</Link>{' '}
                    <span className="muted small">
                      {t(`wi.kind.${item.kind}`)}
                      {(item.demands ?? 1) > 1 ? ` · ${t('wi.merged', { n: item.demands ?? 1 })}` : ''}
                    </span>
                    {item.conflicts ? <span className="badge colour-yellow">{t('wi.conflict')}</span> : null}
                    {item.subject ? (
                      <span className="subject" data-testid="row-subject">
                        {' '}
                        · {words.t('subject')} {item.subject.name}
                      </span>
                    ) : null}
                  </td>
                  <td className="mono">{item.duty}</td>
                  <td>{item.origin ? <OriginBadge origin={item.origin} /> : names(item.departments)}</td>
                  <td>{item.placeName}</td>
                  <td className="nowrap">
                    {time(item.due)}
                    {item.overdue ? <span className="badge overdue">{t('wi.overdue')}</span> : null}
                  </td>
                  <td>
                    <PriorityBadge priority={item.priority} />
                  </td>
                  <td>
                    <span className={`badge state-${item.state}`}>{t(`wi.state.${item.state}`)}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              total={items.data.total}
              hasNext={page * PAGE < items.data.total}
              onPage={(n) => go(filters, n)}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
