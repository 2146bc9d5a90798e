/**
 * What the self-assessment screens share: their words in the console's language, who may do what,
 * where each screen is, a state badge, and an assessment's answers with their evidence.
 */
import { useMayIn } from '@renxing/ui/actions';
import { fill, type Lang, useI18n } from '@renxing/ui/i18n';
import { placeName } from '@renxing/ui/place-name';
import { useMemo } from 'react';
import { ACCESS } from '../access.js';
import type { Assessment, AssessmentHead, AssessmentState, Bank, Words } from './assessment-api.js';
import { ASSESSMENT_WORDS, type AssessmentWord } from './assessment-words.js';

export interface AssessmentWords {
  lang: Lang;
  t: (word: AssessmentWord, params?: Record<string, string | number>) => string;
  /** A bank's own words (titles, questions, labels) in the console's language. */
  say: (words: Words) => string;
  /** A place's name in the console's language. */
  place: (p: { name: string; nameEn: string | null }) => string;
}

export function useAssessmentWords(): AssessmentWords {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict = ASSESSMENT_WORDS[lang];
    return {
      lang,
      t: (word, params) => fill(dict[word], params),
      say: (words) => words[lang] || words['zh-CN'] || words.en,
      place: (p) => placeName(p, lang),
    };
  }, [lang]);
}

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

const seg = (s: string) => encodeURIComponent(s);

/** The reviewers' queue. */
export const assessmentQueueHref = () => '/resilience/assessments';
/** A place's self-assessments, newest first. */
export const assessmentHistoryHref = (path: string) => `/resilience/assessments/${seg(path)}`;
/** Answering a new self-assessment for a place (with a bank chosen, when given). */
export const newAssessmentHref = (path: string, bank?: string) =>
  `/resilience/assessments/${seg(path)}/new${bank ? `?${new URLSearchParams({ bank })}` : ''}`;

export function AssessmentStateBadge({ state }: { state: AssessmentState }) {
  const { t } = useAssessmentWords();
  return (
    <span className={`badge assessment-${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

/** The bank an assessment answered, at the version answered (undefined: not among those listed). */
export const bankOf = (banks: readonly Bank[] | undefined, a: Pick<AssessmentHead, 'bank'>) =>
  banks?.find((b) => b.id === a.bank.id && b.version === a.bank.version);

/** The bank an assessment answered, as its title and version. */
export function BankName({ assessment }: { assessment: Pick<AssessmentHead, 'bank'> }) {
  const { say } = useAssessmentWords();
  return (
    <span data-bank={assessment.bank.id} data-version={assessment.bank.version}>
      {say(assessment.bank.title)} <span className="muted small">v{assessment.bank.version}</span>
    </span>
  );
}

/** An assessment's answers by the bank's sections: each question, its score's label and the evidence. */
export function AnswerList({ assessment, bank }: { assessment: Assessment; bank: Bank | undefined }) {
  const { t, say } = useAssessmentWords();
  const byQuestion = new Map(assessment.answers.map((a) => [a.question, a]));
  const label = (score: number) => {
    const l = bank?.scale.labels.find((x) => x.score === score);
    return l ? `${score} · ${say(l.text)}` : String(score);
  };
  if (!bank) {
    return (
      <ol className="assessment-answers" data-testid="assessment-answers">
        {assessment.answers.map((a) => (
          <li key={a.question} data-question={a.question} data-score={a.score}>
            <span className="mono">{a.question}</span> <strong>{a.score}</strong>
            {a.evidence ? <p className="evidence">{a.evidence}</p> : null}
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="assessment-answers stack" data-testid="assessment-answers">
      {bank.sections.map((s) => (
        <section key={s.id} className="assessment-section" aria-label={say(s.title)}>
          <h4>{say(s.title)}</h4>
          <ol>
            {s.questions.map((q) => {
              const a = byQuestion.get(q.id);
              return (
                <li key={q.id} data-question={q.id} data-score={a?.score}>
                  <span>{say(q.text)}</span>{' '}
                  <strong className="nowrap">{a ? label(a.score) : t('answers.unanswered')}</strong>
                  {a?.evidence ? (
                    <p className="evidence">
                      <span className="muted small">{t('answers.evidence')}</span> {a.evidence}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
