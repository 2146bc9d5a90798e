/**
 * Finding a person (listPeople): part of a name, or a whole phone or ID number, within the user's
 * place or one place under it; a page of results at a time, each name opening the person's page.
 * The search lives in the URL (?q=&under=&page=), so going back from a person shows the same
 * results. Nothing is searched until the user asks: every search is audited.
 */

import { Card, ColourBadge, ErrorNote, Field, Loading, Pager } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPeople, listPlaces } from '@renxing/ui/endpoints';
import { useI18n } from '@renxing/ui/i18n';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { placeName } from '@renxing/ui/place-name';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

const PAGE = 20;

export function PeopleSearch() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const searched = params.has('q');
  const q = params.get('q') ?? '';
  const under = params.get('under') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [draft, setDraft] = useState({ q, under });
  const hintId = useId();
  const resultsId = useId();

  const places = useApi((signal) => listPlaces({}, signal), []);
  const byPath = new Map((places.data ?? []).map((p) => [p.path, p]));
  const found = useApi(
    (signal) =>
      searched
        ? listPeople(
            { q: q.trim() || undefined, under: under || undefined, offset: (page - 1) * PAGE, limit: PAGE },
            signal,
          )
        : Promise.resolve(undefined),
    [searched, q, under, page],
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams({ q: draft.q.trim() });
    if (draft.under) next.set('under', draft.under);
    setParams(next);
  }

  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };

  const rows = found.data?.people ?? [];
  return (
    <div className="page">
      <h1>{t('people.title')}</h1>
      <Card title={t('people.formLabel')}>
        <form className="filters" onSubmit={submit} aria-label={t('people.formLabel')}>
          <Field label={t('people.search')}>
            {(id) => (
              <input
                id={id}
                type="search"
                value={draft.q}
                maxLength={50}
                autoComplete="off"
                aria-describedby={hintId}
                onChange={(e) => setDraft({ ...draft, q: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('people.place')}>
            {(id) => (
              <select
                id={id}
                value={draft.under}
                onChange={(e) => setDraft({ ...draft, under: e.target.value })}
              >
                <option value="">{t('people.allPlaces')}</option>
                <PlaceOptions places={places.data} />
              </select>
            )}
          </Field>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('people.submit')}
            </button>
          </div>
        </form>
        <p className="hint" id={hintId}>
          {t('people.searchHint')}
        </p>
      </Card>
      <Card title={t('people.results')} labelledBy={resultsId}>
        {!searched ? <p className="muted">{t('people.prompt')}</p> : null}
        {searched && found.loading && !found.data ? <Loading /> : null}
        {found.error ? <ErrorNote error={found.error} onRetry={found.reload} /> : null}
        {searched && found.data ? (
          <>
            <p className="muted" role="status">
              {t('people.found', { total: found.data.total })}
            </p>
            <DataTable
              columns={[t('people.name'), t('people.phone'), t('people.home'), t('people.code')]}
              testId="people"
              labelledBy={resultsId}
              empty={rows.length === 0 ? t('people.none') : null}
            >
              {rows.map((p) => {
                const home = byPath.get(p.homePlacePath);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/people/${p.id}`}>{p.name}</Link>
                    </th>
                    <td className="mono">{p.phoneMasked ?? '—'}</td>
                    <td>
                      {home ? placeName(home, lang) : p.homePlaceName}{' '}
                      <span className="muted mono">{p.homePlacePath}</span>
                    </td>
                    <td>
                      <ColourBadge colour={p.colour} />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            <Pager
              page={page}
              total={found.data.total}
              hasNext={page * PAGE < found.data.total}
              onPage={goTo}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
