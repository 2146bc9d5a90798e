/**
 * Retention: whether any stored day is older than the window (the days kept, 21 by default), the
 * window's first day, the oldest stored day and the latest purge runs; city admins purge the days
 * before the window, after saying yes to what will be deleted.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import {
  DEFAULT_RETENTION_DAYS,
  purgeTrajectories,
  type RetentionCheck,
  type TrajectoryPurge,
  verifyTrajectoryRetention,
} from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useMay } from './shared.js';

function Purge({
  check,
  retentionDays,
  onPurged,
}: {
  check: RetentionCheck;
  retentionDays: number;
  onPurged: () => void;
}) {
  const { t } = useWords();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<TrajectoryPurge | null>(null);
  const stale = check.staleDays.length;
  return (
    <div className="stack" data-testid="retention-purge">
      {asking ? (
        <fieldset className="confirm stack">
          <legend>{t('retention.purge')}</legend>
          <p>{t('retention.confirm', { cutoff: check.cutoff, count: stale })}</p>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={action.busy}
              onClick={() =>
                action.run(async () => {
                  const purge = await purgeTrajectories(retentionDays);
                  setAsking(false);
                  setDone(purge);
                  onPurged();
                })
              }
            >
              {action.busy ? t('busy') : t('retention.confirmPurge')}
            </button>
            <button type="button" disabled={action.busy} onClick={() => setAsking(false)}>
              {t('retention.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="row">
          <button
            type="button"
            className="danger"
            disabled={stale === 0}
            onClick={() => {
              setDone(null);
              setAsking(true);
            }}
          >
            {t('retention.purge')}
          </button>
        </div>
      )}
      {done ? (
        <p className="ok" role="status" data-testid="retention-purged">
          {t('retention.purged', { count: done.days.length, pings: done.pings.toLocaleString() })}
        </p>
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </div>
  );
}

export function Retention({ version, onPurged }: { version: number; onPurged: () => void }) {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const user = useUser();
  // A purge names its actor by id (or system:<job>): the signed-in user reads as their name.
  const actor = (id: string) => (id === user.id ? user.username : id);
  const [input, setInput] = useState(String(DEFAULT_RETENTION_DAYS));
  const [days, setDays] = useState(DEFAULT_RETENTION_DAYS);
  const check = useApi((signal) => verifyTrajectoryRetention(days, signal), [days, version]);
  const data = check.data;
  return (
    <Card title={t('retention.title')}>
      <p className="muted small">{t('retention.lead')}</p>
      <form
        className="row"
        aria-label={t('retention.verify')}
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(input);
          if (n === days) check.reload();
          else setDays(n);
        }}
      >
        <Field label={t('retention.days')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={3650}
              required
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={check.loading}>
          {check.loading ? t('busy') : t('retention.verify')}
        </button>
      </form>
      {check.error ? <ErrorNote error={check.error} onRetry={check.reload} /> : null}
      {!data && !check.error ? <Loading /> : null}
      {data ? (
        <div className="stack" data-testid="retention" data-ok={data.ok} data-cutoff={data.cutoff}>
          {data.ok ? (
            <p className="ok" data-testid="retention-state">
              {t('retention.ok')}
            </p>
          ) : (
            <p className="error" data-testid="retention-state">
              {t('retention.stale', { count: data.staleDays.length, days: data.staleDays.join('、') })}
            </p>
          )}
          <dl className="facts">
            <dt>{t('retention.cutoff')}</dt>
            <dd>{data.cutoff}</dd>
            <dt>{t('retention.oldest')}</dt>
            <dd>{data.oldestDay ?? t('none')}</dd>
          </dl>
          <h3>{t('retention.purges')}</h3>
          <DataTable
            columns={[
              t('retention.purgedAt'),
              t('retention.cutoff'),
              t('retention.purgedDays'),
              t('retention.purgedPings'),
              t('retention.purgedBy'),
            ]}
            empty={data.purges.length === 0 ? t('retention.noPurges') : null}
            testId="retention-purges"
          >
            {data.purges.map((p) => (
              <tr key={p.id} data-purge={p.id}>
                <td className="nowrap">{time(p.purgedAt)}</td>
                <td className="nowrap">{p.cutoff}</td>
                <td>{p.days.length > 0 ? p.days.join('、') : t('none')}</td>
                <td>{p.pings.toLocaleString()}</td>
                <td className="mono">{actor(p.purgedBy)}</td>
              </tr>
            ))}
          </DataTable>
          {may('purgeTrajectories') ? <Purge check={data} retentionDays={days} onPurged={onPurged} /> : null}
        </div>
      ) : null}
    </Card>
  );
}
