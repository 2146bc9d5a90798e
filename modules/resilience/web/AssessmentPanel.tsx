/**
 * The community page's self-assessment panel: the place's latest self-assessment (bank, date,
 * state, reviewer) and its radar over the computed index's, with the ways to answer a new one
 * and to its history.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { AssessmentRadar } from './AssessmentRadar.js';
import {
  AssessmentStateBadge,
  assessmentHistoryHref,
  BankName,
  newAssessmentHref,
  useAssessmentWords,
  useMay,
} from './AssessmentShared.js';
import { getSelfAssessment, type Scores, scoresOf } from './assessment-api.js';
import './assessment.css';

export function AssessmentPanel({
  path,
  computed,
}: {
  /** The place's path. */
  path: string;
  /** The computed index's mechanism and trait scores, 0–1 (null: not computed). */
  computed: Scores | null;
}) {
  const { t } = useAssessmentWords();
  const may = useMay();
  const time = useFormatTime();
  const found = useApi((signal) => getSelfAssessment(path, signal), [path]);
  const latest = found.data?.latest ?? null;
  return (
    <Card
      title={t('panel.title')}
      className="assessment-panel"
      actions={
        <span className="row">
          {may('submitSelfAssessment') ? (
            <Link to={newAssessmentHref(path)} data-testid="assessment-new">
              {t('panel.new')}
            </Link>
          ) : null}
          <Link to={assessmentHistoryHref(path)} data-testid="assessment-history-link">
            {t('panel.history', { n: found.data?.history.length ?? 0 })}
          </Link>
        </span>
      }
    >
      {found.error ? (
        <ErrorNote error={found.error} onRetry={found.reload} />
      ) : !found.data ? (
        <Loading />
      ) : (
        <div
          className="assessment-panel-body"
          data-testid="assessment-panel"
          data-state={latest?.state ?? ''}
        >
          {latest ? (
            <dl className="facts">
              <dt>{t('panel.bank')}</dt>
              <dd>
                <BankName assessment={latest} />
              </dd>
              <dt>{t('panel.date')}</dt>
              <dd>{time(latest.submittedAt)}</dd>
              <dt>{t('panel.state')}</dt>
              <dd>
                <AssessmentStateBadge state={latest.state} />
              </dd>
              <dt>{t('panel.reviewer')}</dt>
              <dd>
                {latest.reviewedBy?.name ?? latest.reviewer?.name ?? t('panel.anyReviewer')}
                {latest.reviewedAt ? <span className="muted small"> · {time(latest.reviewedAt)}</span> : null}
              </dd>
              {latest.reviewNote ? (
                <>
                  <dt>{t('panel.note')}</dt>
                  <dd>{latest.reviewNote}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p className="muted">{t('panel.none')}</p>
          )}
          <AssessmentRadar assessed={latest ? scoresOf(latest.summary) : null} computed={computed} />
        </div>
      )}
    </Card>
  );
}
