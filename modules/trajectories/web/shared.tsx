/** What trajectories' screens share: who may do what, a form's action, figures, a day's reject reason. */
import { useMayIn } from '@renxing/ui/actions';
import { ACCESS } from '../access.js';
import { useWords, type Word } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

/** A reject's reason (the contract's stable English words) in the console's language; one unknown as written. */
export function useReason(): (reason: string) => string {
  const { t } = useWords();
  return (reason) => {
    const word = `reason.${reason}`;
    return isWord(word) ? t(word) : reason;
  };
}

const REASONS = new Set<string>([
  'reason.unterminated quote',
  'reason.blank line',
  'reason.missing subject',
  'reason.missing ts',
  'reason.missing lon',
  'reason.missing lat',
  'reason.invalid UTF-8 in subject',
  'reason.unparseable ts',
  'reason.bad lon',
  'reason.bad lat',
  'reason.ts out of range',
  'reason.subject is not a phone number',
] satisfies Word[]);

const isWord = (w: string): w is Word => REASONS.has(w);

/** Figures as the dashboard shows them: a label over a number (or a text, such as a size). */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: number | undefined; text?: string; tone?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div
          key={f.key}
          className={`figure ${f.tone ? `figure-${f.tone}` : ''}`}
          data-figure={f.key}
          data-value={f.value}
        >
          <dt>{f.label}</dt>
          <dd>{f.value === undefined ? '…' : (f.text ?? f.value.toLocaleString())}</dd>
        </div>
      ))}
    </dl>
  );
}
