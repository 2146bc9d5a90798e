/**
 * The aid board (互助需求): the requests by state in tabs (open, matched, accepted, done, expired,
 * cancelled) with their counts, live; a request made for a resident with the duplicate caught as
 * the form is filled; matching run now with its matches and the unmatched requests' reasons; a
 * small map of the requests and the run's volunteers with the match lines.
 */

import { verifiedVolunteerPoints } from '@renxing/modules/volunteers/web';
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AidMap } from './AidMap.js';
import {
  AID_STATES,
  type AidRequest,
  type AidState,
  cancelAidRequest,
  listAidRequests,
  listAidRuns,
  type RunResult,
} from './api.js';
import { CreateForResident } from './CreateForResident.js';
import { useWords } from './dictionary.js';
import { MatchingPanel } from './MatchingPanel.js';
import { StateBadge, UrgencyBadge, useAction, useLive, useMay, useNeedName, useWindow } from './shared.js';
import './aid.css';

const LIMIT = 500;
const MAP_VOLUNTEERS = 500;

function CancelButton({ request, onCancelled }: { request: AidRequest; onCancelled: () => void }) {
  const { t } = useWords();
  const action = useAction();
  return (
    <span className="state-action">
      <button
        type="button"
        disabled={action.busy}
        aria-label={t('board.cancelNamed', { name: request.requesterName })}
        onClick={() =>
          action.run(async () => {
            await cancelAidRequest(request.id);
            onCancelled();
          })
        }
      >
        {t('board.cancel')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </span>
  );
}

export function AidBoard() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const needName = useNeedName();
  const window = useWindow();
  const [params, setParams] = useSearchParams();
  const state = (AID_STATES as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as AidState)
    : 'open';
  const list = useLive((signal) => listAidRequests({ limit: LIMIT }, signal), []);
  const runs = useApi((signal) => listAidRuns(signal), []);
  const [ran, setRan] = useState<RunResult | null>(null);
  const result = ran ?? runs.data?.latest ?? null;
  const volunteers = useApi((signal) => verifiedVolunteerPoints(MAP_VOLUNTEERS, signal), [result?.run.id]);
  // The volunteer of each request the last run matched (the list itself does not name them).
  const matchedBy = useMemo(
    () =>
      new Map(
        (result?.rows ?? []).filter((r) => r.volunteerName !== null).map((r) => [r.request, r.volunteerName]),
      ),
    [result],
  );
  const requests = list.data?.requests ?? [];
  const byState = useMemo(() => {
    const m = new Map<AidState, AidRequest[]>(AID_STATES.map((s) => [s, []]));
    for (const r of requests) m.get(r.state)?.push(r);
    return m;
  }, [requests]);
  const shown = byState.get(state) ?? [];
  const live = requests.filter((r) => r.state === 'open' || r.state === 'matched' || r.state === 'accepted');
  const cancel = may('cancelAidRequest');
  return (
    <div className="page aid">
      <h1>{t('board.title')}</h1>
      <p className="muted">{t('board.lead')}</p>
      <Card title={t('board.title')}>
        <div className="tabs" role="tablist" aria-label={t('board.tabs')}>
          {AID_STATES.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={s === state}
              className={s === state ? 'tab active' : 'tab'}
              data-state={s}
              data-count={byState.get(s)?.length ?? 0}
              onClick={() => setParams(s === 'open' ? {} : { state: s }, { replace: true })}
            >
              {t('board.tab', { state: t(`state.${s}`), n: byState.get(s)?.length ?? 0 })}
            </button>
          ))}
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <DataTable
              testId="aid-requests"
              columns={[
                t('board.requester'),
                t('board.need'),
                t('board.urgency'),
                t('board.window'),
                t('board.community'),
                t('board.volunteer'),
                t('board.notes'),
                t('board.state'),
                t('board.created'),
                ...(cancel ? [t('board.actions')] : []),
              ]}
              empty={shown.length === 0 ? t('board.none', { state: t(`state.${state}`) }) : null}
            >
              {shown.map((r) => (
                <tr key={r.id} data-request={r.id} data-state={r.state} data-need={r.need}>
                  <td>
                    {r.requesterName}
                    {r.address ? <div className="muted small">{r.address}</div> : null}
                  </td>
                  <td>{needName(r.need)}</td>
                  <td>
                    <UrgencyBadge urgency={r.urgency} />
                  </td>
                  <td className="nowrap">{window(r.from, r.to)}</td>
                  <td>{r.placeName}</td>
                  <td>
                    {r.state === 'matched' || r.state === 'accepted' || r.state === 'done'
                      ? (matchedBy.get(r.id) ?? t('none'))
                      : t('none')}
                  </td>
                  <td className="notes">{r.notes || t('none')}</td>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td className="nowrap">{time(r.createdAt)}</td>
                  {cancel ? (
                    <td>
                      {r.state === 'open' || r.state === 'matched' || r.state === 'accepted' ? (
                        <CancelButton request={r} onCancelled={list.reload} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </DataTable>
            {list.data.total > requests.length ? (
              <p className="muted small">
                {t('board.more', { shown: requests.length, total: list.data.total })}
              </p>
            ) : null}
          </>
        ) : null}
      </Card>
      <div className="aid-columns">
        {may('runAidMatching') ? (
          <MatchingPanel
            result={result}
            onRun={(r) => {
              setRan(r);
              list.reload();
            }}
          />
        ) : null}
        <Card title={t('map.title')}>
          <AidMap
            requests={live}
            volunteers={volunteers.data ?? []}
            matches={(result?.rows ?? []).filter((r) => r.volunteer !== null)}
          />
        </Card>
      </div>
      {may('createAidRequest') ? <CreateForResident onCreated={list.reload} /> : null}
    </div>
  );
}
