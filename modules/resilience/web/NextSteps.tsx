/**
 * What to do next: the (at most three) indicators whose move to a target would raise the
 * community's index most, with the work that would get there, each sendable to the community's
 * inbox as a task.
 */
import { ErrorNote } from '@renxing/ui/controls';
import { useState } from 'react';
import { Link } from 'react-router';
import { type NextStepView, type SentTask, sendResilienceTask } from './api.js';
import { useWords } from './dictionary.js';
import { score, useAction, useMay, useValueText } from './shared.js';

export interface StepInfo {
  title: string;
  unit: string;
}

function Step({
  path,
  date,
  step,
  info,
}: {
  path: string;
  date: string;
  step: NextStepView;
  info: StepInfo | undefined;
}) {
  const { t, lang } = useWords();
  const valueText = useValueText();
  const may = useMay();
  const action = useAction();
  const [sent, setSent] = useState<SentTask | null>(null);
  const unit = info?.unit ?? '';
  return (
    <li className="next-step card-inner" data-key={step.key} data-gain={step.gain}>
      <h3>
        {info?.title ?? step.key} <code className="muted small">{step.key}</code>
      </h3>
      <p className="small">
        {t('next.move', {
          current: valueText(step.current, unit),
          target: valueText(step.target, unit),
          of: t(`targetOf.${step.targetOf}`),
        })}{' '}
        <span className="badge gain">{t('next.gain', { gain: score(step.gain, 3) })}</span>
      </p>
      <p data-testid="next-advice">{step.advice ? step.advice.text[lang] : t('next.noAdvice')}</p>
      {may('sendResilienceTask') ? (
        sent ? (
          <p className="ok" role="status" data-testid="next-sent" data-item={sent.item.id}>
            {sent.raised ? t('next.sent') : t('next.sentBefore')}{' '}
            <Link to={`/inbox/items/${encodeURIComponent(sent.item.id)}`}>{t('next.open')}</Link>
          </p>
        ) : (
          <button
            type="button"
            disabled={action.busy}
            aria-label={t('next.sendNamed', { name: info?.title ?? step.key })}
            onClick={() =>
              action.run(async () => {
                setSent(await sendResilienceTask(path, step.key, date));
              })
            }
          >
            {action.busy ? t('busy') : t('next.send')}
          </button>
        )
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function NextSteps({
  path,
  date,
  steps,
  info,
}: {
  path: string;
  date: string;
  steps: readonly NextStepView[];
  info: ReadonlyMap<string, StepInfo>;
}) {
  const { t } = useWords();
  if (steps.length === 0) return <p className="muted">{t('next.none')}</p>;
  return (
    <ol className="next-steps" data-testid="next-steps">
      {steps.map((s) => (
        <Step key={s.key} path={path} date={date} step={s} info={info.get(s.key)} />
      ))}
    </ol>
  );
}
