/**
 * A hand-off's records: the deliveries of its messages (attempts, delivered or refused, last error),
 * its audit trail, and its last reads with their purpose.
 */
import { Card, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import type { Delivery, Reads as ReadsOf, TrailRow } from './api.js';
import { useWords } from './dictionary.js';
import { useActionLabel } from './shared.js';

export function Deliveries({ deliveries }: { deliveries: readonly Delivery[] }) {
  const { t } = useWords();
  const time = useFormatTime();
  return (
    <Card title={t('detail.deliveries')}>
      <DataTable
        columns={[
          t('detail.type'),
          t('detail.attempts'),
          t('detail.deliveredAt'),
          t('detail.refused'),
          t('detail.nextAt'),
          t('detail.lastError'),
        ]}
        testId="deliveries"
        empty={deliveries.length === 0 ? t('detail.noDeliveries') : null}
      >
        {deliveries.map((d, i) => (
          <tr key={i} data-type={d.type} data-delivered={d.deliveredAt ? 'yes' : 'no'}>
            <td>{t(`detail.type.${d.type}`)}</td>
            <td>{d.attempts}</td>
            <td className="nowrap">{time(d.deliveredAt)}</td>
            <td>{d.refused ?? t('none')}</td>
            <td className="nowrap">{d.deliveredAt || d.refused ? t('none') : time(d.nextAt)}</td>
            <td className="handoff-error">{d.lastError ?? t('none')}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

export function Trail({ trail }: { trail: readonly TrailRow[] }) {
  const { t } = useWords();
  const time = useFormatTime();
  const label = useActionLabel();
  return (
    <Card title={t('detail.trail')}>
      <DataTable
        columns={[t('detail.at'), t('detail.actor'), t('detail.action'), t('detail.trailReason')]}
        testId="trail"
      >
        {trail.map((r, i) => (
          <tr key={i} data-action={r.action}>
            <td className="nowrap">{time(r.at)}</td>
            <td className="mono">{r.actor}</td>
            <td>{label(r.action)}</td>
            <td>{r.reason ?? t('none')}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

export function Reads({ reads }: { reads: ReadsOf }) {
  const { t } = useWords();
  const time = useFormatTime();
  return (
    <Card title={t('detail.reads')}>
      <p className="muted small">{t('detail.readsTotal', { n: reads.total })}</p>
      <DataTable columns={[t('detail.at'), t('detail.reader'), t('detail.purpose')]} testId="reads">
        {reads.last.map((r, i) => (
          <tr key={i}>
            <td className="nowrap">{time(r.at)}</td>
            <td className="mono">{r.actor}</td>
            <td>{r.purpose ?? t('none')}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
