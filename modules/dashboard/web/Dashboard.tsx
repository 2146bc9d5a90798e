import { useT } from '@renxing/ui/i18n';
import { Overview } from './Overview.js';

/** The city (district, street, community) dashboard of the signed-in user's own place. */
export function Dashboard() {
  const t = useT();
  return <Overview title={t('dashboard.title')} />;
}
