/**
 * 移交外市: hands a companion, case, close contact or resident to the peer city they live in — the
 * kind, the peer, what the kind names (a companion; a case; a case and a person; a person), the
 * home place there and the reason. The hand-offs page shows it; HandoffButton opens it prefilled.
 */
import { useAction } from '@renxing/ui/actions';
import { ErrorNote, Field } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  HANDOFF_KINDS,
  type Handoff,
  type HandoffKind,
  listPeers,
  type NewHandoff,
  sendHandoff,
} from './api.js';
import { useWords } from './dictionary.js';
import { PEERS_HREF } from './paths.js';

export interface HandoffDraft {
  kind: HandoffKind;
  peer: string;
  caseId: string;
  companionId: string;
  personId: string;
  homePlace: string;
  reason: string;
  purpose: string;
}

/** What a prefilled form starts from. */
export interface HandoffPrefill {
  kind?: HandoffKind;
  caseId?: string;
  companionId?: number;
  personId?: string;
  homePlace?: string;
}

const needs = (kind: HandoffKind) => ({
  caseId: kind === 'case' || kind === 'contact',
  companionId: kind === 'companion',
  personId: kind === 'contact' || kind === 'resident',
});

/** The request the draft makes: only the ids its kind names. */
export function requestOf(d: HandoffDraft): NewHandoff {
  const need = needs(d.kind);
  return {
    peer: d.peer,
    kind: d.kind,
    ...(need.caseId ? { caseId: d.caseId.trim() } : {}),
    ...(need.companionId ? { companionId: Number(d.companionId) } : {}),
    ...(need.personId ? { personId: d.personId.trim() } : {}),
    homePlace: d.homePlace.trim(),
    reason: d.reason.trim(),
    ...(d.purpose.trim() ? { purpose: d.purpose.trim() } : {}),
  };
}

export function SendForm({ prefill, onSent }: { prefill?: HandoffPrefill; onSent: (h: Handoff) => void }) {
  const { t } = useWords();
  const peers = useApi((signal) => listPeers(signal), []);
  const action = useAction();
  const listId = useId();
  const [draft, setDraft] = useState<HandoffDraft>({
    kind: prefill?.kind ?? 'companion',
    peer: '',
    caseId: prefill?.caseId ?? '',
    companionId: prefill?.companionId === undefined ? '' : String(prefill.companionId),
    personId: prefill?.personId ?? '',
    homePlace: prefill?.homePlace ?? '',
    reason: '',
    purpose: '',
  });
  const set = (patch: Partial<HandoffDraft>) => setDraft({ ...draft, ...patch });
  const need = needs(draft.kind);
  const peer = peers.data?.find((p) => p.code === draft.peer) ?? peers.data?.[0];
  const chosen = draft.peer || peer?.code || '';

  const submit = action.submit(async () => {
    onSent(await sendHandoff(requestOf({ ...draft, peer: chosen })));
  });

  return (
    <form className="stack handoff-form" onSubmit={submit} aria-label={t('send.title')}>
      <p className="muted small">{t('send.lead')}</p>
      {peers.error ? <ErrorNote error={peers.error} onRetry={peers.reload} /> : null}
      {peers.data?.length === 0 ? (
        <p className="muted">
          {t('send.noPeers')} <Link to={PEERS_HREF}>{t('list.peers')}</Link>
        </p>
      ) : null}
      <div className="form-grid">
        <Field label={t('send.kind')}>
          {(id) => (
            <select id={id} value={draft.kind} onChange={(e) => set({ kind: e.target.value as HandoffKind })}>
              {HANDOFF_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('send.peer')}>
          {(id) => (
            <select id={id} required value={chosen} onChange={(e) => set({ peer: e.target.value })}>
              {(peers.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}（{p.code}）
                </option>
              ))}
            </select>
          )}
        </Field>
        {need.companionId ? (
          <Field label={t('send.companionId')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                step={1}
                required
                value={draft.companionId}
                onChange={(e) => set({ companionId: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        {need.caseId ? (
          <Field label={t('send.caseId')}>
            {(id) => (
              <input
                id={id}
                required
                value={draft.caseId}
                onChange={(e) => set({ caseId: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        {need.personId ? (
          <Field label={t('send.personId')}>
            {(id) => (
              <input
                id={id}
                required
                value={draft.personId}
                onChange={(e) => set({ personId: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        <Field
          label={t('send.homePlace')}
          hint={peer ? t('send.homePlaceHint', { places: peer.places.join('、') }) : undefined}
        >
          {(id) => (
            <>
              <input
                id={id}
                required
                list={listId}
                value={draft.homePlace}
                onChange={(e) => set({ homePlace: e.target.value })}
              />
              <datalist id={listId}>
                {(peer?.places ?? []).map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <Field label={t('send.reason')}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            required
            maxLength={500}
            value={draft.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('send.purpose')} hint={t('send.purposeHint')}>
        {(id) => (
          <input
            id={id}
            maxLength={200}
            required={peer?.kind === 'department'}
            value={draft.purpose}
            onChange={(e) => set({ purpose: e.target.value })}
          />
        )}
      </Field>
      {action.error ? <ErrorNote error={action.error} /> : null}
      <div>
        <button type="submit" className="primary" disabled={action.busy || !chosen}>
          {action.busy ? t('busy') : t('send.submit')}
        </button>
      </div>
    </form>
  );
}
