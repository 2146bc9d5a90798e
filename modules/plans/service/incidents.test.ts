import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { listAudit } from '@renxing/modules/audit';
import { listItems } from '@renxing/modules/inbox';
import { shelterById } from '@renxing/modules/shelters';
import { supplyGaps } from '@renxing/modules/supplies';
import { expect, it } from 'vitest';
import { TASK_ORIGIN } from '../rules/activation.js';
import { listIncidents } from '../store/incidents.js';
import { getLoopMetrics, listCorrectiveActions } from './actions.js';
import { activatePlan, closeIncident, getIncident } from './incidents.js';
import { createPlan, publishPlanVersion } from './plans.js';
import { submitAfterActionReview } from './review.js';
import {
  floodLevels,
  RESIDENTS,
  SQ1,
  SQ2,
  SQ3,
  SQ9,
  STREET,
  shelterAt,
  type TestCity,
  task,
  testCity,
} from './test-support.js';

const NOW = new Date('2026-07-01T02:00:00Z'); // 10:00 in the city
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** The street's flood plan, version 1 published. */
async function floodPlan(db: Db, city: TestCity) {
  const street = city.as(city.street, STREET, NOW);
  const plan = await createPlan(db, { title: '防汛应急预案', hazard: 'flood' }, street);
  await publishPlanVersion(db, plan.id, { levels: floodLevels(), changeNote: '' }, street);
  return plan;
}

/** The open plan items of a community, by task key. */
async function taskItems(db: Db, community: string, now: Date) {
  const { items } = await listItems(db, { scope: community, now, origin: TASK_ORIGIN, limit: 200 });
  return items;
}

forEachDatabase(
  'incidents and the learning loop',
  (t) => {
    it('activation raises each task of the level in every community covered, due its offset; the street and district see it at once', async () => {
      const city = await testCity(t.db);
      const plan = await floodPlan(t.db, city);
      const street = city.as(city.street, STREET, NOW);
      const { incident, items } = await activatePlan(
        t.db,
        plan.id,
        { level: 'II', places: [STREET] },
        street,
      );
      expect(items).toEqual({ raised: 6, tasks: 3, communities: 2 });
      expect(incident.incident).toMatchObject({ level: 'II', state: 'open', version: { number: 1 } });
      for (const community of [SQ1, SQ2]) {
        const list = await taskItems(t.db, community, NOW);
        expect(list.map((i) => i.detail.task).sort()).toEqual(['evacuate', 'patrol', 'report']);
        const evacuate = list.find((i) => i.detail.task === 'evacuate')!;
        expect(evacuate).toMatchObject({
          placePath: community,
          origin: 'plans.task',
          originRef: `${incident.incident.id}:evacuate:${community}`,
          title: '【防汛应急预案·II级（重大）响应】转移低洼地带群众',
          priority: 'urgent',
          subject: null,
          detail: {
            incident: incident.incident.id,
            plan: plan.id,
            version: 1,
            level: 'II',
            task: 'evacuate',
            who: { role: 'community_worker', placeLevel: 'community' },
          },
        });
        expect(evacuate.due).toEqual(at(6 * HOUR));
      }
      expect(await taskItems(t.db, SQ3, NOW)).toEqual([]);
      // One objective per task group of the level: community workers' tasks, the street officer's.
      expect(incident.objectives.map((o) => [o.title, o.role, o.tasks, o.rating])).toEqual([
        ['community_worker', 'community_worker', ['patrol', 'evacuate'], null],
        ['street_officer', 'street_officer', ['report'], null],
      ]);
      expect(incident.events.map((e) => e.kind)).toEqual(['activated', 'items_raised', 'supply_gaps']);
      // At, under and above its places: seen; elsewhere: not.
      for (const scope of ['cq', 'cq.yz', STREET, SQ1, `${SQ2}.wg01`])
        expect((await listIncidents(t.db, scope)).map((i) => i.id)).toEqual([incident.incident.id]);
      for (const scope of [SQ3, 'cq.jb']) expect(await listIncidents(t.db, scope)).toEqual([]);
      await expect(getIncident(t.db, incident.incident.id, SQ3)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      const audit = await listAudit(t.db, { action: 'plans.incident.activate' });
      expect(audit).toHaveLength(1);
    });

    it('the plan’s level IV norms stand; an activation adds its level’s, notes the gaps and opens its shelters under its places; closing clears its norms', async () => {
      const city = await testCity(t.db);
      const street = city.as(city.street, STREET, NOW);
      const here = await shelterAt(t.db, SQ1, '较场口小学', city.admin);
      const there = await shelterAt(t.db, SQ3, '朝天门广场', city.admin);
      const plan = await createPlan(t.db, { title: '防汛应急预案', hazard: 'flood' }, street);
      const levels = floodLevels();
      levels.II.shelters = [here, there];
      // A norm the catalogue does not hold is refused, naming it.
      const unknown = floodLevels();
      unknown.I.norms = [{ item: 'sandbag', perResident: 1 }];
      await expect(
        publishPlanVersion(t.db, plan.id, { levels: unknown, changeNote: '' }, street),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.levels.I.norms.0.item' });
      await publishPlanVersion(t.db, plan.id, { levels, changeNote: '' }, street);
      const water = async (at: Date) => {
        const { rows } = await supplyGaps(t.db, { under: SQ1, horizon: at, item: 'water' });
        return rows.find((r) => r.path === SQ1 && r.item === 'water')?.requirement;
      };
      // Standing: level IV, 3 L a resident.
      expect(await water(NOW)).toBe(3 * RESIDENTS);

      const { incident } = await activatePlan(t.db, plan.id, { level: 'II', places: [STREET] }, street);
      // While it runs: the level's 9 L a resident, not 9 + 3.
      expect(await water(NOW)).toBe(9 * RESIDENTS);
      const gaps = incident.events.find((e) => e.kind === 'supply_gaps')!.detail;
      expect(gaps.surge).toEqual([
        { item: 'water', perResident: 6 },
        { item: 'lifejacket', perResident: 0.1 },
      ]);
      expect(gaps.gaps).toEqual([
        {
          place: STREET,
          item: 'water',
          requirement: 9 * RESIDENTS,
          stock: 0,
          gapsBelow: 9 * RESIDENTS,
          gap: 9 * RESIDENTS,
          communitiesShort: 1,
        },
        {
          place: STREET,
          item: 'lifejacket',
          requirement: 1,
          stock: 0,
          gapsBelow: 1,
          gap: 1,
          communitiesShort: 1,
        },
      ]);
      // The shelter under the street opens; the one elsewhere does not.
      const shelters = incident.events.find((e) => e.kind === 'shelters_opened')!.detail;
      expect(shelters).toMatchObject({ asked: [here], outside: [there], opened: 1 });
      expect((await shelterById(t.db, here))?.state).toBe('open');
      expect((await shelterById(t.db, there))?.state).toBe('closed');

      const [community, officer] = incident.objectives;
      await submitAfterActionReview(
        t.db,
        incident.incident.id,
        {
          objectives: [
            { id: community.id, rating: 'P' },
            { id: officer.id, rating: 'P' },
          ],
        },
        street,
      );
      await closeIncident(t.db, incident.incident.id, street);
      expect(await water(NOW)).toBe(3 * RESIDENTS);
    });

    it('a community worker activates the plan for their own community alone, before any order; the street and district see it', async () => {
      const city = await testCity(t.db);
      const plan = await floodPlan(t.db, city);
      const worker = city.as(city.worker, SQ1, NOW);
      // Not the street, not the neighbour: out of their reach.
      await expect(
        activatePlan(t.db, plan.id, { level: 'II', places: [STREET] }, worker),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      await expect(activatePlan(t.db, plan.id, { level: 'II', places: [SQ2] }, worker)).rejects.toMatchObject(
        {
          code: 'RX_NOT_FOUND',
        },
      );
      const { incident, items } = await activatePlan(t.db, plan.id, { level: 'IV', places: [SQ1] }, worker);
      expect(items).toEqual({ raised: 1, tasks: 1, communities: 1 });
      expect((await taskItems(t.db, SQ1, NOW)).map((i) => i.detail.task)).toEqual(['watch']);
      expect(await taskItems(t.db, SQ2, NOW)).toEqual([]);
      for (const scope of [STREET, 'cq.yz']) {
        expect((await listIncidents(t.db, scope)).map((i) => i.id)).toEqual([incident.incident.id]);
      }
      expect(await listIncidents(t.db, SQ2)).toEqual([]);
      expect(incident.writable).toBe(true);
      // The street may act on it too (its place lies within the street); the neighbour does not see it.
      expect((await getIncident(t.db, incident.incident.id, STREET)).writable).toBe(true);
      await expect(
        closeIncident(t.db, incident.incident.id, city.as(city.worker2, SQ2, NOW)),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
    });

    it('activation refuses a place outside the plan’s, a plan with no published version, and is not found out of reach', async () => {
      const city = await testCity(t.db);
      const district = city.as(city.district, 'cq.yz', NOW);
      const plan = await floodPlan(t.db, city);
      await expect(
        activatePlan(t.db, plan.id, { level: 'II', places: [SQ3] }, district),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.places.0' });
      await expect(
        activatePlan(t.db, plan.id, { level: 'II', places: [`${STREET}.sq77`] }, district),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PLACE' });
      const draft = await createPlan(t.db, { title: '地震预案', hazard: 'earthquake' }, district);
      await expect(
        activatePlan(t.db, draft.id, { level: 'I', places: ['cq.yz'] }, district),
      ).rejects.toMatchObject({ code: 'RX_PLAN_UNPUBLISHED' });
      const jb = await createPlan(
        t.db,
        { title: '江北防汛', hazard: 'flood', owner: 'cq.jb' },
        city.as(city.admin, 'cq', NOW),
      );
      await expect(activatePlan(t.db, jb.id, { level: 'II', places: [SQ9] }, district)).rejects.toMatchObject(
        { code: 'RX_NOT_FOUND' },
      );
      // An activation over a grid raises the tasks in its community.
      const { items } = await activatePlan(t.db, plan.id, { level: 'IV', places: [`${SQ2}.wg01`] }, district);
      expect(items).toEqual({ raised: 1, tasks: 1, communities: 1 });
      expect((await taskItems(t.db, SQ2, NOW)).map((i) => i.detail.task)).toEqual(['watch']);
    });

    it('the loop: an M objective without an action cannot close; a revision closes the action and the next activation has the revised tasks only', async () => {
      const city = await testCity(t.db);
      const plan = await floodPlan(t.db, city);
      const street = city.as(city.street, STREET, NOW);
      const first = await activatePlan(t.db, plan.id, { level: 'II', places: [STREET] }, street);
      const id = first.incident.incident.id;
      const [community, officer] = first.incident.objectives;

      // Nothing rated: closing is refused, naming both objectives.
      const refused = await closeIncident(t.db, id, city.as(city.street, STREET, at(DAY))).catch((e) => e);
      expect(refused).toMatchObject({ code: 'RX_INCIDENT_INCOMPLETE', status: 422 });
      expect(refused.text('en')).toContain('not rated: “community workers”, “street officers”');

      // Rated: community workers M (no action yet), the street officer P. Still refused, naming the M.
      const later = city.as(city.street, STREET, at(2 * DAY));
      const reviewed = await submitAfterActionReview(
        t.db,
        id,
        {
          objectives: [
            { id: community.id, rating: 'M', note: '转移迟缓，名单不全' },
            { id: officer.id, rating: 'P' },
          ],
        },
        later,
      );
      expect(reviewed.missing).toEqual({
        unrated: [],
        withoutAction: [
          { id: community.id, title: 'community_worker', role: 'community_worker', rating: 'M' },
        ],
      });
      const again = await closeIncident(t.db, id, later).catch((e) => e);
      expect(again).toMatchObject({ code: 'RX_INCIDENT_INCOMPLETE' });
      expect(again.text('zh-CN')).toBe(
        '事后评估尚未完成，事件不能关闭：评为 S/M/U 但无纠正措施：“社区工作者”（M）',
      );
      expect((await getIncident(t.db, id, STREET)).incident.state).toBe('open');

      // A corrective action for the M objective: now it closes.
      const withAction = await submitAfterActionReview(
        t.db,
        id,
        {
          objectives: [
            {
              id: community.id,
              actions: [
                {
                  title: '转移提前到 3 小时内，取消街道上报环节',
                  owner: city.street,
                  due: at(30 * DAY),
                  element: 'planning',
                },
              ],
            },
          ],
        },
        later,
      );
      expect(withAction.actions).toHaveLength(1);
      const action = withAction.actions[0];
      expect(action).toMatchObject({ element: 'planning', closedBy: null, objective: { rating: 'M' } });
      const closed = await closeIncident(t.db, id, later);
      expect(closed.incident.state).toBe('closed');
      await expect(closeIncident(t.db, id, later)).rejects.toMatchObject({ code: 'RX_INCIDENT_CLOSED' });
      await expect(
        submitAfterActionReview(t.db, id, { objectives: [{ id: officer.id, rating: 'S' }] }, later),
      ).rejects.toMatchObject({ code: 'RX_INCIDENT_CLOSED' });

      // The revision: removes `report`, changes `evacuate`, adds `sandbags`; its note names the action.
      const revised = floodLevels();
      revised.II.tasks = [
        revised.II.tasks[0],
        { ...revised.II.tasks[1], dueOffsetHours: 3 },
        task('sandbags', { title: '发放沙袋' }),
      ];
      const revisedAt = city.as(city.street, STREET, at(9 * DAY));
      const v2 = await publishPlanVersion(
        t.db,
        plan.id,
        { levels: revised, changeNote: `落实纠正措施 ${action.id}：转移提前，取消上报`, closes: [action.id] },
        revisedAt,
      );
      expect(v2.closed).toEqual([action.id]);
      const [listed] = await listCorrectiveActions(t.db, { incidentId: id }, revisedAt);
      expect(listed).toMatchObject({
        id: action.id,
        closedBy: { number: 2, changeNote: expect.stringContaining(action.id) },
        closedAt: at(9 * DAY),
        overdue: false,
        revision: { from: 1, to: 2 },
      });
      expect(listed.revision?.diff.II.tasks.removed.map((x) => x.key)).toEqual(['report']);
      expect(listed.revision?.diff.II.tasks.added.map((x) => x.key)).toEqual(['sandbags']);
      expect(listed.revision?.diff.II.tasks.changed.map((x) => x.key)).toEqual(['evacuate']);
      // Closed once: naming it again is refused.
      await expect(
        publishPlanVersion(
          t.db,
          plan.id,
          { levels: revised, changeNote: '再次', closes: [action.id] },
          revisedAt,
        ),
      ).rejects.toMatchObject({ code: 'RX_ACTION_CLOSED' });
      expect((await getIncident(t.db, id, STREET)).events.map((e) => e.kind)).toEqual([
        'activated',
        'items_raised',
        'supply_gaps',
        'review',
        'actions_added',
        'closed',
        'action_closed',
      ]);

      // The next activation uses version 2: the revised tasks, none that it removed.
      const next = await activatePlan(
        t.db,
        plan.id,
        { level: 'II', places: [SQ1] },
        city.as(city.street, STREET, at(10 * DAY)),
      );
      expect(next.incident.incident.version.number).toBe(2);
      const nextItems = (await taskItems(t.db, SQ1, at(10 * DAY))).filter(
        (i) => i.detail.incident === next.incident.incident.id,
      );
      expect(nextItems.map((i) => i.detail.task).sort()).toEqual(['evacuate', 'patrol', 'sandbags']);
      expect(nextItems.find((i) => i.detail.task === 'evacuate')?.due).toEqual(at(10 * DAY + 3 * HOUR));
      expect(next.incident.objectives.map((o) => o.tasks)).toEqual([['patrol', 'evacuate', 'sandbags']]);
    });

    it('reviewers add objectives; an unknown objective, a second objective id and title, or an unknown owner is refused', async () => {
      const city = await testCity(t.db);
      const plan = await floodPlan(t.db, city);
      const street = city.as(city.street, STREET, NOW);
      const { incident } = await activatePlan(t.db, plan.id, { level: 'IV', places: [SQ1] }, street);
      const id = incident.incident.id;
      const [watch] = incident.objectives;
      const view = await submitAfterActionReview(
        t.db,
        id,
        {
          objectives: [
            { id: watch.id, rating: 'P' },
            {
              title: '群众自救互救',
              rating: 'U',
              actions: [
                { title: '开展防汛演练', owner: city.worker, due: at(60 * DAY), element: 'exercise' },
              ],
            },
          ],
        },
        street,
      );
      expect(view.objectives.map((o) => [o.title, o.source, o.rating, o.actions])).toEqual([
        ['community_worker', 'plan', 'P', 0],
        ['群众自救互救', 'reviewers', 'U', 1],
      ]);
      expect(view.missing).toEqual({ unrated: [], withoutAction: [] });
      const other = await activatePlan(t.db, plan.id, { level: 'IV', places: [SQ2] }, street);
      await expect(
        submitAfterActionReview(
          t.db,
          id,
          { objectives: [{ id: other.incident.objectives[0].id, rating: 'P' }] },
          street,
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.objectives.0.id' });
      await expect(
        submitAfterActionReview(
          t.db,
          id,
          { objectives: [{ id: watch.id, title: 'x', rating: 'P' }] },
          street,
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.objectives.0' });
      await expect(
        submitAfterActionReview(
          t.db,
          id,
          {
            objectives: [
              {
                id: watch.id,
                actions: [
                  {
                    title: 'x',
                    owner: '00000000-0000-4000-8000-000000000000',
                    due: at(DAY),
                    element: 'training',
                  },
                ],
              },
            ],
          },
          street,
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.objectives.0.actions.0.owner' });
      // An action of another plan cannot be closed by this one.
      const fire = await createPlan(t.db, { title: '消防预案', hazard: 'fire' }, street);
      const action = view.actions[0].id;
      await expect(
        publishPlanVersion(
          t.db,
          fire.id,
          { levels: floodLevels(), changeNote: 'x', closes: [action] },
          street,
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.closes.0' });
    });

    it('loop metrics per plan and place: open, overdue, the share closed by a revision, median days to revision', async () => {
      const city = await testCity(t.db);
      const plan = await floodPlan(t.db, city);
      const street = city.as(city.street, STREET, NOW);
      const review = async (place: string, dues: number[]) => {
        const { incident } = await activatePlan(t.db, plan.id, { level: 'IV', places: [place] }, street);
        const view = await submitAfterActionReview(
          t.db,
          incident.incident.id,
          {
            objectives: [
              {
                id: incident.objectives[0].id,
                rating: 'S',
                actions: dues.map((d, k) => ({
                  title: `措施 ${k}`,
                  owner: city.worker,
                  due: at(d * DAY),
                  element: 'training' as const,
                })),
              },
            ],
          },
          street,
        );
        return view.actions.map((a) => a.id);
      };
      const a1 = await review(SQ1, [5, 30]);
      const a2 = await review(SQ2, [5, 30]);
      // Day 4: a revision closes one action of each; day 8: another closes the second of SQ1's.
      await publishPlanVersion(
        t.db,
        plan.id,
        { levels: floodLevels(), changeNote: '修订一', closes: [a1[0], a2[0]] },
        city.as(city.street, STREET, at(4 * DAY)),
      );
      await publishPlanVersion(
        t.db,
        plan.id,
        { levels: floodLevels(), changeNote: '修订二', closes: [a1[1]] },
        city.as(city.street, STREET, at(8 * DAY)),
      );
      const m = await getLoopMetrics(t.db, {}, city.as(city.district, 'cq.yz', at(10 * DAY)));
      // Four actions; three closed (4, 4 and 8 days after review); a2[1] open, due day 30: not overdue.
      expect(m.total).toEqual({
        actions: 4,
        open: 1,
        overdue: 0,
        closed: 3,
        closedShare: 0.75,
        medianDaysToRevision: 4,
      });
      expect(m.byPlan).toEqual([{ plan: { id: plan.id, title: '防汛应急预案' }, ...m.total }]);
      expect(
        m.byPlace.map((p) => [p.place.path, p.actions, p.open, p.closedShare, p.medianDaysToRevision]),
      ).toEqual([
        [SQ1, 2, 0, 1, 6],
        [SQ2, 2, 1, 0.5, 4],
      ]);
      const late = await getLoopMetrics(t.db, { under: SQ2 }, city.as(city.district, 'cq.yz', at(40 * DAY)));
      expect(late.total).toMatchObject({ actions: 2, open: 1, overdue: 1 });
      // A community sees its own incidents' actions only.
      const own = await getLoopMetrics(t.db, {}, city.as(city.worker, SQ1, at(10 * DAY)));
      expect(own.total.actions).toBe(2);
      await expect(
        getLoopMetrics(t.db, { under: SQ2 }, city.as(city.worker, SQ1, at(10 * DAY))),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      const overdue = await listCorrectiveActions(
        t.db,
        { state: 'overdue' },
        city.as(city.district, 'cq.yz', at(40 * DAY)),
      );
      expect(overdue.map((a) => a.id)).toEqual([a2[1]]);
    });
  },
  { migrate: true },
);
