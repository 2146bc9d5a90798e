import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, burden } from './burden.js';
import { type Admission, type DutyItem, judgeRequest } from './duty.js';
import {
  answerKey,
  checkValue,
  type DemandFacts,
  isOrigin,
  itemShape,
  itemsToJoin,
  itemTransitionAllowed,
  windowsOverlap,
} from './items.js';

const item = (list: DutyItem['list']): DutyItem => ({
  code: 'A-12',
  list,
  title: '高龄老人摸排',
  department: 'mzj',
  legalBasis: '《老年人权益保障法》第三十三条',
});
const NOW = 1_800_000_000;
const admission: Admission = {
  id: 'ad1',
  department: 'wsjkw',
  duty: 'X-1',
  approvedAt: NOW - 100,
  validUntil: NOW + 100,
};

describe('judgeRequest: the responsibility list', () => {
  const req = { department: 'mzj', duty: 'A-12', resources: null };
  it('accepts own duties and certificates', () => {
    expect(judgeRequest(req, item('own'), undefined, NOW)).toMatchObject({ accepted: true });
    expect(judgeRequest(req, item('cert'), undefined, NOW)).toMatchObject({ accepted: true });
  });
  it('accepts an assisting duty only with resources, else RX_DUTY_NO_RESOURCES naming the item', () => {
    expect(judgeRequest(req, item('assist'), undefined, NOW)).toEqual({
      accepted: false,
      code: 'RX_DUTY_NO_RESOURCES',
      item: item('assist'),
      reason: 'A-12 高龄老人摸排 (《老年人权益保障法》第三十三条)',
    });
    expect(judgeRequest({ ...req, resources: '   ' }, item('assist'), undefined, NOW)).toMatchObject({
      accepted: false,
    });
    expect(judgeRequest({ ...req, resources: '经费 2 万元' }, item('assist'), undefined, NOW)).toMatchObject({
      accepted: true,
    });
  });
  it('refuses the negative list and abolished certificates with the rule and its legal basis', () => {
    expect(judgeRequest(req, item('negative'), undefined, NOW)).toMatchObject({
      accepted: false,
      code: 'RX_DUTY_NEGATIVE',
      reason: expect.stringContaining('《老年人权益保障法》'),
    });
    expect(judgeRequest(req, item('cert_abolished'), undefined, NOW)).toMatchObject({
      code: 'RX_DUTY_ABOLISHED',
    });
    // Resources do not buy a negative-list duty in.
    expect(judgeRequest({ ...req, resources: '经费' }, item('negative'), undefined, NOW)).toMatchObject({
      accepted: false,
    });
  });
  it('refuses an unlisted code unless a valid admission for that department and code comes with it', () => {
    const x = { department: 'wsjkw', duty: 'X-1' };
    expect(judgeRequest(x, undefined, undefined, NOW)).toMatchObject({
      code: 'RX_DUTY_UNLISTED',
      reason: 'no_admission',
    });
    expect(judgeRequest(x, undefined, admission, NOW)).toEqual({ accepted: true, item: null, admission });
    expect(judgeRequest(x, undefined, admission, NOW + 100)).toMatchObject({ accepted: true });
    expect(judgeRequest(x, undefined, admission, NOW + 101)).toMatchObject({ reason: 'not_valid_now' });
    expect(judgeRequest(x, undefined, admission, NOW - 101)).toMatchObject({ reason: 'not_valid_now' });
    expect(judgeRequest({ ...x, department: 'gaj' }, undefined, admission, NOW)).toMatchObject({
      reason: 'other_department',
    });
    expect(judgeRequest({ ...x, duty: 'X-2' }, undefined, admission, NOW)).toMatchObject({
      reason: 'other_code',
    });
  });
});

const demand = (o: Partial<DemandFacts> = {}): DemandFacts => ({
  department: 'mzj',
  duty: 'A-12',
  kind: 'form',
  window: { from: '2026-12-01', to: '2026-12-07' },
  arrivedOn: '2026-12-02',
  due: NOW,
  priority: 'normal',
  fields: [],
  ...o,
});

describe('items: merging demands', () => {
  it('overlaps closed date intervals; two empty windows overlap; an empty one is its arrival day', () => {
    const w = (from: string, to: string) => ({ from, to });
    expect(windowsOverlap(w('2026-12-01', '2026-12-07'), '', w('2026-12-07', '2026-12-09'), '')).toBe(true);
    expect(windowsOverlap(w('2026-12-01', '2026-12-06'), '', w('2026-12-07', '2026-12-09'), '')).toBe(false);
    expect(windowsOverlap(null, '2026-11-01', null, '2026-12-05')).toBe(true);
    expect(windowsOverlap(null, '2026-12-03', w('2026-12-01', '2026-12-07'), '')).toBe(true);
    expect(windowsOverlap(null, '2026-12-08', w('2026-12-01', '2026-12-07'), '')).toBe(false);
  });

  it('is symmetric and agrees with a day-by-day oracle', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
    const win = fc.option(
      fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
    );
    fc.assert(
      fc.property(win, day, win, day, (a, aa, b, ba) => {
        const days = (w: typeof a, arrived: string) => {
          const [f, t] = w === null ? [arrived, arrived] : [w.from, w.to];
          const out = new Set<string>();
          for (let d = 1; d <= 28; d++) {
            const s = `2026-12-${String(d).padStart(2, '0')}`;
            if (s >= f && s <= t) out.add(s);
          }
          return out;
        };
        const oracle = (a === null && b === null) || [...days(a, aa)].some((d) => days(b, ba).has(d));
        expect(windowsOverlap(a, aa, b, ba)).toBe(oracle);
        expect(windowsOverlap(b, ba, a, aa)).toBe(oracle);
      }),
    );
  });

  it('joins open items with the same duty and kind whose demands overlap, every one of them', () => {
    const a = { id: 'a', demands: [demand({ window: { from: '2026-12-01', to: '2026-12-03' } })] };
    const b = { id: 'b', demands: [demand({ window: { from: '2026-12-06', to: '2026-12-09' } })] };
    const c = { id: 'c', demands: [demand({ kind: 'task' })] };
    const d = { id: 'd', demands: [demand({ duty: 'B-1' })] };
    expect(itemsToJoin([a, b, c, d], demand({ window: { from: '2026-12-10', to: '2026-12-11' } }))).toEqual(
      [],
    );
    expect(itemsToJoin([a, b, c, d], demand({ window: { from: '2026-12-02', to: '2026-12-02' } }))).toEqual([
      a,
    ]);
    // A demand spanning both joins them into one.
    expect(itemsToJoin([a, b, c, d], demand({ window: { from: '2026-12-03', to: '2026-12-06' } }))).toEqual([
      a,
      b,
    ]);
  });

  it('unites fields by key, the earliest due, the highest priority; a key typed two ways is a conflict asked once per type', () => {
    const shape = itemShape([
      demand({
        department: 'mzj',
        due: NOW + 100,
        fields: [
          { key: 'residents.over_80', label: '80岁以上老人数', type: 'integer' },
          { key: 'note', label: '备注', type: 'text' },
        ],
      }),
      demand({
        department: 'wsjkw',
        due: NOW + 50,
        priority: 'urgent',
        fields: [
          { key: 'residents.over_80', label: '高龄老人', type: 'integer' },
          { key: 'note', label: '说明', type: 'date' },
        ],
      }),
    ]);
    expect(shape.due).toBe(NOW + 50);
    expect(shape.priority).toBe('urgent');
    expect(shape.departments).toEqual(['mzj', 'wsjkw']);
    expect(shape.fields.map((f) => [f.key, f.type, f.departments])).toEqual([
      ['residents.over_80', 'integer', ['mzj', 'wsjkw']],
      ['note', 'text', ['mzj']],
      ['note', 'date', ['wsjkw']],
    ]);
    expect(shape.conflicts).toEqual([
      {
        key: 'note',
        types: [
          { type: 'text', departments: ['mzj'] },
          { type: 'date', departments: ['wsjkw'] },
        ],
      },
    ]);
    expect(shape.fields.map((f) => answerKey(f, shape))).toEqual([
      'residents.over_80',
      'note:text',
      'note:date',
    ]);
  });

  it('checks values against their types and moves items only forward', () => {
    expect(checkValue('integer', 3)).toEqual({ value: 3 });
    expect(checkValue('integer', 3.5)).toHaveProperty('error');
    expect(checkValue('number', 3.5)).toEqual({ value: 3.5 });
    expect(checkValue('date', '2026-12-01')).toEqual({ value: '2026-12-01' });
    expect(checkValue('date', '12/01/2026')).toHaveProperty('error');
    expect(checkValue('boolean', 'yes')).toHaveProperty('error');
    expect(checkValue('text', 'x'.repeat(2001))).toHaveProperty('error');
    expect(itemTransitionAllowed('open', 'in_progress')).toBe(true);
    expect(itemTransitionAllowed('open', 'done')).toBe(true);
    expect(itemTransitionAllowed('in_progress', 'open')).toBe(false);
    expect(itemTransitionAllowed('done', 'open')).toBe(false);
    expect(itemTransitionAllowed('done', 'in_progress')).toBe(false);
  });
});

describe('burden', () => {
  it('is 1 − items/demands and 1 − entered/requested, 0 when nothing was asked', () => {
    expect(
      burden({ demands: 91, items: 39, fieldsRequested: 1849, fieldsEntered: 904, fieldsPrefilled: 945 }),
    ).toMatchObject({
      itemsSaved: 1 - 39 / 91,
      fieldsSaved: 1 - 904 / 1849,
    });
    expect(
      burden({ demands: 0, items: 0, fieldsRequested: 0, fieldsEntered: 0, fieldsPrefilled: 0 }),
    ).toMatchObject({
      itemsSaved: 0,
      fieldsSaved: 0,
    });
  });

  it('reads ages from ID numbers on a date (birthday counted on the day), null when there is no valid date', () => {
    expect(ageOn('110101194512150012', '2026-12-14')).toBe(80);
    expect(ageOn('110101194512150012', '2026-12-15')).toBe(81);
    expect(ageOn('110101451215001', '2026-12-15')).toBe(81);
    expect(ageOn('110101194502300012', '2026-12-15')).toBeNull();
    expect(ageOn(null, '2026-12-15')).toBeNull();
    expect(ageOn('12345', '2026-12-15')).toBeNull();
  });
});

describe('origins of platform items', () => {
  it('are area.what in lower case, at most 64 characters', () => {
    for (const ok of ['screening.retest', 'screening.resample', 'supplies', 'a.b_c.d-e'])
      expect(isOrigin(ok)).toBe(true);
    for (const bad of [
      '',
      'Screening.retest',
      'screening.',
      '.retest',
      'screening retest',
      `a.${'x'.repeat(63)}`,
    ])
      expect(isOrigin(bad), bad).toBe(false);
  });
});
