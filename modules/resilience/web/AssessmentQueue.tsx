/**
 * The reviewers' queue (`/resilience/assessments`): self-assessments submitted within the caller's
 * place, oldest first, each opened to its answers and evidence and approved or returned with a
 * note; the approved and returned ones a tab away.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AssessmentReview } from './AssessmentReview.js';
import {
  AnswerList,
  AssessmentStateBadge,
  assessmentHistoryHref,
  BankName,
  bankOf,
  useAssessmentWords,
} from './AssessmentShared.js';
import {
  ASSESSMENT_STATES,
  type AssessmentHead,
  type AssessmentState,
  type Bank,
  getSelfAssessment,
  listQuestionBanks,
  listSelfAssessments,
} from './assessment-api.js';
import './assessment.css';

/** How many the queue shows at most (the API's largest page). */
const LIMIT = 500;

export function AssessmentQueue() {
  const { t, place } = useAssessmentWords();
  const time = useFormatTime();
  const [params, setParams] = useSearchParams();
  const asked = params.get('state');
  const state: AssessmentState = (ASSESSMENT_STATES as readonly string[]).includes(asked ?? '')
    ? (asked as AssessmentState)
    : 'submitted';
  const list = useApi((signal) => listSelfAssessments({ state, limit: LIMIT }, signal), [state]);
  const banks = useApi((signal) => listQuestionBanks(signal), []);
  const [open, setOpen] = useState<string | null>(null);
  // Awaiting review: the oldest first (the API answers newest first).
  const rows =
    state === 'submitted' ? [...(list.data?.assessments ?? [])].reverse() : (list.data?.assessments ?? []);
  const mine = rows.filter((a) => a.canReview).length;
  const columns = [
    t('queue.place'),
    t('queue.bank'),
    t('queue.submittedAt'),
    t('queue.by'),
    t('queue.reviewer'),
    t('queue.state'),
    t('queue.actions'),
  ];
  return (
    <div className="page assessment">
      <h1>{t('queue.title')}</h1>
      <p className="muted">{t('queue.lead')}</p>
      <nav className="assessment-tabs" aria-label={t('queue.state')}>
        {ASSESSMENT_STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`tab ${s === state ? 'active' : ''}`}
            aria-pressed={s === state}
            onClick={() => {
              setOpen(null);
              setParams(s === 'submitted' ? {} : { state: s }, { replace: true });
            }}
          >
            {t(`queue.tab.${s}`)}
          </button>
        ))}
      </nav>
      <Card
        title={t(`queue.tab.${state}`)}
        actions={
          state === 'submitted' && list.data ? (
            <span className="muted small" data-testid="assessment-mine" data-count={mine}>
              {t('queue.mine', { n: mine })}
            </span>
          ) : null
        }
      >
        {list.error ? (
          <ErrorNote error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : (
          <>
            <DataTable
              columns={columns}
              testId="assessment-queue"
              empty={rows.length === 0 ? t(`queue.empty.${state}`) : null}
            >
              {rows.map((a) => {
                const isOpen = open === a.id;
                return (
                  <Fragment key={a.id}>
                    <tr data-assessment={a.id} data-state={a.state} data-can-review={a.canReview}>
                      <td>
                        <Link to={assessmentHistoryHref(a.place.path)}>{place(a.place)}</Link>
                      </td>
                      <td>
                        <BankName assessment={a} />
                      </td>
                      <td className="nowrap">{time(a.submittedAt)}</td>
                      <td>{a.submittedBy?.name ?? t('none')}</td>
                      <td>{a.reviewedBy?.name ?? a.reviewer?.name ?? t('panel.anyReviewer')}</td>
                      <td>
                        <AssessmentStateBadge state={a.state} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          aria-expanded={isOpen}
                          onClick={() => setOpen(isOpen ? null : a.id)}
                        >
                          {t(isOpen ? 'queue.close' : a.canReview ? 'queue.review' : 'queue.open')}
                        </button>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="assessment-open">
                        <td colSpan={columns.length}>
                          <OpenAssessment
                            head={a}
                            bank={bankOf(banks.data?.banks, a)}
                            onReviewed={() => {
                              setOpen(null);
                              list.reload();
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </DataTable>
            {list.data.total > rows.length ? (
              <p className="muted small">{t('queue.more', { shown: rows.length, total: list.data.total })}</p>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

/** One assessment of the queue opened: its answers and evidence (the list carries none), and its review. */
function OpenAssessment({
  head,
  bank,
  onReviewed,
}: {
  head: AssessmentHead;
  bank: Bank | undefined;
  onReviewed: () => void;
}) {
  const { t } = useAssessmentWords();
  const found = useApi((signal) => getSelfAssessment(head.place.path, signal), [head.place.path]);
  const full = found.data?.history.find((a) => a.id === head.id);
  return (
    <div className="stack" data-testid="assessment-open" data-assessment={head.id}>
      {head.reviewNote ? (
        <p className="review-note">
          <span className="muted small">{t('history.note')}</span> {head.reviewNote}
        </p>
      ) : null}
      {found.error ? (
        <ErrorNote error={found.error} onRetry={found.reload} />
      ) : !found.data ? (
        <Loading />
      ) : full ? (
        <AnswerList assessment={full} bank={bank} />
      ) : (
        <p className="muted">{t('queue.gone')}</p>
      )}
      {head.canReview && head.state === 'submitted' ? (
        <AssessmentReview assessment={head} onDone={onReviewed} />
      ) : null}
    </div>
  );
}
