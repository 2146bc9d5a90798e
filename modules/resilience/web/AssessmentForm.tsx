/**
 * Answering a self-assessment (`/resilience/assessments/:path/new?bank=`): a bank, its sections and
 * questions on the bank's scale, evidence for every score above the minimum (the API checks it
 * too), a reviewer if wanted; how far the answers have got; a refusal shown beside its question.
 */
import { ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { listStaff } from '@renxing/ui/endpoints';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ACCESS } from '../access.js';
import { AssessmentQuestion } from './AssessmentQuestion.js';
import {
  AssessmentStateBadge,
  assessmentHistoryHref,
  useAction,
  useAssessmentWords,
} from './AssessmentShared.js';
import {
  answersOf,
  type Drafts,
  draftsOf,
  latestBanks,
  problems,
  progress,
  questionIds,
  questionOfField,
} from './assessment-answers.js';
import {
  type Assessment,
  type Bank,
  getSelfAssessment,
  listQuestionBanks,
  submitSelfAssessment,
} from './assessment-api.js';
import './assessment.css';

/** Officials who may review (the access table's), placed strictly above the assessed place. */
const REVIEWER_ROLES = new Set<string>(ACCESS.reviewSelfAssessment);
const isAbove = (official: string, place: string) => place.startsWith(`${official}.`);

export function AssessmentForm() {
  const { path = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, say, place } = useAssessmentWords();
  const navigate = useNavigate();
  const banksLoaded = useApi((signal) => listQuestionBanks(signal), []);
  const found = useApi((signal) => getSelfAssessment(path, signal), [path]);
  const staff = useApi((signal) => listStaff({}, signal), []);
  const banks = useMemo(() => latestBanks(banksLoaded.data?.banks ?? []), [banksLoaded.data]);
  const bank: Bank | undefined = banks.find((b) => b.id === params.get('bank')) ?? banks[0];
  const me = useUser();
  // Whom the API takes as reviewer: an official placed strictly above the place, not the submitter.
  const reviewers = (staff.data?.users ?? []).filter(
    (u) => REVIEWER_ROLES.has(u.role) && isAbove(u.placePath, path) && u.id !== me.id,
  );

  if (banksLoaded.error) return <ErrorNote error={banksLoaded.error} onRetry={banksLoaded.reload} />;
  if (!banksLoaded.data) return <Loading />;
  const name = found.data ? place(found.data.place) : path;
  // The place's newest answers to this bank (the API lists them newest first).
  const last = bank
    ? found.data?.history.find((a) => a.bank.id === bank.id && a.bank.version === bank.version)
    : undefined;
  return (
    <div className="page assessment">
      <p>
        <Link to={assessmentHistoryHref(path)}>{t('form.back', { place: name })}</Link>
      </p>
      <h1>{t('form.title', { place: name })}</h1>
      <p className="muted">{t('form.lead')}</p>
      {found.error ? <ErrorNote error={found.error} onRetry={found.reload} /> : null}
      <Field label={t('form.bank')}>
        {(id) => (
          <select
            id={id}
            value={bank?.id ?? ''}
            onChange={(e) => setParams({ bank: e.target.value }, { replace: true })}
            data-testid="assessment-bank"
          >
            {banks.map((b) => (
              <option key={b.id} value={b.id}>
                {`${say(b.title)} · v${b.version}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {bank ? (
        <BankForm
          key={`${bank.id}@${bank.version}`}
          bank={bank}
          path={path}
          last={last}
          reviewers={reviewers.map((u) => ({
            id: u.id,
            name: u.displayName ?? u.username,
            place: u.placePath,
          }))}
          onDone={() => navigate(assessmentHistoryHref(path))}
        />
      ) : (
        <p className="muted">{t('form.noBanks')}</p>
      )}
    </div>
  );
}

function BankForm({
  bank,
  path,
  last,
  reviewers,
  onDone,
}: {
  bank: Bank;
  path: string;
  /** The place's newest answers to this bank, to start from. */
  last: Assessment | undefined;
  reviewers: readonly { id: string; name: string; place: string }[];
  onDone: () => void;
}) {
  const { t, say } = useAssessmentWords();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [reviewer, setReviewer] = useState('');
  /** Problems shown beside their questions: found before sending, or the API's refusal. */
  const [marks, setMarks] = useState<Record<string, string>>({});
  const [reviewerProblem, setReviewerProblem] = useState<string | null>(null);
  const action = useAction();
  const time = useFormatTime();
  const { answered, total } = progress(bank, drafts);
  const numbers = new Map(questionIds(bank).map((id, i) => [id, i + 1]));
  // One submission per place and bank awaits review at a time (the API refuses a second).
  const waiting = last?.state === 'submitted';
  const set = (question: string, change: Partial<Drafts[string]>) => {
    setDrafts((d) => ({ ...d, [question]: { ...(d[question] ?? { evidence: '' }), ...change } }));
    setMarks(({ [question]: _, ...rest }) => rest);
  };
  const send = action.submit(async () => {
    const answers = answersOf(bank, drafts);
    try {
      await submitSelfAssessment({
        place: path,
        bank: bank.id,
        version: bank.version,
        answers,
        ...(reviewer ? { reviewer } : {}),
      });
    } catch (err) {
      const e = asApiError(err);
      const question = questionOfField(e.field, answers);
      if (question) {
        setMarks({ [question]: e.message });
        document.getElementById(`q-${question}`)?.scrollIntoView({ block: 'center' });
      } else if (e.field === 'body.reviewer') setReviewerProblem(e.message);
      throw e;
    }
    onDone();
  });
  /** Unanswered questions and missing evidence are marked beside them before anything is sent. */
  const submit = (e: FormEvent) => {
    const found = problems(bank, drafts);
    if (found.length === 0) return send(e);
    e.preventDefault();
    setMarks(
      Object.fromEntries(
        found.map((p) => [
          p.question,
          t(p.kind === 'unanswered' ? 'form.unanswered' : 'form.evidenceRequired'),
        ]),
      ),
    );
    action.setError(new ApiError(0, 'RX_INCOMPLETE', t('form.incomplete', { n: found.length })));
    document.getElementById(`q-${found[0]!.question}`)?.scrollIntoView({ block: 'center' });
  };
  return (
    <form className="stack assessment-form" onSubmit={submit} noValidate aria-label={say(bank.title)}>
      <p className="muted small">{say(bank.source)}</p>
      {last ? (
        <div className="assessment-last" data-testid="assessment-last" data-state={last.state}>
          <p>
            {t('form.last', { time: time(last.submittedAt) })} <AssessmentStateBadge state={last.state} />
          </p>
          {last.reviewNote ? (
            <p className="review-note">
              <span className="muted small">{t('history.note')}</span> {last.reviewNote}
            </p>
          ) : null}
          {waiting ? (
            <p className="question-problem">{t('form.waiting')}</p>
          ) : (
            <button type="button" onClick={() => setDrafts(draftsOf(bank, last.answers))}>
              {t('form.startFromLast')}
            </button>
          )}
        </div>
      ) : null}
      <div
        className="assessment-progress"
        data-testid="assessment-progress"
        data-answered={answered}
        data-total={total}
      >
        <progress value={answered} max={Math.max(total, 1)} aria-label={t('form.progressLabel')} />
        <span>{t('form.progress', { answered, total })}</span>
      </div>
      {bank.sections.map((s) => (
        <Card key={s.id} title={say(s.title)} className="assessment-section">
          <ol className="questions">
            {s.questions.map((q) => (
              <AssessmentQuestion
                key={q.id}
                bank={bank}
                question={q}
                number={numbers.get(q.id) ?? 0}
                draft={drafts[q.id]}
                problem={marks[q.id]}
                onChange={(change) => set(q.id, change)}
              />
            ))}
          </ol>
        </Card>
      ))}
      <Field label={t('form.reviewer')} hint={t('form.reviewerHint')}>
        {(id) => (
          <select
            id={id}
            value={reviewer}
            onChange={(e) => {
              setReviewer(e.target.value);
              setReviewerProblem(null);
            }}
            aria-invalid={reviewerProblem ? true : undefined}
            data-testid="assessment-reviewer"
          >
            <option value="">{t('form.anyReviewer')}</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {`${r.name} · ${r.place}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {reviewerProblem ? (
        <p className="question-problem" role="alert">
          {reviewerProblem}
        </p>
      ) : null}
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={action.busy || waiting}
          data-testid="assessment-submit"
        >
          {action.busy ? t('busy') : t('form.submit')}
        </button>
        <span className="muted">{t('form.progress', { answered, total })}</span>
      </div>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </form>
  );
}
