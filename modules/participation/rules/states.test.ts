import { describe, expect, it } from 'vitest';
import { nextReportState, REPORT_STATES, reopenDecision, STAFF_ACTIONS } from './states.js';

const at = (iso: string) => new Date(iso);

describe('report states', () => {
  it('walks submitted → acknowledged → assigned → responded → closed', () => {
    expect(nextReportState('submitted', 'acknowledge')).toBe('acknowledged');
    expect(nextReportState('acknowledged', 'assign')).toBe('assigned');
    expect(nextReportState('assigned', 'respond')).toBe('responded');
    expect(nextReportState('responded', 'close')).toBe('closed');
  });

  it('refuses moves backwards and out of closed', () => {
    expect(nextReportState('acknowledged', 'acknowledge')).toBeNull();
    expect(nextReportState('responded', 'assign')).toBeNull();
    expect(nextReportState('submitted', 'close')).toBeNull();
    for (const a of STAFF_ACTIONS) expect(nextReportState('closed', a)).toBeNull();
    expect(REPORT_STATES).toHaveLength(5);
  });

  it('lets the reporter reopen within 7 days of the response, back to acknowledged', () => {
    const r = { state: 'responded' as const, respondedAt: at('2021-11-01T10:00:00Z') };
    expect(reopenDecision(r, at('2021-11-08T10:00:00Z'))).toEqual({ kind: 'ok', to: 'acknowledged' });
    expect(reopenDecision({ ...r, state: 'closed' }, at('2021-11-03T00:00:00Z'))).toEqual({
      kind: 'ok',
      to: 'acknowledged',
    });
    expect(reopenDecision(r, at('2021-11-08T10:00:00.001Z'))).toEqual({ kind: 'window' });
    expect(reopenDecision({ state: 'assigned', respondedAt: null }, at('2021-11-02T00:00:00Z'))).toEqual({
      kind: 'state',
    });
  });
});
