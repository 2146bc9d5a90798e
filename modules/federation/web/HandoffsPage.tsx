/**
 * 跨市移交 (hand-offs): received (收到的) and sent (发出的) as tabs, filtered by state, newest first —
 * time, peer city, kind, home place, state and reason, each to its page — and the 移交外市 form for
 * those who may send.
 */
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Direction, HANDOFF_STATES, type HandoffState, listHandoffs } from './api.js';
import { useWords } from './dictionary.js';
import { handoffHref, PEERS_HREF } from './paths.js';
import { SendForm } from './SendForm.js';
import { KindLabel, StateBadge, useMay } from './shared.js';
import './federation.css';

const PAGE = 20;
const DIRECTIONS: readonly Direction[] = ['in', 'out'];

export function HandoffsPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'out' ? 'out' : 'in';
  const stateParam = params.get('state');
  const state = HANDOFF_STATES.find((s) => s === stateParam);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const go = (next: { direction?: Direction; state?: HandoffState | ''; page?: number }) => {
    const q = new URLSearchParams({ direction: next.direction ?? direction });
    const s = next.state === undefined ? state : next.state;
    if (s) q.set('state', s);
    if ((next.page ?? 1) > 1) q.set('page', String(next.page));
    setParams(q);
  };
  const list = useApi(
    (signal) => listHandoffs({ direction, state, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [direction, state, page],
  );

  return (
    <div className="page handoffs">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.lead')}</p>
      {may('listPeerCities') ? (
        <p>
          <Link to={PEERS_HREF}>{t('list.peers')}</Link>
        </p>
      ) : null}
      <nav className="tabs" aria-label={t('list.tabs')}>
        {DIRECTIONS.map((d) => (
          <Link
            key={d}
            to={`?direction=${d}`}
            className={d === direction ? 'tab active' : 'tab'}
            aria-current={d === direction ? 'page' : undefined}
          >
            {t(`direction.${d}`)}
          </Link>
        ))}
      </nav>
      <Card title={t(`direction.${direction}`)}>
        <form className="filters" aria-label={t('list.filter')} onSubmit={(e) => e.preventDefault()}>
          <Field label={t('list.state')}>
            {(id) => (
              <select
                id={id}
                value={state ?? ''}
                onChange={(e) => go({ state: e.target.value as HandoffState | '' })}
                data-testid="state-filter"
              >
                <option value="">{t('list.allStates')}</option>
                {HANDOFF_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </form>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <DataTable
              columns={[
                t('list.time'),
                t('list.peer'),
                t('list.kind'),
                t('list.homePlace'),
                t('list.state'),
                t('list.reason'),
              ]}
              testId="handoffs"
              empty={list.data.handoffs.length === 0 ? t('list.none') : null}
            >
              {list.data.handoffs.map((h) => (
                <tr key={h.id} data-handoff={h.id} data-state={h.state}>
                  <td className="nowrap">
                    <Link to={handoffHref(h.id)} aria-label={t('list.open', { time: time(h.createdAt) })}>
                      {time(h.createdAt)}
                    </Link>
                  </td>
                  <td>{h.peerName}</td>
                  <td>
                    <KindLabel kind={h.kind} />
                  </td>
                  <td className="mono">{h.homePlace}</td>
                  <td>
                    <StateBadge state={h.state} />
                  </td>
                  <td className="handoff-reason">{h.reason}</td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              total={list.data.total}
              hasNext={page * PAGE < list.data.total}
              onPage={(n) => go({ page: n })}
            />
          </>
        ) : null}
      </Card>
      {may('sendHandoff') ? (
        <Card title={t('send.title')}>
          <SendForm onSent={(h) => navigate(handoffHref(h.id))} />
        </Card>
      ) : null}
    </div>
  );
}
