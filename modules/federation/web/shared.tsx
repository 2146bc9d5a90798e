/** What federation's screens share: who may do what, badges for states and kinds, the trail's words. */
import { useMayIn } from '@renxing/ui/actions';
import { ACCESS } from '../access.js';
import type { HandoffKind, HandoffState } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { WORDS } from './words.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export function StateBadge({ state }: { state: HandoffState }) {
  const { t } = useWords();
  return (
    <span className={`badge handoff-state handoff-state-${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

export function KindLabel({ kind }: { kind: HandoffKind }) {
  const { t } = useWords();
  return <span data-kind={kind}>{t(`kind.${kind}`)}</span>;
}

/** An audit action's words ("federation.handoff.accept" → 接收); one the console does not name reads as itself. */
export function useActionLabel(): (action: string) => string {
  const { t } = useWords();
  return (action) => {
    const key = `action.${action}`;
    return key in WORDS['zh-CN'] ? t(key as Word) : action;
  };
}

/** Epoch seconds as the API's instants are given to useFormatTime. */
export const isoOf = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
