import { describe, expect, it } from 'vitest';
import { activationProblem, outermost, taskDue, taskRef, taskTitle } from './activation.js';
import {
  contentProblem,
  emptyContent,
  type LevelContent,
  normaliseContent,
  type PlanTask,
  taskGroups,
  type VersionContent,
} from './content.js';
import { diffCounts, diffIsEmpty, diffVersions } from './diff.js';
import { loopMetrics, median } from './metrics.js';
import { standingNorms, surgeNorms } from './norms.js';
import { isComplete, missingText, missingToClose, needsAction } from './review.js';

const task = (key: string, more: Partial<PlanTask> = {}): PlanTask => ({
  key,
  title: `任务 ${key}`,
  who: { role: 'community_worker', placeLevel: 'community' },
  dueOffsetHours: 2,
  ...more,
});

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';

function content(levels: Partial<Record<keyof VersionContent, Partial<LevelContent>>>): VersionContent {
  const c = emptyContent();
  for (const [level, l] of Object.entries(levels)) Object.assign(c[level as keyof VersionContent], l);
  return c;
}

describe('plan content', () => {
  it('is normalised (titles and groups trimmed, an empty group is none, shelter ids lower case)', () => {
    const c = normaliseContent(
      content({
        II: { tasks: [task('a', { title: '  转移群众 ', group: '  ' })], shelters: [S1.toUpperCase()] },
      }),
    );
    expect(c.II.tasks[0]).toEqual({ ...task('a'), title: '转移群众' });
    expect(c.II.tasks[0]).not.toHaveProperty('group');
    expect(c.II.shelters).toEqual([S1]);
  });

  it('refuses a key used twice in a level, an item listed twice, a bad offset or norm, naming the field', () => {
    const at = (c: VersionContent) => contentProblem(c, 'body.levels')?.field;
    expect(at(content({ I: { tasks: [task('a'), task('b')] } }))).toBeUndefined();
    // The same key on two levels is the same task at each.
    expect(at(content({ I: { tasks: [task('a')] }, II: { tasks: [task('a')] } }))).toBeUndefined();
    expect(at(content({ III: { tasks: [task('a'), task('a')] } }))).toBe('body.levels.III.tasks.1.key');
    expect(at(content({ I: { tasks: [task('A b')] } }))).toBe('body.levels.I.tasks.0.key');
    expect(at(content({ I: { tasks: [task('a', { dueOffsetHours: 1.5 })] } }))).toBe(
      'body.levels.I.tasks.0.dueOffsetHours',
    );
    expect(at(content({ I: { tasks: [task('a', { title: '' })] } }))).toBe('body.levels.I.tasks.0.title');
    expect(
      at(
        content({
          IV: {
            norms: [
              { item: 'mask', perResident: 3 },
              { item: 'mask', perResident: 2 },
            ],
          },
        }),
      ),
    ).toBe('body.levels.IV.norms.1.item');
    expect(at(content({ IV: { norms: [{ item: 'mask', perResident: 0 }] } }))).toBe(
      'body.levels.IV.norms.0.perResident',
    );
    expect(at(content({ II: { shelters: [S1, S1] } }))).toBe('body.levels.II.shelters.1');
    expect(at(content({ II: { shelters: ['nope'] } }))).toBe('body.levels.II.shelters.0');
    const p = contentProblem(content({ III: { tasks: [task('a'), task('a')] } }), 'body.levels');
    expect(p?.['zh-CN']).toMatch(/重复/);
  });

  it('groups a level’s tasks by their explicit group, else by role, in the order they first appear', () => {
    const groups = taskGroups({
      tasks: [
        task('a'),
        task('b', { who: { role: 'street_officer', placeLevel: 'street' } }),
        task('c', { group: '转移安置' }),
        task('d'),
        task('e', { group: '转移安置', who: { role: 'street_officer', placeLevel: 'street' } }),
      ],
      norms: [],
      shelters: [],
    });
    expect(groups).toEqual([
      { title: 'community_worker', role: 'community_worker', tasks: ['a', 'd'] },
      { title: 'street_officer', role: 'street_officer', tasks: ['b'] },
      { title: '转移安置', role: null, tasks: ['c', 'e'] },
    ]);
    expect(taskGroups({ tasks: [], norms: [], shelters: [] })).toEqual([]);
  });
});

describe('the diff between two versions', () => {
  const v1 = content({
    II: {
      tasks: [task('patrol'), task('evacuate', { dueOffsetHours: 6 }), task('report')],
      norms: [
        { item: 'water', perResident: 6 },
        { item: 'mask', perResident: 3 },
      ],
      shelters: [S1],
    },
    IV: { tasks: [task('watch')] },
  });
  const v2 = content({
    II: {
      tasks: [
        task('patrol'),
        task('evacuate', { dueOffsetHours: 3, title: '转移低洼地带群众' }),
        task('sandbags', { who: { role: 'street_officer', placeLevel: 'street' } }),
      ],
      norms: [
        { item: 'water', perResident: 9 },
        { item: 'lifejacket', perResident: 0.1 },
      ],
      shelters: [S2],
    },
    IV: { tasks: [task('watch')] },
  });

  it('lists tasks, norms and shelters added, removed and changed per level', () => {
    const d = diffVersions(v1, v2);
    expect(d.II.tasks.added.map((t) => t.key)).toEqual(['sandbags']);
    expect(d.II.tasks.removed.map((t) => t.key)).toEqual(['report']);
    expect(d.II.tasks.changed).toEqual([
      {
        key: 'evacuate',
        before: v1.II.tasks[1],
        after: v2.II.tasks[1],
        fields: ['title', 'dueOffsetHours'],
      },
    ]);
    expect(d.II.norms).toEqual({
      added: [{ item: 'lifejacket', perResident: 0.1 }],
      removed: [{ item: 'mask', perResident: 3 }],
      changed: [{ item: 'water', before: 6, after: 9 }],
    });
    expect(d.II.shelters).toEqual({ added: [S2], removed: [S1] });
    for (const level of ['I', 'III', 'IV'] as const) {
      expect(diffCounts({ ...d, II: d[level] })).toEqual({ added: 0, removed: 0, changed: 0 });
    }
    expect(diffCounts(d)).toEqual({ added: 3, removed: 3, changed: 2 });
  });

  it('is empty against itself, and swapping the versions swaps added and removed', () => {
    expect(diffIsEmpty(diffVersions(v1, v1))).toBe(true);
    expect(diffIsEmpty(diffVersions(v1, v2))).toBe(false);
    const back = diffVersions(v2, v1);
    const forth = diffVersions(v1, v2);
    expect(back.II.tasks.added).toEqual(forth.II.tasks.removed);
    expect(back.II.norms.removed).toEqual(forth.II.norms.added);
    expect(back.II.shelters).toEqual({ added: forth.II.shelters.removed, removed: forth.II.shelters.added });
  });

  it('sees a change of performer or group', () => {
    const a = content({ I: { tasks: [task('x')] } });
    const b = content({
      I: { tasks: [task('x', { group: '信息报送', who: { role: 'street_officer', placeLevel: 'street' } })] },
    });
    expect(diffVersions(a, b).I.tasks.changed[0].fields).toEqual(['group', 'who']);
  });
});

describe('the after-action review', () => {
  it('needs a rating for every objective and an action for each S, M or U', () => {
    const m = missingToClose([
      { id: '1', title: '巡查', rating: 'P', actions: 0 },
      { id: '2', title: 'community_worker', role: 'community_worker', rating: 'M', actions: 0 },
      { id: '3', title: '报送', rating: null, actions: 0 },
      { id: '4', title: '物资', rating: 'U', actions: 1 },
      { id: '5', title: '宣传', rating: 'S', actions: 0 },
    ]);
    expect(m).toEqual({
      unrated: [{ id: '3', title: '报送', role: null }],
      withoutAction: [
        { id: '2', title: 'community_worker', role: 'community_worker', rating: 'M' },
        { id: '5', title: '宣传', role: null, rating: 'S' },
      ],
    });
    expect(isComplete(m)).toBe(false);
    expect(missingText(m).en).toBe(
      'not rated: “报送”; rated S/M/U with no corrective action: “community workers” (M), “宣传” (S)',
    );
    expect(missingText(m)['zh-CN']).toBe(
      '未评级：“报送”；评为 S/M/U 但无纠正措施：“社区工作者”（M）、“宣传”（S）',
    );
    expect(isComplete(missingToClose([{ id: '1', title: 'x', rating: 'S', actions: 2 }]))).toBe(true);
    expect(isComplete(missingToClose([]))).toBe(true);
    expect([null, 'P', 'S', 'M', 'U'].map((r) => needsAction(r as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('loop metrics', () => {
  const DAY = 86_400_000;
  it('counts open, overdue and closed actions, the share closed and the median days to revision', () => {
    const now = 100 * DAY;
    const m = loopMetrics(
      [
        { due: 90 * DAY, reviewedAt: 80 * DAY, closedAt: null }, // open, overdue
        { due: 110 * DAY, reviewedAt: 80 * DAY, closedAt: null }, // open
        { due: 90 * DAY, reviewedAt: 80 * DAY, closedAt: 84 * DAY }, // 4 days
        { due: 90 * DAY, reviewedAt: 80 * DAY, closedAt: 90 * DAY }, // 10 days
      ],
      now,
    );
    expect(m).toEqual({
      actions: 4,
      open: 2,
      overdue: 1,
      closed: 2,
      closedShare: 0.5,
      medianDaysToRevision: 7,
    });
    expect(loopMetrics([], now)).toEqual({
      actions: 0,
      open: 0,
      overdue: 0,
      closed: 0,
      closedShare: null,
      medianDaysToRevision: null,
    });
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('supply norms', () => {
  it('stands at level IV; an activated level adds only what it asks beyond that', () => {
    const c = content({
      I: {
        norms: [
          { item: 'water', perResident: 9 },
          { item: 'mask', perResident: 0.3 },
          { item: 'tent', perResident: 0.25 },
        ],
      },
      IV: {
        norms: [
          { item: 'water', perResident: 3 },
          { item: 'mask', perResident: 0.1 },
          { item: 'food', perResident: 1 },
        ],
      },
    });
    expect(standingNorms(c)).toEqual(c.IV.norms);
    expect(surgeNorms(c.I, standingNorms(c))).toEqual([
      { item: 'water', perResident: 6 },
      { item: 'mask', perResident: 0.2 },
      { item: 'tent', perResident: 0.25 },
    ]);
    expect(surgeNorms(c.IV, standingNorms(c))).toEqual([]);
  });
});

describe('activation', () => {
  it('covers places within the plan’s, each once', () => {
    const plan = ['cq.yz.jd01', 'cq.yz.jd02.sq03'];
    expect(activationProblem(['cq.yz.jd01.sq01', 'cq.yz.jd02.sq03'], plan)).toBeNull();
    expect(activationProblem(['cq.yz.jd01'], plan)).toBeNull();
    expect(activationProblem([], plan)?.field).toBe('body.places');
    expect(activationProblem(['cq.yz.jd01', 'cq.yz.jd01'], plan)?.field).toBe('body.places.1');
    expect(activationProblem(['cq.yz'], plan)?.field).toBe('body.places.0');
    expect(activationProblem(['cq.yz.jd012'], plan)?.field).toBe('body.places.0');
    expect(outermost(['cq.yz.jd01.sq01', 'cq.yz.jd01', 'cq.yz.jd02'])).toEqual(['cq.yz.jd01', 'cq.yz.jd02']);
  });

  it('makes each task an item: its reference names the incident, task and community; due its offset after activation', () => {
    const t = task('evacuate', { dueOffsetHours: 6, title: '转移群众' });
    expect(taskRef('inc', 'evacuate', 'cq.yz.jd01.sq01')).toBe('inc:evacuate:cq.yz.jd01.sq01');
    expect(taskDue(Date.parse('2026-07-01T00:00:00Z'), t)).toBe(Date.parse('2026-07-01T06:00:00Z'));
    expect(taskTitle('防汛预案', 'II', t)).toBe('【防汛预案·II级（重大）响应】转移群众');
  });
});
