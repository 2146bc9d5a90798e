/**
 * A place's self-assessments (`/resilience/assessments/:path`), newest first: each with its bank,
 * date, state, reviewer and review note, opened to its answers and their evidence.
 */
import { ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AssessmentRadar } from './AssessmentRadar.js';
import {
  AnswerList,
  AssessmentStateBadge,
  assessmentQueueHref,
  BankName,
  bankOf,
  newAssessmentHref,
  useAssessmentWords,
  useMay,
} from './AssessmentShared.js';
import {
  type Assessment,
  type Bank,
  getSelfAssessment,
  listQuestionBanks,
  scoresOf,
} from './assessment-api.js';
import './assessment.css';

export function AssessmentHistory() {
  const { path = '' } = useParams();
  const { t, place } = useAssessmentWords();
  const may = useMay();
  const found = useApi((signal) => getSelfAssessment(path, signal), [path]);
  const banks = useApi((signal) => listQuestionBanks(signal), []);
  const [open, setOpen] = useState<string | null>(null);
  if (found.error) return <ErrorNote error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading />;
  const name = place(found.data.place);
  // The API answers newest first.
  const history = found.data.history;
  return (
    <div className="page assessment">
      <p>
        <Link to={assessmentQueueHref()}>{t('history.toQueue')}</Link>
      </p>
      <h1>{t('history.title', { place: name })}</h1>
      <p className="muted">{t('history.lead')}</p>
      {may('submitSelfAssessment') ? (
        <p>
          <Link to={newAssessmentHref(path)} className="button primary" data-testid="assessment-new">
            {t('panel.new')}
          </Link>
        </p>
      ) : null}
      {history.length === 0 ? (
        <p className="muted" data-testid="assessment-history-empty">
          {t('panel.none')}
        </p>
      ) : (
        <ol className="assessment-history" data-testid="assessment-history">
          {history.map((a) => (
            <HistoryEntry
              key={a.id}
              assessment={a}
              bank={bankOf(banks.data?.banks, a)}
              open={open === a.id}
              onToggle={() => setOpen(open === a.id ? null : a.id)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function HistoryEntry({
  assessment: a,
  bank,
  open,
  onToggle,
}: {
  assessment: Assessment;
  bank: Bank | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useAssessmentWords();
  const time = useFormatTime();
  const body = `assessment-${a.id}`;
  return (
    <li className="card assessment-entry" data-assessment={a.id} data-state={a.state}>
      <button
        type="button"
        className="entry-head"
        aria-expanded={open}
        aria-controls={body}
        onClick={onToggle}
      >
        <span className="nowrap">{time(a.submittedAt)}</span>
        <BankName assessment={a} />
        <AssessmentStateBadge state={a.state} />
        <span className="muted small">
          {t('history.by', { name: a.submittedBy?.name ?? t('none') })} ·{' '}
          {t('history.reviewer', { name: a.reviewedBy?.name ?? a.reviewer?.name ?? t('panel.anyReviewer') })}
        </span>
      </button>
      {a.reviewNote ? (
        <p className="review-note" data-testid="review-note">
          <span className="muted small">
            {t('history.note')}
            {a.reviewedAt ? ` · ${time(a.reviewedAt)}` : ''}
          </span>{' '}
          {a.reviewNote}
        </p>
      ) : null}
      {open ? (
        <div id={body} className="entry-body stack">
          <AssessmentRadar assessed={scoresOf(a.summary)} height={240} />
          <AnswerList assessment={a} bank={bank} />
        </div>
      ) : null}
    </li>
  );
}
