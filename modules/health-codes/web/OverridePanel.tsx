/**
 * The two-person override: one authorised user requests a colour with a written reason; a second,
 * different one approves or rejects it with theirs. The API refuses the requester's own decision.
 */

import type { Colour, HealthCode, OverrideRequest } from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ColourBadge, ErrorNote, Field, useFormatTime } from '@renxing/ui/controls';
import { decideOverride, requestOverride } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useUser } from '@renxing/ui/session';
import { type FormEvent, useState } from 'react';

export function DecideOverride({ request, onDecided }: { request: OverrideRequest; onDecided: () => void }) {
  const t = useT();
  const time = useFormatTime();
  const user = useUser();
  const who = request.requestedBy === user.id ? t('person.you') : request.requestedBy.slice(0, 8);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      await decideOverride(request.id, approve, reason.trim());
      onDecided();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="decide stack"
      aria-label={`${t('overrides.to')} ${t(`colour.${request.to}`)}`}
      onSubmit={(e) => {
        e.preventDefault();
        decide(true);
      }}
    >
      <div className="row">
        <span>
          {t('overrides.to')} <ColourBadge colour={request.to} />
        </span>
        <span className="muted">{t('person.requestedBy', { who, time: time(request.requestedAt) })}</span>
      </div>
      <p className="quote">{request.reason}</p>
      <div className="row">
        <Field label={t('person.approveReason')}>
          {(id) => <input id={id} required value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={busy || !reason.trim()}>
          {t('person.approve')}
        </button>
        <button type="button" disabled={busy || !reason.trim()} onClick={() => decide(false)}>
          {t('person.reject')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

export function OverridePanel({
  personId,
  code,
  onChanged,
}: {
  personId: string;
  code: HealthCode;
  onChanged: () => void;
}) {
  const t = useT();
  const [to, setTo] = useState<Colour>(code.colour === 'green' ? 'yellow' : 'green');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = code.pendingOverrides ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await requestOverride(personId, { to, reason: reason.trim() });
      setReason('');
      setNotice(t('person.overrideRequested'));
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <Card title={t('person.override')}>
      <div className="grid-2">
        <form className="stack" onSubmit={submit} aria-label={t('person.overrideRequest')}>
          <Field label={t('person.overrideTo')}>
            {(id) => (
              <select id={id} value={to} onChange={(e) => setTo(e.target.value as Colour)}>
                {(['green', 'yellow', 'red'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`colour.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('person.overrideReason')}>
            {(id) => (
              <textarea
                id={id}
                required
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div>
            <button type="submit" className="primary" disabled={!reason.trim()}>
              {t('person.overrideRequest')}
            </button>
          </div>
          {notice ? (
            <p className="ok" role="status">
              {notice}
            </p>
          ) : null}
          {error ? <ErrorNote error={error} /> : null}
        </form>
        <div className="stack" data-testid="pending-overrides">
          <h3>{t('person.pending')}</h3>
          {pending.length === 0 ? <p className="muted">{t('person.noPending')}</p> : null}
          {pending.map((r) => (
            <DecideOverride key={r.id} request={r} onDecided={onChanged} />
          ))}
        </div>
      </div>
    </Card>
  );
}
