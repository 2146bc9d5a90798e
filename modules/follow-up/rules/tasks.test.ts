import { RenxingError } from '@renxing/contracts';
import { describe, expect, it } from 'vitest';
import { checkTaskWork, isOpen, TASK_STATES, taskTransitionAllowed } from './tasks.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof RenxingError ? `${e.code} ${e.field}` : String(e);
  }
  return undefined;
};

describe('task rules', () => {
  it('lets open tasks go anywhere and keeps finished tasks finished', () => {
    for (const from of TASK_STATES) {
      for (const to of TASK_STATES) {
        const expected = isOpen(from) || from === to;
        expect(taskTransitionAllowed(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('refuses a transition naming body.state, and a not-executable task without a note', () => {
    expect(codeOf(() => checkTaskWork({ state: 'done', note: null }, { state: 'pending' }))).toBe(
      'RX_TASK_TRANSITION body.state',
    );
    expect(codeOf(() => checkTaskWork({ state: 'pending', note: null }, { state: 'not_executable' }))).toBe(
      'RX_VALIDATION body.note',
    );
    expect(
      codeOf(() =>
        checkTaskWork({ state: 'pending', note: 'moved away' }, { state: 'not_executable', note: ' ' }),
      ),
    ).toBe('RX_VALIDATION body.note');
    // The note already on the task is enough.
    expect(checkTaskWork({ state: 'pending', note: 'moved away' }, { state: 'not_executable' })).toEqual({
      state: 'not_executable',
      note: 'moved away',
    });
    expect(checkTaskWork({ state: 'in_progress', note: 'x' }, { note: null })).toEqual({
      state: 'in_progress',
      note: null,
    });
  });

  it('words the note refusal in both languages', () => {
    try {
      checkTaskWork({ state: 'pending', note: null }, { state: 'not_executable' });
    } catch (e) {
      expect((e as RenxingError).text('zh-CN')).toContain('请说明任务无法执行的原因');
      expect((e as RenxingError).text('en')).toContain('say why the task cannot be carried out');
      return;
    }
    expect.fail('not refused');
  });
});
