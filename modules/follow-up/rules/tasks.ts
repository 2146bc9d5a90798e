/**
 * The follow-up task's rules: its states and outcomes, which state may follow which, and what a
 * change needs (a task that cannot be carried out says why). Pure: no I/O, no clock.
 */
import { FieldError, invalid } from '@renxing/contracts';
import '../errors.js';

export const TASK_STATES = ['pending', 'in_progress', 'done', 'not_executable'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_OUTCOMES = ['reached', 'tested', 'isolated_at_home', 'transferred', 'unreachable'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Which state may follow which: finished tasks stay finished. */
const NEXT: Record<TaskState, readonly TaskState[]> = {
  pending: ['pending', 'in_progress', 'done', 'not_executable'],
  in_progress: ['pending', 'in_progress', 'done', 'not_executable'],
  done: ['done'],
  not_executable: ['not_executable'],
};

export function taskTransitionAllowed(from: TaskState, to: TaskState): boolean {
  return NEXT[from].includes(to);
}

/** Whether a task in `state` is still open (may be worked, reassigned). */
export const isOpen = (state: TaskState): boolean => state === 'pending' || state === 'in_progress';

/** A change of a task's work: state, outcome, note (absent: unchanged; null: cleared). */
export interface TaskWork {
  state?: TaskState;
  outcome?: TaskOutcome | null;
  note?: string | null;
}

/**
 * Checks a change against the task as it is: RX_TASK_TRANSITION for a state that may not follow
 * (body.state), RX_VALIDATION for a task left not executable without a note (body.note).
 * Returns the state and note the task will have.
 */
export function checkTaskWork(
  current: { state: TaskState; note: string | null },
  change: TaskWork,
): { state: TaskState; note: string | null } {
  if (change.state !== undefined && !taskTransitionAllowed(current.state, change.state)) {
    throw new FieldError('RX_TASK_TRANSITION', 'body.state', { from: current.state, to: change.state });
  }
  const state = change.state ?? current.state;
  const note = change.note !== undefined ? change.note : current.note;
  if (state === 'not_executable' && !note?.trim()) {
    throw invalid('body.note', {
      en: 'say why the task cannot be carried out',
      'zh-CN': '请说明任务无法执行的原因',
    });
  }
  return { state, note };
}
