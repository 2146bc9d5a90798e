import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from './phone.js';
import { admitVolunteerRow, type VolunteerRow } from './rows.js';
import { parseSkills } from './skills.js';
import { cityDate, normaliseWindows, overlaps, parseInstant, windowProblem } from './windows.js';

const at = (s: string) => new Date(s);

describe('skills', () => {
  it('reads codes and Chinese words separated by ; and friends, in vocabulary order without repeats', () => {
    expect(parseSkills('transport;送药；medicine_delivery、Elderly Care')).toEqual({
      skills: ['medicine_delivery', 'transport', 'elderly_care'],
      unknown: [],
    });
    expect(parseSkills(['medical', 'juggling', ' '])).toEqual({ skills: ['medical'], unknown: ['juggling'] });
    expect(parseSkills('')).toEqual({ skills: [], unknown: [] });
  });
});

describe('phones', () => {
  it('normalises as the people registry does and masks the middle digits', () => {
    expect(normalisePhone(' +86 138-0000-0001 ')).toBe('13800000001');
    expect(normalisePhone('0044 20 7946 0000')).toBe('+442079460000');
    expect(normalisePhone('call me')).toBeNull();
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('12345')).toBe('1***5');
  });
});

describe('windows', () => {
  it('reads instants with an offset or as city wall-clock time, and refuses impossible dates', () => {
    expect(parseInstant('2026-12-06T09:00:00+08:00')?.toISOString()).toBe('2026-12-06T01:00:00.000Z');
    expect(parseInstant('2026-12-06 09:00')?.toISOString()).toBe('2026-12-06T01:00:00.000Z');
    expect(parseInstant('2026-12-06T01:00:00Z')?.toISOString()).toBe('2026-12-06T01:00:00.000Z');
    expect(parseInstant('2026-02-30 09:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseInstant('2026-12-06')).toBeNull();
  });

  it('overlap has positive length: windows that only touch do not overlap', () => {
    const a = { from: at('2026-12-06T01:00:00Z'), to: at('2026-12-06T03:00:00Z') };
    expect(overlaps(a, { from: at('2026-12-06T02:59:00Z'), to: at('2026-12-06T05:00:00Z') })).toBe(true);
    expect(overlaps(a, { from: at('2026-12-06T03:00:00Z'), to: at('2026-12-06T05:00:00Z') })).toBe(false);
    expect(overlaps(a, { from: at('2026-12-05T00:00:00Z'), to: at('2026-12-07T00:00:00Z') })).toBe(true);
  });

  it('checks a window and merges overlapping or touching ones', () => {
    expect(windowProblem({ from: at('2026-12-06T03:00:00Z'), to: at('2026-12-06T03:00:00Z') })).toMatch(
      /after/,
    );
    expect(windowProblem({ from: at('2026-12-01T00:00:00Z'), to: at('2026-12-20T00:00:00Z') })).toMatch(
      /14 days/,
    );
    const merged = normaliseWindows([
      { from: at('2026-12-06T05:00:00Z'), to: at('2026-12-06T06:00:00Z') },
      { from: at('2026-12-06T01:00:00Z'), to: at('2026-12-06T03:00:00Z') },
      { from: at('2026-12-06T03:00:00Z'), to: at('2026-12-06T04:00:00Z') },
    ]);
    expect(merged.map((w) => [w.from.toISOString(), w.to.toISOString()])).toEqual([
      ['2026-12-06T01:00:00.000Z', '2026-12-06T04:00:00.000Z'],
      ['2026-12-06T05:00:00.000Z', '2026-12-06T06:00:00.000Z'],
    ]);
  });

  it("names the city's day (+08:00)", () => {
    expect(cityDate(at('2026-12-05T16:00:00Z'))).toBe('2026-12-06');
    expect(cityDate(at('2026-12-05T15:59:59Z'))).toBe('2026-12-05');
  });
});

describe('a volunteers file row', () => {
  const row = (o: Partial<VolunteerRow> = {}): VolunteerRow => ({
    name: '刘洋',
    phone: '13900000001',
    skills: 'transport;送药',
    community: 'cq.yz.jd01.sq01',
    lon: '',
    lat: '',
    capacity: '',
    organisation: '',
    from: '',
    to: '',
    ...o,
  });

  it('admits a row with defaults (capacity 2, no location, no window)', () => {
    expect(admitVolunteerRow(row())).toEqual({
      ok: {
        name: '刘洋',
        phone: '13900000001',
        skills: ['medicine_delivery', 'transport'],
        community: 'cq.yz.jd01.sq01',
        lon: null,
        lat: null,
        capacity: 2,
        organisation: null,
        window: null,
      },
    });
    const full = admitVolunteerRow(
      row({
        lon: '106.5',
        lat: '29.5',
        capacity: '4',
        organisation: ' 红十字会 ',
        from: '2026-12-06 08:00',
        to: '2026-12-06 12:00',
      }),
    );
    expect(full).toMatchObject({ ok: { lon: 106.5, lat: 29.5, capacity: 4, organisation: '红十字会' } });
  });

  it.each([
    [{ name: ' ' }, 'bad_name'],
    [{ phone: '12' }, 'bad_phone'],
    [{ skills: '' }, 'bad_skills'],
    [{ skills: 'transport;juggling' }, 'bad_skills'],
    [{ lon: '106.5' }, 'bad_location'],
    [{ lon: '200', lat: '29' }, 'bad_location'],
    [{ capacity: '0' }, 'bad_capacity'],
    [{ capacity: '2.5' }, 'bad_capacity'],
    [{ from: '2026-12-06 08:00' }, 'bad_window'],
    [{ from: '2026-12-06 12:00', to: '2026-12-06 08:00' }, 'bad_window'],
  ] as const)('refuses %o as %s', (o, reason) => {
    expect(admitVolunteerRow(row(o))).toEqual({ reject: reason });
  });
});
