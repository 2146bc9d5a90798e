/** The city's SLA per category (hours to acknowledge, hours to respond), set by the city admin; read by the other staff. */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { listReportSlas, type Sla, setReportSla } from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useMay } from './shared.js';

function SlaRow({ sla, edit, onSaved }: { sla: Sla; edit: boolean; onSaved: () => void }) {
  const { t } = useWords();
  const [ack, setAck] = useState(String(sla.ackHours));
  const [respond, setRespond] = useState(String(sla.respondHours));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const category = t(`category.${sla.category}`);
  if (!edit)
    return (
      <tr data-category={sla.category}>
        <td>{category}</td>
        <td>{t('hours', { h: sla.ackHours })}</td>
        <td>{t('hours', { h: sla.respondHours })}</td>
        <td />
      </tr>
    );
  return (
    <tr data-category={sla.category}>
      <td>{category}</td>
      <td>
        <input
          type="number"
          min={1}
          max={8760}
          required
          className="hours-input"
          aria-label={t('sla.ackNamed', { category })}
          value={ack}
          onChange={(e) => setAck(e.target.value)}
        />
      </td>
      <td>
        <input
          type="number"
          min={1}
          max={8760}
          required
          className="hours-input"
          aria-label={t('sla.respondNamed', { category })}
          value={respond}
          onChange={(e) => setRespond(e.target.value)}
        />
      </td>
      <td>
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              setSaved(false);
              await setReportSla(sla.category, { ackHours: Number(ack), respondHours: Number(respond) });
              setSaved(true);
              onSaved();
            })
          }
        >
          {t('sla.save')}
        </button>
        {saved ? (
          <span role="status" className="ok small">
            {' '}
            {t('sla.saved')}
          </span>
        ) : null}
        {action.error ? <ErrorNote error={action.error} /> : null}
      </td>
    </tr>
  );
}

export function SlaSettings() {
  const { t } = useWords();
  const may = useMay();
  const slas = useApi((signal) => listReportSlas(signal), []);
  const edit = may('setReportSla');
  return (
    <Card title={t('sla.title')}>
      <p className="muted small">{t('sla.lead')}</p>
      {slas.loading && !slas.data ? <Loading /> : null}
      {slas.error ? <ErrorNote error={slas.error} onRetry={slas.reload} /> : null}
      {slas.data ? (
        <DataTable testId="slas" columns={[t('sla.category'), t('sla.ackHours'), t('sla.respondHours'), '']}>
          {slas.data.slas.map((s) => (
            <SlaRow key={s.category} sla={s} edit={edit} onSaved={slas.reload} />
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}
