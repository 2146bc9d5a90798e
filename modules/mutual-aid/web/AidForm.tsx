/**
 * The form of a request for help, shared by the board (staff, for a resident they name) and the
 * resident's phone: need, urgency, window, notes. As it is filled, the duplicate check asks the
 * API whether a live request with the same requester, need and an overlapping window exists, and
 * says so before it is sent; sent anyway, the API answers with the existing one.
 */
import { isoToLocal, localToIso } from '@renxing/ui/city-time';
import { ErrorNote, Field } from '@renxing/ui/controls';
import { useEffect, useState } from 'react';
import {
  type AidRequest,
  type Created,
  createAidRequest,
  findAidDuplicate,
  NEEDS,
  type Need,
  URGENCIES,
  type Urgency,
} from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useNeedName, useWindow } from './shared.js';

const HOUR = 3_600_000;
/** How long the form waits after a change before asking for duplicates, ms. */
const SETTLE_MS = 300;

export interface AidFormProps {
  /** The person helped (staff); omitted for a resident (themself). */
  personId?: string;
  /** Big controls for a phone. */
  big?: boolean;
  onCreated: (result: Created) => void;
}

/** The live duplicate of what the form says so far, or null (asked again as it changes). */
function useDuplicate(q: { personId?: string; need: Need | ''; from?: string; to?: string }, ask: boolean) {
  const [duplicate, setDuplicate] = useState<AidRequest | null>(null);
  useEffect(() => {
    setDuplicate(null);
    if (!ask || !q.need || !q.from || !q.to || q.from >= q.to) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (!q.need) return;
      findAidDuplicate(
        { ...(q.personId ? { personId: q.personId } : {}), need: q.need, from: q.from!, to: q.to! },
        controller.signal,
      ).then(
        (r) => {
          if (!controller.signal.aborted) setDuplicate(r.duplicate);
        },
        () => {},
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q.personId, q.need, q.from, q.to, ask]);
  return duplicate;
}

export function AidForm({ personId, big, onCreated }: AidFormProps) {
  const { t } = useWords();
  const needName = useNeedName();
  const window = useWindow();
  const start = Math.ceil(Date.now() / HOUR) * HOUR;
  const [need, setNeed] = useState<Need | ''>('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [from, setFrom] = useState(isoToLocal(new Date(start).toISOString()));
  const [to, setTo] = useState(isoToLocal(new Date(start + 4 * HOUR).toISOString()));
  const [notes, setNotes] = useState('');
  const action = useAction();
  const fromIso = localToIso(from);
  const toIso = localToIso(to);
  const ordered = fromIso !== undefined && toIso !== undefined && fromIso < toIso;
  const staff = personId !== undefined;
  const duplicate = useDuplicate({ personId, need, from: fromIso, to: toIso }, true);
  const prefix = big ? 'help' : 'create';

  const submit = action.submit(async () => {
    if (!need || !fromIso || !toIso) return;
    const result = await createAidRequest({
      ...(personId ? { personId } : {}),
      need,
      urgency,
      window: { from: fromIso, to: toIso },
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
    if (result.created) {
      setNeed('');
      setNotes('');
    }
    onCreated(result);
  });

  return (
    <form
      className={`stack aid-form ${big ? 'big' : ''}`}
      onSubmit={submit}
      aria-label={t(`${prefix}.title`)}
    >
      <Field label={t(`${prefix}.need`)}>
        {(id) => (
          <select id={id} required value={need} onChange={(e) => setNeed(e.target.value as Need | '')}>
            <option value="" />
            {NEEDS.map((n) => (
              <option key={n} value={n}>
                {needName(n)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="group urgency">
        <legend>{t(`${prefix}.urgency`)}</legend>
        {URGENCIES.map((u) => (
          <label key={u} className={`choice ${urgency === u ? 'chosen' : ''}`}>
            <input
              type="radio"
              name="urgency"
              value={u}
              checked={urgency === u}
              onChange={() => setUrgency(u)}
            />
            {t(`urgency.${u}`)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field label={t(`${prefix}.from`)}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              required
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t(`${prefix}.to`)}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              required
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
      </div>
      {!ordered && from && to ? (
        <p className="error" role="alert">
          {t('create.windowOrder')}
        </p>
      ) : null}
      <Field label={t(`${prefix}.notes`)}>
        {(id) => (
          <textarea
            id={id}
            maxLength={2000}
            rows={big ? 3 : 2}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </Field>
      {duplicate ? (
        <p className="warning" role="status" data-testid="aid-duplicate" data-request={duplicate.id}>
          {t(staff ? 'create.duplicate' : 'help.duplicate', {
            state: t(`state.${duplicate.state}`),
            window: window(duplicate.from, duplicate.to),
          })}
        </p>
      ) : null}
      <button
        type="submit"
        className={`primary ${big ? 'big-button' : ''}`}
        disabled={action.busy || !need || !ordered}
      >
        {action.busy ? t('busy') : t(`${prefix}.submit`)}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </form>
  );
}
