/**
 * Emergency supplies (应急物资): the stores within the user's place (and a new one), the chosen
 * store's stock by lot with each lot's state, its movements as forms, and what moved in or out of
 * it. Each widget loads on its own.
 */
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { createStore, type Lot, listItems, listMovements, listStock, listStores, type Store } from './api.js';
import { useWords } from './dictionary.js';
import { MovementForms } from './MovementForms.js';
import { amount, cityDate, LotBadge, useAction, useMay } from './shared.js';
import './supplies.css';

const PAGE = 20;

function NewStore({ onCreated }: { onCreated: (store: Store) => void }) {
  const { t } = useWords();
  const user = useUser();
  const places = useApi(
    (signal) => listPlaces({ under: user.placePath ?? undefined }, signal),
    [user.placePath],
  );
  const [place, setPlace] = useState('');
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    const store = await createStore({ place, name: name.trim() });
    setDone(t('stores.created', { name: store.name }));
    setName('');
    onCreated(store);
  });
  return (
    <details className="new-store">
      <summary>{t('stores.create')}</summary>
      <form className="form-grid" onSubmit={submit} aria-label={t('stores.create')}>
        <Field label={t('stores.place')}>
          {(id) => (
            <select id={id} required value={place} onChange={(e) => setPlace(e.target.value)}>
              <option value="">{t('none')}</option>
              <PlaceOptions places={places.data} />
            </select>
          )}
        </Field>
        <Field label={t('stores.name')}>
          {(id) => (
            <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('stores.create')}
          </button>
        </div>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {done ? <p className="ok">{done}</p> : null}
    </details>
  );
}

function LotsTable({ store, lots }: { store: Store; lots: readonly Lot[] }) {
  const { t, lang } = useWords();
  const totals = new Map<string, { name: string; unit: string; quantity: number }>();
  for (const l of lots) {
    const x = totals.get(l.item) ?? { name: l.itemName, unit: l.unit, quantity: 0 };
    x.quantity += l.quantity;
    totals.set(l.item, x);
  }
  return (
    <>
      <DataTable
        columns={[
          t('lots.item'),
          t('lots.quantity'),
          t('lots.expires'),
          t('lots.status'),
          t('lots.received'),
        ]}
        testId="lots"
        empty={lots.length === 0 ? t('lots.none') : null}
      >
        {lots.map((l) => (
          <tr key={l.lotId} data-item={l.item} data-lot={l.lotId}>
            <td>
              {l.itemName} <span className="muted mono small">{l.item}</span>
            </td>
            <td className="num" data-quantity={l.quantity}>
              {amount(l.quantity, lang)} {l.unit}
            </td>
            <td className="nowrap">{l.expiresAt ? cityDate(l.expiresAt) : t('none')}</td>
            <td>
              <LotBadge lot={l} />
            </td>
            <td className="nowrap">{cityDate(l.receivedAt)}</td>
          </tr>
        ))}
      </DataTable>
      {totals.size > 0 ? (
        <ul className="totals small" data-testid="totals" aria-label={store.name}>
          {[...totals].map(([code, x]) => (
            <li key={code} data-item={code} data-total={x.quantity}>
              {t('lots.total', { item: x.name, quantity: amount(x.quantity, lang), unit: x.unit })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function MovementList({ store, reloadKey }: { store: Store; reloadKey: number }) {
  const { t, lang } = useWords();
  const time = useFormatTime();
  const [page, setPage] = useState(1);
  const moves = useApi(
    (signal) => listMovements({ store: store.id, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [store.id, page, reloadKey],
  );
  return (
    <Card title={t('moves.title')}>
      {moves.loading && !moves.data ? <Loading /> : null}
      {moves.error ? <ErrorNote error={moves.error} onRetry={moves.reload} /> : null}
      {moves.data ? (
        <>
          <DataTable
            columns={[
              t('moves.at'),
              t('moves.kind'),
              t('moves.item'),
              t('moves.quantity'),
              t('moves.stores'),
              t('moves.reason'),
              t('moves.actor'),
            ]}
            testId="movements"
            empty={moves.data.movements.length === 0 ? t('moves.none') : null}
          >
            {moves.data.movements.map((m) => (
              <tr key={m.id} data-kind={m.kind}>
                <td className="nowrap">{time(m.at)}</td>
                <td>
                  <span className={`badge kind-${m.kind}`}>{t(`kind.${m.kind}`)}</span>
                </td>
                <td>{m.itemName}</td>
                <td className="num">
                  {amount(m.quantity, lang)} {m.unit}
                </td>
                <td>
                  {m.toStore ? t('moves.into', { from: m.store.name, to: m.toStore.name }) : m.store.name}
                </td>
                <td>{m.reason ?? t('none')}</td>
                <td>{m.actor.name}</td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={page}
            hasNext={page * PAGE < moves.data.total}
            onPage={setPage}
            total={moves.data.total}
          />
        </>
      ) : null}
    </Card>
  );
}

export function StockPage() {
  const { t } = useWords();
  const may = useMay();
  const stores = useApi((signal) => listStores(undefined, signal), []);
  const items = useApi((signal) => listItems(signal), []);
  const [chosen, setChosen] = useState('');
  const [moved, setMoved] = useState(0);
  const store = stores.data?.find((s) => s.id === chosen) ?? stores.data?.[0];
  const lots = useApi(
    (signal) => (store ? listStock({ store: store.id }, signal) : Promise.resolve([] as Lot[])),
    [store?.id, moved],
  );
  return (
    <div className="page supplies">
      <h1>{t('stock.title')}</h1>
      <p className="muted">{t('stock.lead')}</p>
      <Card title={t('stores.title')}>
        {stores.loading && !stores.data ? <Loading /> : null}
        {stores.error ? <ErrorNote error={stores.error} onRetry={stores.reload} /> : null}
        {stores.data && stores.data.length === 0 ? <p className="muted">{t('stores.none')}</p> : null}
        {stores.data && store ? (
          <Field label={t('stores.choose')}>
            {(id) => (
              <select
                id={id}
                value={store.id}
                onChange={(e) => setChosen(e.target.value)}
                data-testid="store"
              >
                {stores.data!.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.placeName}·{s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {may('createSupplyStore') ? (
          <NewStore
            onCreated={(s) => {
              setChosen(s.id);
              stores.reload();
            }}
          />
        ) : null}
      </Card>
      {store ? (
        <>
          <Card title={t('lots.title', { store: `${store.placeName}·${store.name}` })}>
            {lots.error ? <ErrorNote error={lots.error} onRetry={lots.reload} /> : null}
            {lots.data ? <LotsTable store={store} lots={lots.data} /> : <Loading />}
          </Card>
          {may('receiveStock') && items.data && stores.data ? (
            <Card title={t('move.title')}>
              <MovementForms
                store={store}
                stores={stores.data}
                items={items.data}
                lots={lots.data ?? []}
                onMoved={() => setMoved((n) => n + 1)}
              />
            </Card>
          ) : null}
          {may('listMovements') ? <MovementList store={store} reloadKey={moved} /> : null}
        </>
      ) : null}
    </div>
  );
}
