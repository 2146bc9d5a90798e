import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_HOURS, hoursToRespond, median, slaDue, slaVerdict, withinSlaShare } from './sla.js';

const t0 = new Date('2021-11-01T00:00:00Z');
const h = (n: number) => new Date(t0.getTime() + n * 3_600_000);
const sla = { ackHours: DEFAULT_SLA_HOURS.ack, respondHours: DEFAULT_SLA_HOURS.respond };

describe('SLA', () => {
  it('defaults to 24 h to acknowledge and 72 h to respond, from submission', () => {
    expect(slaDue(t0, sla)).toEqual({ ackDue: h(24), respondDue: h(72) });
  });

  it('is met when both steps come at or before their deadlines', () => {
    const v = slaVerdict({ submittedAt: t0, acknowledgedAt: h(24), respondedAt: h(72) }, sla, h(100));
    expect(v.status).toBe('met');
    expect(v.missed).toEqual([]);
  });

  it('is pending while nothing is late, breached once now passes a deadline', () => {
    const open = { submittedAt: t0, acknowledgedAt: null, respondedAt: null };
    expect(slaVerdict(open, sla, h(24)).status).toBe('pending');
    expect(slaVerdict(open, sla, h(24.001))).toMatchObject({ status: 'breached', missed: ['acknowledge'] });
    expect(slaVerdict(open, sla, h(73)).missed).toEqual(['acknowledge', 'respond']);
    const acked = { submittedAt: t0, acknowledgedAt: h(2), respondedAt: null };
    expect(slaVerdict(acked, sla, h(71)).status).toBe('pending');
    expect(slaVerdict(acked, sla, h(73))).toMatchObject({ status: 'breached', missed: ['respond'] });
  });

  it('counts a late response as a breach, and a response as the acknowledgement when none was made', () => {
    expect(
      slaVerdict({ submittedAt: t0, acknowledgedAt: h(1), respondedAt: h(80) }, sla, h(90)).missed,
    ).toEqual(['respond']);
    expect(slaVerdict({ submittedAt: t0, acknowledgedAt: null, respondedAt: h(10) }, sla, h(90)).status).toBe(
      'met',
    );
    expect(
      slaVerdict({ submittedAt: t0, acknowledgedAt: null, respondedAt: h(30) }, sla, h(90)).missed,
    ).toEqual(['acknowledge']);
  });

  it('uses the category’s own hours', () => {
    const fast = { ackHours: 1, respondHours: 4 };
    expect(
      slaVerdict({ submittedAt: t0, acknowledgedAt: h(2), respondedAt: h(3) }, fast, h(5)).missed,
    ).toEqual(['acknowledge']);
  });
});

describe('figures', () => {
  it('median hours to respond (odd, even, none)', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
    expect(hoursToRespond({ submittedAt: t0, acknowledgedAt: null, respondedAt: h(7.5) })).toBe(7.5);
    expect(hoursToRespond({ submittedAt: t0, acknowledgedAt: null, respondedAt: null })).toBeNull();
  });

  it('share within SLA counts decided reports only', () => {
    expect(
      withinSlaShare([{ status: 'met' }, { status: 'breached' }, { status: 'pending' }, { status: 'met' }]),
    ).toBe(2 / 3);
    expect(withinSlaShare([{ status: 'pending' }])).toBeNull();
  });
});
