/** The alerts standing now within a place — lots expiring, gaps, stores below a minimum — and raising them in the inboxes. */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { listAlerts, raiseAlerts } from './api.js';
import { useWords } from './dictionary.js';
import { amount, cityDate, useAction, useMay } from './shared.js';

export function Alerts({ under }: { under: string | undefined }) {
  const { t, lang } = useWords();
  const may = useMay();
  const alerts = useApi((signal) => listAlerts(under, signal), [under]);
  const [raised, setRaised] = useState<number | null>(null);
  const action = useAction();
  const raise = action.submit(async () => {
    setRaised((await raiseAlerts(under)).raised);
  });
  const a = alerts.data;
  return (
    <Card
      title={t('alerts.title')}
      actions={
        may('raiseSupplyAlerts') ? (
          <form onSubmit={raise}>
            <button type="submit" disabled={action.busy}>
              {t('alerts.raise')}
            </button>
          </form>
        ) : null
      }
    >
      {alerts.loading && !a ? <Loading /> : null}
      {alerts.error ? <ErrorNote error={alerts.error} onRetry={alerts.reload} /> : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
      {raised !== null ? (
        <p className="ok" role="status" data-testid="alerts-raised">
          {t('alerts.raised', { raised })}
        </p>
      ) : null}
      {a && a.expiring.length + a.gaps.length + a.belowMinimum.length === 0 ? (
        <p className="muted">{t('alerts.none')}</p>
      ) : null}
      {a && a.expiring.length > 0 ? (
        <>
          <h3>{t('alerts.expiring')}</h3>
          <DataTable
            columns={[t('lots.item'), t('lots.quantity'), t('moves.stores'), t('lots.expires')]}
            testId="alerts-expiring"
          >
            {a.expiring.map((l) => (
              <tr key={l.lotId} className={l.expired ? 'expired' : ''}>
                <td>{l.itemName}</td>
                <td className="num">
                  {amount(l.quantity, lang)} {l.unit}
                </td>
                <td>{l.storeName}</td>
                <td className="nowrap">
                  {t(l.expired ? 'alerts.expiredOn' : 'alerts.expiresOn', { date: cityDate(l.expiresAt) })}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      {a && a.gaps.length > 0 ? (
        <>
          <h3>{t('alerts.gaps')}</h3>
          <ul className="plain-list small" data-testid="alerts-gaps">
            {a.gaps.map((g) => (
              <li key={`${g.path}/${g.item}`}>
                {g.name} · {g.itemName} · {t('alerts.short', { gap: amount(g.gap, lang), unit: g.unit })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a && a.belowMinimum.length > 0 ? (
        <>
          <h3>{t('alerts.minimum')}</h3>
          <ul className="plain-list small" data-testid="alerts-minimum">
            {a.belowMinimum.map((m) => (
              <li key={`${m.storeId}/${m.item}`}>
                {m.storeName} · {m.itemName} ·{' '}
                {t('alerts.below', {
                  stock: amount(m.stock, lang),
                  minimum: amount(m.minimum, lang),
                  unit: m.unit,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
