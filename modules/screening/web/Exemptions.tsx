/**
 * A person's exemption from a round: set from the untested list (bedridden, away, infant, other
 * with a note), cleared from the exempted list or undone at once from the note that confirms it.
 */
import { useState } from 'react';
import { EXEMPT_REASONS, type ExemptReason, setExemption, type UntestedPerson } from './api.js';
import { useWords } from './dictionary.js';
import { type Action, useAction } from './fields.js';

/** The last change: a reason set on a person, or their exemption cleared ('none'). */
export interface Exemption {
  person: UntestedPerson;
  reason: ExemptReason | 'none';
}

export interface Exemptions {
  action: Action;
  done: Exemption | null;
  /** Sets `reason` (with its note) on a person, or clears their exemption with 'none'. */
  change: (person: UntestedPerson, reason: ExemptReason | 'none', note?: string) => Promise<void>;
}

export function useExemptions(roundId: string, onChanged: () => void): Exemptions {
  const action = useAction();
  const [done, setDone] = useState<Exemption | null>(null);
  const change = (person: UntestedPerson, reason: ExemptReason | 'none', note?: string) =>
    action.run(async () => {
      setDone(null);
      await setExemption(roundId, person.personId, {
        reason,
        note: reason === 'none' ? undefined : note?.trim() || undefined,
      });
      setDone({ person, reason });
      onChanged();
    });
  return { action, done, change };
}

/** The reason and note to exempt an untested person. */
export function ExemptForm({ person, exemptions }: { person: UntestedPerson; exemptions: Exemptions }) {
  const { t } = useWords();
  const [reason, setReason] = useState<ExemptReason | ''>('');
  const [note, setNote] = useState('');
  return (
    <form
      className="exempt"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) void exemptions.change(person, reason, note);
      }}
    >
      <select
        aria-label={t('untested.reason', { name: person.name })}
        value={reason}
        onChange={(e) => setReason(e.target.value as ExemptReason | '')}
      >
        <option value="">—</option>
        {EXEMPT_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`reason.${r}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t('untested.note', { name: person.name })}
        value={note}
        maxLength={1000}
        required={reason === 'other'}
        title={reason === 'other' ? t('untested.noteRequired') : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" disabled={exemptions.action.busy || !reason}>
        {t('untested.exemptButton')}
      </button>
    </form>
  );
}

/** Clears an exempted person's exemption: they are expected again. */
export function ClearExemption({ person, exemptions }: { person: UntestedPerson; exemptions: Exemptions }) {
  const { t } = useWords();
  return (
    <button
      type="button"
      disabled={exemptions.action.busy}
      aria-label={t('untested.clearLabel', { name: person.name })}
      onClick={() => void exemptions.change(person, 'none')}
    >
      {t('untested.clear')}
    </button>
  );
}

/** What the last change did, with a way to undo a reason just set. */
export function ExemptionDone({ exemptions }: { exemptions: Exemptions }) {
  const { t } = useWords();
  const { done } = exemptions;
  if (!done) return null;
  return (
    <p className="accepted" role="status" data-testid="exemption-done" data-reason={done.reason}>
      {done.reason === 'none'
        ? t('untested.cleared', { name: done.person.name })
        : t('untested.exempted', { name: done.person.name, reason: t(`reason.${done.reason}`) })}{' '}
      {done.reason !== 'none' ? (
        <button type="button" className="link" onClick={() => void exemptions.change(done.person, 'none')}>
          {t('untested.undo')}
        </button>
      ) : null}
    </p>
  );
}
