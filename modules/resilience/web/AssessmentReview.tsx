/** Reviewing a submitted self-assessment: approve it, or return it with a note saying what to fix. */
import { ErrorNote, Field } from '@renxing/ui/controls';
import { useState } from 'react';
import { useAction, useAssessmentWords } from './AssessmentShared.js';
import { type AssessmentHead, reviewSelfAssessment } from './assessment-api.js';

export function AssessmentReview({ assessment, onDone }: { assessment: AssessmentHead; onDone: () => void }) {
  const { t, place } = useAssessmentWords();
  const [note, setNote] = useState('');
  const action = useAction();
  const decide = (decision: 'approve' | 'return') =>
    action.run(async () => {
      await reviewSelfAssessment(assessment.id, { decision, note: note.trim() || null });
      setNote('');
      onDone();
    });
  return (
    <form
      className="stack assessment-review"
      aria-label={t('review.named', { place: place(assessment.place) })}
      onSubmit={(e) => {
        e.preventDefault();
        void decide('approve');
      }}
    >
      <Field label={t('review.note')} hint={t('review.noteHint')}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="review-note-input"
          />
        )}
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={action.busy} data-testid="review-approve">
          {action.busy ? t('busy') : t('review.approve')}
        </button>
        <button
          type="button"
          disabled={action.busy || note.trim() === ''}
          title={note.trim() === '' ? t('review.returnNeedsNote') : undefined}
          onClick={() => void decide('return')}
          data-testid="review-return"
        >
          {t('review.return')}
        </button>
      </div>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </form>
  );
}
