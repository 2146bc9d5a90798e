/**
 * Mass screening's rounds (核酸筛查): the rounds reaching the user's place — name, window in the
 * city's time, places with their zones, progress tested / expected (each row's coverage loads on
 * its own) — a new round (organisers), and the pool-size advisor.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { getCoverage, listRounds } from './api.js';
import { CreateRound } from './CreateRound.js';
import { useWords } from './dictionary.js';
import { roundHref } from './index.js';
import { PoolAdvisor } from './PoolAdvisor.js';
import { RoundPlaces, ShareBar, useMay, useWindow } from './shared.js';
import './screening.css';

function Progress({ roundId }: { roundId: string }) {
  const coverage = useApi((signal) => getCoverage(roundId, undefined, signal), [roundId]);
  if (coverage.error) return <span className="muted">—</span>;
  if (!coverage.data) return <span className="muted">…</span>;
  const { tested, expected } = coverage.data.totals;
  return <ShareBar tested={tested} expected={expected} />;
}

export function RoundsPage() {
  const { t } = useWords();
  const may = useMay();
  const window_ = useWindow();
  const rounds = useApi((signal) => listRounds(signal), []);
  const progress = may('getRoundCoverage');
  return (
    <div className="page screening">
      <h1>{t('rounds.title')}</h1>
      <p className="muted">{t('rounds.lead')}</p>
      <Card title={t('rounds.list')}>
        {rounds.loading && !rounds.data ? <Loading /> : null}
        {rounds.error ? <ErrorNote error={rounds.error} onRetry={rounds.reload} /> : null}
        {rounds.data ? (
          <DataTable
            columns={[
              t('rounds.name'),
              t('rounds.window'),
              t('rounds.places'),
              ...(progress ? [t('rounds.progress')] : []),
            ]}
            testId="rounds"
            empty={rounds.data.length === 0 ? t('rounds.none') : null}
          >
            {rounds.data.map((r) => (
              <tr key={r.id} data-round={r.id}>
                <td>
                  <Link to={roundHref(r.id)}>{r.name}</Link>
                </td>
                <td className="nowrap">{window_(r)}</td>
                <td>
                  <RoundPlaces round={r} />
                </td>
                {progress ? (
                  <td>
                    <Progress roundId={r.id} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {may('createScreeningRound') ? <CreateRound onCreated={rounds.reload} /> : null}
      {may('getPoolSizeAdvice') ? <PoolAdvisor /> : null}
    </div>
  );
}
