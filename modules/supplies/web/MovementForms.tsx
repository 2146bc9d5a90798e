/**
 * A store's movements as forms: receive (a lot, its expiry from the date given or the item's shelf
 * life), issue, transfer into another store, adjust after a count (the reason written), and write
 * off what has expired. A refusal (stock would go below zero) shows the server's message, which
 * names the item, the store and what is available.
 */
import { ErrorNote, Field } from '@renxing/ui/controls';
import { type ReactNode, useState } from 'react';
import {
  adjustStock,
  expireStock,
  issueStock,
  type Lot,
  MOVEMENT_KINDS,
  type MovementKind,
  receiveStock,
  type Store,
  type SupplyItem,
  transferStock,
} from './api.js';
import { useWords } from './dictionary.js';
import { amount, cityDate, expiryInstant, useAction } from './shared.js';

interface Props {
  store: Store;
  stores: readonly Store[];
  items: readonly SupplyItem[];
  lots: readonly Lot[];
  onMoved: () => void;
}

function Select({
  label,
  value,
  onValue,
  children,
  required = true,
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  children: ReactNode;
  required?: boolean;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} required={required} value={value} onChange={(e) => onValue(e.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}

function Input({
  label,
  hint,
  value,
  onValue,
  type = 'text',
  required = false,
  min,
}: {
  label: string;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  type?: string;
  required?: boolean;
  min?: number;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type={type}
          required={required}
          min={min}
          step={type === 'number' ? 1 : undefined}
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </Field>
  );
}

export function MovementForms({ store, stores, items, lots, onMoved }: Props) {
  const { t, lang } = useWords();
  const [kind, setKind] = useState<MovementKind>('receive');
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState('');
  const [expires, setExpires] = useState('');
  const [never, setNever] = useState(false);
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const [lot, setLot] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const chosen = items.find((i) => i.code === item);
  const unit = chosen?.unit ?? '';
  const others = stores.filter((s) => s.id !== store.id);
  const lotsOfItem = lots.filter((l) => l.item === item);

  const reset = (message: string) => {
    setQuantity('');
    setReason('');
    setLot('');
    setDone(message);
    onMoved();
  };
  const moved = (q: number) =>
    t('move.done', { kind: t(`kind.${kind}`), item: chosen?.name ?? item, quantity: amount(q, lang), unit });

  const submit = action.submit(async () => {
    setDone(null);
    const q = Number(quantity);
    const note = reason.trim() || undefined;
    if (kind === 'receive') {
      await receiveStock({
        store: store.id,
        item,
        quantity: q,
        expiresAt: never ? null : expires ? expiryInstant(expires) : undefined,
        reason: note,
      });
      reset(moved(q));
    } else if (kind === 'issue') {
      await issueStock({ store: store.id, item, quantity: q, reason: note });
      reset(moved(q));
    } else if (kind === 'transfer') {
      await transferStock({ from: store.id, to, item, quantity: q, reason: note });
      reset(moved(q));
    } else if (kind === 'adjust') {
      await adjustStock({
        store: store.id,
        item,
        delta: q,
        reason: reason.trim(),
        lot: lot || undefined,
        expiresAt: q > 0 && !lot ? (never ? null : expires ? expiryInstant(expires) : undefined) : undefined,
      });
      reset(moved(q));
    } else {
      const written = await expireStock({ store: store.id });
      reset(written.length > 0 ? t('move.expired', { n: written.length }) : t('move.nothingExpired'));
    }
  });

  const itemSelect = (
    <Select label={t('move.item')} value={item} onValue={setItem}>
      <option value="">{t('none')}</option>
      {items.map((i) => (
        <option key={i.code} value={i.code}>
          {i.name}（{i.code}，{i.unit}）
        </option>
      ))}
    </Select>
  );
  const expiry = (
    <>
      <Input
        label={t('move.expires')}
        hint={t('move.expiresHint')}
        type="date"
        value={never ? '' : expires}
        onValue={setExpires}
      />
      <label className="check">
        <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} />{' '}
        {t('move.never')}
      </label>
    </>
  );

  return (
    <div className="stack" data-testid="movement-forms">
      <fieldset className="kinds">
        <legend className="sr-only">{t('move.forms')}</legend>
        {MOVEMENT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            className={kind === k ? 'primary' : ''}
            onClick={() => {
              setKind(k);
              setDone(null);
            }}
          >
            {t(`kind.${k}`)}
          </button>
        ))}
      </fieldset>
      <form className="form-grid" onSubmit={submit} aria-label={t(`kind.${kind}`)} data-kind={kind}>
        {kind === 'expire' ? (
          <p className="muted small">{t('move.expireLead')}</p>
        ) : (
          <>
            {itemSelect}
            {kind === 'transfer' ? (
              <Select label={t('move.to')} value={to} onValue={setTo}>
                <option value="">{t('none')}</option>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.placeName}·{s.name}
                  </option>
                ))}
              </Select>
            ) : null}
            {kind === 'adjust' ? (
              <Select label={t('move.lot')} value={lot} onValue={setLot} required={false}>
                <option value="">{t('move.anyLot')}</option>
                {lotsOfItem.map((l) => (
                  <option key={l.lotId} value={l.lotId}>
                    {t('move.lotOf', {
                      expires: l.expiresAt ? cityDate(l.expiresAt) : t('status.never'),
                      quantity: amount(l.quantity, lang),
                      unit: l.unit,
                    })}
                  </option>
                ))}
              </Select>
            ) : null}
            <Input
              label={
                kind === 'adjust' ? t('move.delta') : `${t('move.quantity')}${unit ? `（${unit}）` : ''}`
              }
              type="number"
              required
              min={kind === 'adjust' ? undefined : 1}
              value={quantity}
              onValue={setQuantity}
            />
            {kind === 'receive' || (kind === 'adjust' && !lot && Number(quantity) > 0) ? expiry : null}
            <Input
              label={
                kind === 'receive'
                  ? t('move.reasonReceive')
                  : kind === 'issue'
                    ? t('move.reasonIssue')
                    : kind === 'adjust'
                      ? t('move.reasonAdjust')
                      : t('move.reason')
              }
              required={kind === 'adjust'}
              value={reason}
              onValue={setReason}
            />
          </>
        )}
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('move.submit', { kind: t(`kind.${kind}`) })}
          </button>
        </div>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {done ? (
        <p className="ok" role="status" data-testid="movement-done">
          {done}
        </p>
      ) : null}
    </div>
  );
}
