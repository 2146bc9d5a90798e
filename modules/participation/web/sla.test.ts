import { describe, expect, it } from 'vitest';
import type { Category } from './api.js';
import { reopenUntil, slaView } from './sla.js';

const H = 3_600_000;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const at = (h: number) => new Date(T0 + h * H).toISOString();
const slas = new Map<Category, { ackHours: number; respondHours: number }>([
  ['hazard', { ackHours: 2, respondHours: 10 }],
]);

describe('a report’s SLA on the board', () => {
  it('is in time, then due soon, then breached when the acknowledgement is late', () => {
    const r = {
      category: 'hazard' as const,
      state: 'submitted' as const,
      submittedAt: at(0),
      acknowledgedAt: null,
      respondedAt: null,
    };
    expect(slaView(r, new Map(), T0, undefined)).toMatchObject({ next: 'ack', due: T0 + 24 * H, tone: 'ok' });
    expect(slaView(r, slas, T0, undefined)).toMatchObject({ next: 'ack', due: T0 + 2 * H, tone: 'soon' });
    expect(slaView(r, slas, T0 + 3 * H, undefined)).toMatchObject({
      missed: ['acknowledge'],
      tone: 'breached',
    });
  });

  it('keeps a late response breached after it came; a timely one is done', () => {
    const late = {
      category: 'hazard' as const,
      state: 'responded' as const,
      submittedAt: at(0),
      acknowledgedAt: at(1),
      respondedAt: at(11),
    };
    expect(slaView(late, slas, T0 + 20 * H, undefined)).toMatchObject({
      missed: ['respond'],
      tone: 'breached',
    });
    const timely = { ...late, respondedAt: at(9) };
    expect(slaView(timely, slas, T0 + 20 * H, undefined)).toMatchObject({
      missed: [],
      tone: 'done',
      next: null,
    });
  });

  it('takes the server’s word on what was missed', () => {
    const r = {
      category: 'hazard' as const,
      state: 'acknowledged' as const,
      submittedAt: at(0),
      acknowledgedAt: at(1),
      respondedAt: null,
    };
    expect(slaView(r, slas, T0 + 2 * H, []).tone).toBe('ok');
    expect(slaView(r, slas, T0 + 7 * H, []).tone).toBe('soon');
    expect(slaView(r, slas, T0 + 2 * H, ['respond']).tone).toBe('breached');
  });

  it('may be reopened for 7 days after the response only', () => {
    expect(reopenUntil({ state: 'responded', respondedAt: at(0) })).toBe(T0 + 168 * H);
    expect(reopenUntil({ state: 'closed', respondedAt: at(0) })).toBeNull();
  });
});
