/**
 * The resilience index (韧性指数): the city map coloured by the index or by one mechanism, the
 * ranking beside it with its filters, and the run shown (its date among those computed, what it
 * used and what it lacked). The date, the map's score and the filters live in the address, so a
 * view can be shared and the way back returns to it.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { Link, useSearchParams } from 'react-router';
import { getResilienceIndex, listResilienceIndicators, type ScoreField } from './api.js';
import { useWords } from './dictionary.js';
import { IndexMap } from './IndexMap.js';
import { RankingTable } from './RankingTable.js';
import { RunInfo } from './RunInfo.js';
import type { RankingFilter } from './ranking.js';
import { SCORE_FIELDS, useScoreName } from './shared.js';
import './resilience.css';

/** The scores the map can be coloured by. */
const MAP_FIELDS = [
  'index',
  'engineering',
  'institutional',
  'social',
] as const satisfies readonly ScoreField[];

const isScore = (s: string | null): s is ScoreField => (SCORE_FIELDS as readonly string[]).includes(s ?? '');

export const INDICATORS_HREF = '/resilience/indicators';

export function IndexPage() {
  const { t } = useWords();
  const scoreName = useScoreName();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const view = params.get('view');
  const field: ScoreField =
    isScore(view) && (MAP_FIELDS as readonly string[]).includes(view) ? view : 'index';
  const sort = params.get('sort');
  const filter: RankingFilter = {
    district: params.get('district') ?? undefined,
    street: params.get('street') ?? undefined,
    q: params.get('q') ?? undefined,
    sort: isScore(sort) ? sort : field,
  };
  const index = useApi((signal) => getResilienceIndex(date ? { date } : {}, signal), [date]);
  const indicators = useApi((signal) => listResilienceIndicators(signal), [index.data?.run?.computedAt]);
  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const data = index.data;
  const shownDate = data?.run?.date;
  return (
    <div className="page resilience">
      <h1>{t('index.title')}</h1>
      <p className="muted">{t('index.lead')}</p>
      <p className="row">
        <Link to={INDICATORS_HREF}>{t('index.toIndicators')}</Link>
      </p>
      {index.error ? <ErrorNote error={index.error} onRetry={index.reload} /> : null}
      {!data ? (
        index.error ? null : (
          <Loading />
        )
      ) : (
        <div className="resilience-grid">
          <Card
            title={t('index.map')}
            actions={
              <fieldset className="segmented" aria-label={t('index.colourBy')}>
                {MAP_FIELDS.map((f) => (
                  <button
                    key={f}
                    type="button"
                    aria-pressed={f === field}
                    className={f === field ? 'primary' : undefined}
                    onClick={() => update({ view: f === 'index' ? undefined : f })}
                  >
                    {scoreName(f)}
                  </button>
                ))}
              </fieldset>
            }
          >
            {data.run ? (
              <IndexMap rows={data.rows} field={field} date={date} />
            ) : (
              <p className="muted">{t('run.never')}</p>
            )}
          </Card>
          <Card title={t('ranking.title')} className="tall">
            <RankingTable
              rows={data.rows}
              filter={filter}
              date={date}
              onFilter={(f) =>
                update({
                  district: f.district,
                  street: f.street,
                  q: f.q,
                  sort: f.sort === field ? undefined : f.sort,
                })
              }
            />
          </Card>
          <RunInfo
            index={data}
            indicators={indicators.data?.indicators}
            date={date}
            onDate={(d) => update({ date: d })}
            onComputed={(d) => {
              if (d === shownDate) index.reload();
              else update({ date: d });
            }}
          />
        </div>
      )}
    </div>
  );
}
