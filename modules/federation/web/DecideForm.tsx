/** Accepting (a note optional) or rejecting (a reason required) a hand-off received from a peer city. */
import { useAction } from '@renxing/ui/actions';
import { ApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { useState } from 'react';
import { acceptHandoff, type Handoff, rejectHandoff } from './api.js';
import { useWords } from './dictionary.js';

export function DecideForm({ handoffId, onDecided }: { handoffId: string; onDecided: (h: Handoff) => void }) {
  const { t } = useWords();
  const action = useAction();
  const [note, setNote] = useState('');
  const accept = () => action.run(async () => onDecided(await acceptHandoff(handoffId, note.trim())));
  const reject = () => {
    if (note.trim() === '') {
      action.setError(new ApiError(0, 'RX_VALIDATION', t('decide.reasonRequired'), 'reason'));
      return;
    }
    void action.run(async () => onDecided(await rejectHandoff(handoffId, note.trim())));
  };
  return (
    <Card title={t('decide.title')} className="handoff-decide">
      <form className="stack" onSubmit={(e) => e.preventDefault()} aria-label={t('decide.title')}>
        <p className="muted small">{t('decide.lead')}</p>
        <Field label={t('decide.note')}>
          {(id) => (
            <textarea
              id={id}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        {action.error ? <ErrorNote error={action.error} /> : null}
        <div className="row">
          <button type="button" className="primary" disabled={action.busy} onClick={() => void accept()}>
            {action.busy ? t('busy') : t('decide.accept')}
          </button>
          <button type="button" className="danger" disabled={action.busy} onClick={reject}>
            {t('decide.reject')}
          </button>
        </div>
      </form>
    </Card>
  );
}
