/**
 * The ranking: the communities of one run, filtered by district, street and name, ordered by the
 * index or any mechanism or trait (best first); the city rank is the index's, whatever the order.
 */
import { Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { Link } from 'react-router';
import type { IndexRow, ScoreField } from './api.js';
import { useWords } from './dictionary.js';
import { areasOf, type RankingFilter, rank } from './ranking.js';
import { communityHref, SCORE_FIELDS, score, useCommunityName, useScoreName } from './shared.js';

/** The most rows drawn at once (the filters narrow the rest). */
const SHOWN = 300;

export function RankingTable({
  rows,
  filter,
  onFilter,
  date,
}: {
  rows: readonly IndexRow[];
  filter: RankingFilter;
  onFilter: (filter: RankingFilter) => void;
  date?: string;
}) {
  const { t } = useWords();
  const name = useCommunityName();
  const scoreName = useScoreName();
  const { districts, streets } = areasOf(rows);
  const ranked = rank(rows, filter);
  const shown = ranked.slice(0, SHOWN);
  const set = (patch: Partial<RankingFilter>) => onFilter({ ...filter, ...patch });
  return (
    <div className="stack">
      <fieldset className="row filter" aria-label={t('ranking.filters')}>
        <Field label={t('ranking.district')}>
          {(id) => (
            <select
              id={id}
              value={filter.district ?? ''}
              onChange={(e) => set({ district: e.target.value || undefined, street: undefined })}
            >
              <option value="">{t('ranking.all')}</option>
              {districts.map((d) => (
                <option key={d.path} value={d.path}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ranking.street')}>
          {(id) => (
            <select
              id={id}
              value={filter.street ?? ''}
              onChange={(e) => set({ street: e.target.value || undefined })}
            >
              <option value="">{t('ranking.all')}</option>
              {streets
                .filter((s) => !filter.district || s.district === filter.district)
                .map((s) => (
                  <option key={s.path} value={s.path}>
                    {s.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('ranking.q')}>
          {(id) => (
            <input
              id={id}
              type="search"
              value={filter.q ?? ''}
              onChange={(e) => set({ q: e.target.value || undefined })}
            />
          )}
        </Field>
        <Field label={t('ranking.sort')}>
          {(id) => (
            <select id={id} value={filter.sort} onChange={(e) => set({ sort: e.target.value as ScoreField })}>
              {SCORE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {scoreName(f)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <p className="muted small" role="status">
        {ranked.length > SHOWN
          ? t('ranking.countShown', { n: ranked.length, shown: SHOWN })
          : t('ranking.count', { n: ranked.length })}
      </p>
      <DataTable
        testId="resilience-ranking"
        columns={[
          t('ranking.rank'),
          t('ranking.community'),
          t('ranking.area'),
          ...SCORE_FIELDS.map((f) => (
            <span key={f} className={f === filter.sort ? 'sorted' : undefined}>
              {scoreName(f)}
            </span>
          )),
          t('ranking.indicators'),
        ]}
        empty={shown.length === 0 ? t('ranking.empty') : null}
      >
        {shown.map((r) => (
          <tr key={r.community.path} data-community={r.community.path} data-rank={r.rank ?? ''}>
            <td>{r.rank ?? '—'}</td>
            <td>
              <Link to={communityHref(r.community.path, date)}>{name(r.community)}</Link>
            </td>
            <td className="muted small">
              {[r.community.districtName, r.community.streetName].filter(Boolean).join(' · ')}
            </td>
            {SCORE_FIELDS.map((f) => (
              <td key={f} className={`num ${f === filter.sort ? 'sorted' : ''}`} data-field={f}>
                {score(r[f])}
              </td>
            ))}
            <td className="num">{r.indicators}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
