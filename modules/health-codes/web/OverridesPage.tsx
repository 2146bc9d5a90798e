/** Pending override requests in the user's area, each to approve or reject by a second person. */

import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { listOverrides } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { DecideOverride } from './OverridePanel.js';

export function OverridesPage() {
  const t = useT();
  const list = useApi((signal) => listOverrides({}, signal), []);
  return (
    <div className="page">
      <h1>{t('overrides.title')}</h1>
      <Card title={t('person.pending')}>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.length === 0 ? <p className="muted">{t('person.noPending')}</p> : null}
        <div className="stack">
          {list.data?.map((r) => (
            <div key={r.id} className="stack">
              <Link to={`/people/${r.personId}`}>
                {t('overrides.person')} · {r.homePlacePath ?? r.personId}
              </Link>
              <DecideOverride request={r} onDecided={list.reload} />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
