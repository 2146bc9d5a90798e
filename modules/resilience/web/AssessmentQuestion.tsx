/**
 * One question of a self-assessment: the bank's scale as a segmented row of choices, the evidence
 * asked for (required above the scale's minimum), and what is wrong with it beside it.
 */
import { useId } from 'react';
import { useAssessmentWords } from './AssessmentShared.js';
import type { Draft } from './assessment-answers.js';
import type { Bank, Question } from './assessment-api.js';

/** The most evidence the API keeps per answer, characters. */
const MAX_EVIDENCE = 2000;

export function AssessmentQuestion({
  bank,
  question,
  number,
  draft,
  problem,
  onChange,
}: {
  bank: Bank;
  question: Question;
  /** Its number in the bank (from 1). */
  number: number;
  draft: Draft | undefined;
  /** What is wrong with the answer (shown beside it), if anything. */
  problem: string | undefined;
  onChange: (change: Partial<Draft>) => void;
}) {
  const { t, say } = useAssessmentWords();
  const id = useId();
  const evidenceRequired = draft?.score !== undefined && draft.score > bank.scale.min;
  const labels = [...bank.scale.labels].sort((a, b) => a.score - b.score);
  return (
    <li
      id={`q-${question.id}`}
      className={`assessment-question ${problem ? 'has-problem' : ''}`}
      data-question={question.id}
      data-score={draft?.score ?? ''}
    >
      <fieldset className="scale-group">
        <legend>
          <span className="question-number">{number}.</span> {say(question.text)}
        </legend>
        <div className="segmented" role="radiogroup" aria-label={say(question.text)}>
          {labels.map((l) => (
            <label key={l.score} className={`segment ${draft?.score === l.score ? 'chosen' : ''}`}>
              <input
                type="radio"
                name={`${id}-score`}
                value={l.score}
                checked={draft?.score === l.score}
                onChange={() => onChange({ score: l.score })}
              />
              <span className="segment-score">{l.score}</span>
              <span className="segment-label">{say(l.text)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field evidence-field">
        <label htmlFor={`${id}-evidence`}>
          {evidenceRequired ? t('form.evidence') : t('form.evidenceOptional')}
        </label>
        <textarea
          id={`${id}-evidence`}
          rows={2}
          maxLength={MAX_EVIDENCE}
          required={evidenceRequired}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : `${id}-asked`}
          value={draft?.evidence ?? ''}
          placeholder={say(question.evidence)}
          onChange={(e) => onChange({ evidence: e.target.value })}
        />
        <small id={`${id}-asked`} className="hint">
          {t('form.evidenceAsked', { what: say(question.evidence) })}
        </small>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="question-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
