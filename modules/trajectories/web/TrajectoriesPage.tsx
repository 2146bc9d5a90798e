/**
 * Trajectories (轨迹): the stored days and their pings, the pings import, retention (verify; purge
 * for city admins) and the city-scale stream's status. An import or a purge reloads the days and
 * the retention check.
 */
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { listTrajectoryDays } from './api.js';
import { useWords } from './dictionary.js';
import { ImportPings } from './ImportPings.js';
import { Retention } from './Retention.js';
import { StoredDays } from './StoredDays.js';
import { StreamPanel } from './StreamPanel.js';
import './trajectories.css';

export function TrajectoriesPage() {
  const { t } = useWords();
  const [version, setVersion] = useState(0);
  const days = useApi((signal) => listTrajectoryDays(signal), [version]);
  const changed = () => setVersion((n) => n + 1);
  return (
    <div className="page trajectories">
      <h1>{t('page.title')}</h1>
      <p className="muted">{t('page.lead')}</p>
      <StoredDays days={days} />
      <ImportPings onImported={changed} />
      <Retention version={version} onPurged={changed} />
      <StreamPanel />
    </div>
  );
}
