/** A person: the record (every read audited), the health code, history, tests, tasks, overrides. */
import { useParams } from 'react-router';
import { ApiError, api } from '../../data/client.js';
import type { Person } from '../../data/types.js';
import { useApi } from '../../data/use-api.js';
import { useT } from '../../i18n/index.js';
import { Card, ErrorNote, Loading } from '../../ui/controls.js';
import { NotFound } from '../../ui/NotFound.js';

export function PersonPage() {
  const t = useT();
  const { id } = useParams();
  const person = useApi(
    (signal) => api.get<Person>(`/api/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    [id],
  );
  if (person.error instanceof ApiError && (person.error.notFound || person.error.status === 400))
    return <NotFound />;
  const p = person.data;
  return (
    <div className="page">
      <h1>{p ? p.name : t('person.title')}</h1>
      {person.loading ? <Loading /> : null}
      {person.error ? <ErrorNote error={person.error} onRetry={person.reload} /> : null}
      {p ? (
        <Card title={t('person.title')}>
          <dl className="facts">
            <dt>{t('person.phone')}</dt>
            <dd>{p.phone ?? '—'}</dd>
            <dt>{t('person.idNumber')}</dt>
            <dd>{p.idNumber ?? '—'}</dd>
            <dt>{t('person.address')}</dt>
            <dd>{p.address ?? '—'}</dd>
            <dt>{t('person.home')}</dt>
            <dd>{p.homePlacePath ?? '—'}</dd>
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
