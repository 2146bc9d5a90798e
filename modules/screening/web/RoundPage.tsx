/**
 * A round's page: its window, places and pooling; the coverage dashboard — totals, the round's
 * counts, the countdown, each community (table and map) — its sites (and a new one, for
 * organisers) and the untested list with its XLSX download and exemptions. Each widget loads on
 * its own.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { NotFound } from '@renxing/ui/NotFound';
import type { Loaded } from '@renxing/ui/use-api';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { addSite, type Coverage, getCoverage, getRound, type RoundView } from './api.js';
import { CoverageMap } from './CoverageMap.js';
import { useWords } from './dictionary.js';
import { useAction } from './fields.js';
import { Figures, RoundPlaces, ShareBar, useMay, useWindow } from './shared.js';
import { emptySite, type SiteDraft, SiteFields, SitesTable, siteBody } from './sites.js';
import { Untested } from './Untested.js';
import './screening.css';

/** Hours with one decimal (a few minutes of work read as under 0.1, not 0). */
const hours = (h: number) => (h > 0 && h < 0.1 ? '< 0.1' : (Math.round(h * 10) / 10).toLocaleString());

function Totals({ coverage }: { coverage: Loaded<Coverage | undefined> }) {
  const { t } = useWords();
  const c = coverage.data?.totals;
  const n = coverage.data?.counts;
  return (
    <>
      <Card title={t('cov.totals')}>
        {coverage.error ? <ErrorNote error={coverage.error} onRetry={coverage.reload} /> : null}
        <Figures
          testId="coverage-totals"
          figures={[
            { key: 'expected', label: t('cov.expected'), value: c?.expected },
            { key: 'exempt', label: t('cov.exempt'), value: c?.exempt },
            { key: 'tested', label: t('cov.tested'), value: c?.tested, tone: 'green' },
            { key: 'untested', label: t('cov.untested'), value: c?.untested, tone: 'overdue' },
            { key: 'untestedHouseholds', label: t('cov.untestedHouseholds'), value: c?.untestedHouseholds },
          ]}
        />
      </Card>
      <Card title={t('counts.title')}>
        <Figures
          testId="round-counts"
          figures={[
            { key: 'peopleSampled', label: t('counts.peopleSampled'), value: n?.peopleSampled },
            { key: 'tubes', label: t('counts.tubes'), value: n?.tubes },
            { key: 'sealedTubes', label: t('counts.sealedTubes'), value: n?.sealedTubes },
            { key: 'labTests', label: t('counts.labTests'), value: n?.labTests },
            { key: 'resolved', label: t('counts.resolved'), value: n?.resolved, tone: 'green' },
            {
              key: 'awaitingRetest',
              label: t('counts.awaitingRetest'),
              value: n?.awaitingRetest,
              tone: 'yellow',
            },
            { key: 'positives', label: t('counts.positives'), value: n?.positives, tone: 'overdue' },
            {
              key: 'positivePools',
              label: t('counts.positivePools'),
              value: n?.positivePools,
              tone: 'overdue',
            },
            { key: 'pending', label: t('counts.pending'), value: n?.pending },
          ]}
        />
      </Card>
    </>
  );
}

function CountdownCard({ coverage }: { coverage: Coverage | undefined }) {
  const { t } = useWords();
  const time = useFormatTime();
  if (!coverage) return null;
  const c = coverage.countdown;
  const state = c.onTrack === null ? 'unknown' : c.onTrack ? 'on-track' : 'behind';
  return (
    <Card title={t('countdown.title')}>
      <div className={`countdown ${state}`} data-testid="countdown" data-on-track={state}>
        <strong>
          {c.onTrack === null
            ? t('countdown.unknown')
            : c.onTrack
              ? t('countdown.onTrack')
              : t('countdown.behind')}
        </strong>
        <p>
          {c.hoursNeeded === null
            ? t('countdown.noCapacity', {
                untested: c.untested,
                left: hours(c.hoursLeft),
                endsAt: time(c.endsAt),
              })
            : t('countdown.text', {
                untested: c.untested.toLocaleString(),
                capacity: c.capacityPerHour.toLocaleString(),
                needed: hours(c.hoursNeeded),
                left: hours(c.hoursLeft),
                endsAt: time(c.endsAt),
              })}
        </p>
        {c.hoursNeeded !== null ? (
          <meter
            className="progress"
            min={0}
            max={Math.max(c.hoursLeft, c.hoursNeeded, 0.1)}
            value={c.hoursNeeded}
            high={c.hoursLeft}
            aria-label={t('countdown.title')}
          />
        ) : null}
      </div>
    </Card>
  );
}

function Communities({
  coverage,
  onPick,
}: {
  coverage: Coverage | undefined;
  onPick: (path: string) => void;
}) {
  const { t } = useWords();
  const rows = coverage?.communities ?? [];
  return (
    <div className="grid-2">
      <Card title={t('map.title')}>
        <p className="muted small">{t('map.hint')}</p>
        {coverage ? <CoverageMap rows={rows} /> : <Loading />}
      </Card>
      <Card title={t('cov.communities')}>
        <DataTable
          columns={[
            t('cov.community'),
            t('cov.share'),
            t('cov.exempt'),
            t('cov.untested'),
            t('cov.untestedHouseholds'),
          ]}
          testId="coverage-communities"
          empty={coverage && rows.length === 0 ? t('cov.none') : null}
        >
          {rows.map((r) => (
            <tr key={r.path} data-community={r.path}>
              <td>{r.path === '' ? t('cov.above') : r.name}</td>
              <td>
                <ShareBar tested={r.tested} expected={r.expected} />
              </td>
              <td>{r.exempt.toLocaleString()}</td>
              <td>
                {r.untested > 0 && r.path !== '' ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onPick(r.path)}
                    aria-label={`${t('cov.showUntested')}: ${r.name}`}
                  >
                    {r.untested.toLocaleString()}
                  </button>
                ) : (
                  r.untested.toLocaleString()
                )}
              </td>
              <td>{r.untestedHouseholds.toLocaleString()}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}

function Sites({ round, onAdded }: { round: Loaded<RoundView>; onAdded: () => void }) {
  const { t } = useWords();
  const may = useMay();
  const adding = may('addScreeningSite');
  const places = useApi((signal) => (adding ? listPlaces({}, signal) : Promise.resolve([])), [adding]);
  const [draft, setDraft] = useState<SiteDraft | null>(null);
  const action = useAction();
  const [added, setAdded] = useState<string | null>(null);
  const sites = round.data?.sites ?? [];
  const submit = action.submit(async () => {
    if (!draft || !round.data) return;
    const site = await addSite(round.data.round.id, siteBody(draft));
    setAdded(site.name);
    setDraft(null);
    onAdded();
  });
  return (
    <Card
      title={t('sites.title')}
      actions={
        adding && !draft ? (
          <button type="button" onClick={() => setDraft(emptySite(round.data?.round.places[0]?.path ?? ''))}>
            {t('sites.add')}
          </button>
        ) : null
      }
    >
      {round.data ? <SitesTable sites={sites} /> : null}
      {draft ? (
        <form className="form-grid site-row" onSubmit={submit} aria-label={t('sites.add')}>
          <SiteFields n={sites.length + 1} site={draft} places={places.data} onChange={setDraft} />
          <div className="filter-actions">
            <button type="submit" className="primary" disabled={action.busy}>
              {t('sites.add')}
            </button>
          </div>
        </form>
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
      {added ? (
        <p className="accepted" role="status">
          {t('sites.added', { name: added })}
        </p>
      ) : null}
    </Card>
  );
}

export function RoundPage() {
  const { t } = useWords();
  const may = useMay();
  const window_ = useWindow();
  const { id = '' } = useParams();
  const round = useApi((signal) => getRound(id, signal), [id]);
  const reading = may('getRoundCoverage');
  const coverage = useApi(
    (signal) => (reading ? getCoverage(id, undefined, signal) : Promise.resolve(undefined)),
    [id, reading],
  );
  const [under, setUnder] = useState('');
  if (round.error?.notFound) return <NotFound />;
  const r = round.data?.round;
  const pick = (path: string) => {
    setUnder(path);
    document.getElementById('untested')?.scrollIntoView({ block: 'start' });
  };
  return (
    <div className="page screening">
      <p>
        <Link to="/screening">{t('round.back')}</Link>
      </p>
      <h1>{r ? r.name : t('busy')}</h1>
      {round.error ? <ErrorNote error={round.error} onRetry={round.reload} /> : null}
      {r ? (
        <div className="stack round-facts" data-testid="round-facts">
          <span>{t('round.window', { window: window_(r) })}</span>
          <span>
            <span className="muted">{t('round.places')}</span> <RoundPlaces round={r} />
          </span>
          <span className="muted">
            {t('round.pooling', {
              sealed: r.pooling.sealed,
              controlled: r.pooling.controlled,
              prevention: r.pooling.prevention,
            })}
          </span>
        </div>
      ) : null}
      {reading ? (
        <>
          <Totals coverage={coverage} />
          <CountdownCard coverage={coverage.data} />
          <Communities coverage={coverage.data} onPick={pick} />
        </>
      ) : null}
      <Sites
        round={round}
        onAdded={() => {
          round.reload();
          coverage.reload();
        }}
      />
      {reading && r ? (
        <Untested
          roundId={r.id}
          communities={coverage.data?.communities ?? []}
          under={under}
          onUnder={setUnder}
          onChanged={coverage.reload}
        />
      ) : null}
    </div>
  );
}
