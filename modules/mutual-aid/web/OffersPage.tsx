/**
 * The volunteer's tasks (我的任务): the requests matched to them, each with what they need to
 * know — the requester's name and address, the need, the window, the notes, how far — and not the
 * phone until they accept; accept or decline an offer, mark an accepted task done. Live.
 */
import { ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { completeAidRequest, listMyOffers, type MyOffer, respondAidMatch } from './api.js';
import { useWords } from './dictionary.js';
import {
  StateBadge,
  UrgencyBadge,
  useAction,
  useDistance,
  useLive,
  useNeedName,
  useWindow,
} from './shared.js';
import './aid.css';

function Offer({ offer, onChanged }: { offer: MyOffer; onChanged: () => void }) {
  const { t } = useWords();
  const needName = useNeedName();
  const window = useWindow();
  const distance = useDistance();
  const action = useAction();
  const r = offer.request;
  const answer = (a: 'accept' | 'decline') =>
    action.run(async () => {
      await respondAidMatch(offer.id, a);
      onChanged();
    });
  return (
    <li
      className="offer-card"
      data-testid="offer"
      data-offer={offer.id}
      data-state={offer.state}
      data-request={r.id}
    >
      <div className="offer-head">
        <strong>{needName(r.need)}</strong> <UrgencyBadge urgency={r.urgency} />{' '}
        <StateBadge state={r.state} />
      </div>
      <div>{t('offers.requester', { name: r.requesterName })}</div>
      {r.address ? <div>{t('offers.address', { address: r.address })}</div> : null}
      <div className="nowrap">{window(r.from, r.to)}</div>
      <div className="muted small">{t('offers.distance', { distance: distance(offer.distanceM) })}</div>
      {r.notes ? <div className="notes">{r.notes}</div> : null}
      {r.phone ? (
        <div className="phone" data-testid="requester-phone">
          {t('offers.phone', { phone: '' })}
          <a href={`tel:${r.phone}`}>{r.phone}</a>
        </div>
      ) : (
        <div className="muted small">{t('offers.phoneHidden')}</div>
      )}
      <div className="row actions">
        {offer.state === 'offered' ? (
          <>
            <button
              type="button"
              className="primary big-button"
              disabled={action.busy}
              aria-label={t('offers.acceptNamed', { name: r.requesterName })}
              onClick={() => answer('accept')}
            >
              {t('offers.accept')}
            </button>
            <button
              type="button"
              className="big-button"
              disabled={action.busy}
              aria-label={t('offers.declineNamed', { name: r.requesterName })}
              onClick={() => answer('decline')}
            >
              {t('offers.decline')}
            </button>
          </>
        ) : null}
        {offer.state === 'accepted' ? (
          <button
            type="button"
            className="primary big-button"
            disabled={action.busy}
            aria-label={t('offers.doneNamed', { name: r.requesterName })}
            onClick={() =>
              action.run(async () => {
                await completeAidRequest(r.id);
                onChanged();
              })
            }
          >
            {t('offers.done')}
          </button>
        ) : null}
      </div>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function OffersPage() {
  const { t } = useWords();
  const time = useFormatTime();
  const needName = useNeedName();
  const offers = useLive((signal) => listMyOffers(signal), []);
  const all = offers.data?.offers ?? [];
  const current = all.filter((o) => o.state === 'offered' || o.state === 'accepted');
  const past = all.filter((o) => o.state === 'done');
  return (
    <div className="page aid aid-offers">
      <h1>{t('offers.title')}</h1>
      <p className="muted">{t('offers.lead')}</p>
      {offers.loading && !offers.data ? <Loading /> : null}
      {offers.error ? <ErrorNote error={offers.error} onRetry={offers.reload} /> : null}
      {offers.data && current.length === 0 ? <p className="muted">{t('offers.none')}</p> : null}
      <ul className="offers" data-testid="offers">
        {current.map((o) => (
          <Offer key={o.id} offer={o} onChanged={offers.reload} />
        ))}
      </ul>
      {past.length > 0 ? (
        <section aria-labelledby="offers-done">
          <h2 id="offers-done">{t('offers.history')}</h2>
          <ul className="plain">
            {past.map((o) => (
              <li key={o.id} data-offer={o.id}>
                {o.request.requesterName} · {needName(o.request.need)} · {time(o.at)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
