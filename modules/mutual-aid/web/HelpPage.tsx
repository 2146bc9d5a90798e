/**
 * The resident's phone screen for help (我要求助): ask (need, urgency, window, notes; a duplicate
 * said before sending), then follow my requests — each with its state, the volunteer once one
 * accepts (their phone too), and its history of changes as the requester was told them. Live.
 */

import { ResidentTabs } from '@renxing/modules/participation/web';
import { ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { AidForm } from './AidForm.js';
import { type AidRequest, type Created, cancelAidRequest, getAidRequest, listAidRequests } from './api.js';
import { useWords } from './dictionary.js';
import { StateBadge, UrgencyBadge, useAction, useLive, useNeedName, useWindow } from './shared.js';
import './aid.css';

function History({ request }: { request: AidRequest }) {
  const { t } = useWords();
  const time = useFormatTime();
  const detail = useApi((signal) => getAidRequest(request.id, signal), [request.id, request.state]);
  if (detail.error) return <ErrorNote error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const accepted = detail.data.offers.find((o) => o.state === 'accepted' || o.state === 'done');
  return (
    <div className="stack tight">
      {accepted ? (
        <div data-testid="my-volunteer">
          {t('help.volunteer', { name: accepted.volunteerName })}
          {accepted.volunteerPhone ? (
            <>
              {' · '}
              <a href={`tel:${accepted.volunteerPhone}`}>
                {t('help.volunteerPhone', { phone: accepted.volunteerPhone })}
              </a>
            </>
          ) : null}
        </div>
      ) : null}
      <ol className="history" aria-label={t('help.history')}>
        {detail.data.events.map((e, i) => (
          <li key={i} data-state={e.state}>
            <span className="nowrap muted small">{time(e.at)}</span> <StateBadge state={e.state} />
            {e.note ? <span className="small"> {e.note}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function MyRequest({ request, onChanged }: { request: AidRequest; onChanged: () => void }) {
  const { t } = useWords();
  const needName = useNeedName();
  const window = useWindow();
  const action = useAction();
  const live = request.state === 'open' || request.state === 'matched' || request.state === 'accepted';
  return (
    <li className="my-card" data-testid="my-request" data-request={request.id} data-state={request.state}>
      <div className="offer-head">
        <strong>{needName(request.need)}</strong> <UrgencyBadge urgency={request.urgency} />{' '}
        <StateBadge state={request.state} />
      </div>
      <div className="small">{window(request.from, request.to)}</div>
      {request.notes ? <div className="notes small">{request.notes}</div> : null}
      <History request={request} />
      {live ? (
        <button
          type="button"
          className="big-button"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              await cancelAidRequest(request.id);
              onChanged();
            })
          }
        >
          {t('help.cancel')}
        </button>
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function HelpPage() {
  const { t } = useWords();
  const mine = useLive((signal) => listAidRequests({ limit: 50 }, signal), []);
  const [said, setSaid] = useState<Created | null>(null);
  const window = useWindow();
  return (
    <div className="page aid resident">
      <ResidentTabs />
      <h1>{t('help.title')}</h1>
      <p className="muted">{t('help.lead')}</p>
      <AidForm
        big
        onCreated={(result) => {
          setSaid(result);
          mine.reload();
        }}
      />
      {said ? (
        <p role="status" className={said.created ? 'ok' : 'warning'} data-testid="help-sent">
          {said.created
            ? t('help.sent')
            : t('help.duplicate', {
                state: t(`state.${said.request.state}`),
                window: window(said.request.from, said.request.to),
              })}
        </p>
      ) : null}
      <section aria-labelledby="my-requests">
        <h2 id="my-requests">{t('help.mine')}</h2>
        {mine.loading && !mine.data ? <Loading /> : null}
        {mine.error ? <ErrorNote error={mine.error} onRetry={mine.reload} /> : null}
        {mine.data && mine.data.requests.length === 0 ? <p className="muted">{t('help.none')}</p> : null}
        <ul className="my-list" data-testid="my-requests">
          {(mine.data?.requests ?? []).map((r) => (
            <MyRequest key={r.id} request={r} onChanged={mine.reload} />
          ))}
        </ul>
      </section>
    </div>
  );
}
