import { forEachDatabase } from '@renxing/db/testing';
import { listAudit } from '@renxing/modules/audit';
import { expect, it } from 'vitest';
import { listPlans } from '../store/plans.js';
import { createPlan, diffPlanVersions, getPlan, publishPlanVersion, savePlanDraft } from './plans.js';
import { floodLevels, SQ1, SQ3, SQ9, STREET, task, testCity } from './test-support.js';

const NOW = new Date('2026-07-01T02:00:00Z');

forEachDatabase(
  'plans and versions',
  (t) => {
    it('a plan is owned by a place within the caller’s and covers places within its owner', async () => {
      const city = await testCity(t.db);
      const street = city.as(city.street, STREET, NOW);
      const plan = await createPlan(t.db, { title: ' 防汛应急预案 ', hazard: 'flood' }, street);
      expect(plan).toMatchObject({
        title: '防汛应急预案',
        hazard: 'flood',
        owner: { path: STREET, name: '解放碑街道' },
        places: [{ path: STREET, name: '解放碑街道' }],
        latest: null,
        draftSavedAt: null,
      });
      // A place outside the caller's reads as not found; one outside the owner is refused by field.
      await expect(
        createPlan(t.db, { title: 'x', hazard: 'fire', owner: 'cq.yz' }, street),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      await expect(
        createPlan(t.db, { title: 'x', hazard: 'fire', owner: SQ1, places: [STREET] }, street),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.places.0' });
      await expect(
        createPlan(t.db, { title: 'x', hazard: 'fire', places: [`${STREET}.sq77`] }, street),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PLACE' });
      // The plan reaches places at, under and above its own: the community and the district see it, another street not.
      const seen = async (scope: string) => (await listPlans(t.db, scope)).map((p) => p.id);
      expect(await seen(SQ1)).toEqual([plan.id]);
      expect(await seen('cq.yz')).toEqual([plan.id]);
      expect(await seen(SQ3)).toEqual([]);
      expect(await seen(SQ9)).toEqual([]);
    });

    it('publishing freezes a version: numbered in order, never changed, the draft gone; a revision needs a change note', async () => {
      const city = await testCity(t.db);
      const street = city.as(city.street, STREET, NOW);
      const plan = await createPlan(t.db, { title: '防汛应急预案', hazard: 'flood' }, street);
      const draft = await savePlanDraft(t.db, plan.id, floodLevels(), street);
      expect(draft.levels.II.tasks.map((x) => x.key)).toEqual(['patrol', 'evacuate', 'report']);
      expect((await getPlan(t.db, plan.id, STREET)).draft?.savedAt).toEqual(NOW);

      const v1 = await publishPlanVersion(t.db, plan.id, { levels: floodLevels(), changeNote: '' }, street);
      expect(v1).toMatchObject({
        version: { number: 1, changeNote: '', closes: [] },
        closed: [],
        diff: null,
      });
      const view = await getPlan(t.db, plan.id, STREET);
      expect(view).toMatchObject({ draft: null, editable: true, plan: { latest: { number: 1 } } });
      expect(view.version?.levels).toEqual(floodLevels());

      // A revision without a note is refused; with one it is version 2.
      const levels = floodLevels();
      levels.II.tasks = levels.II.tasks.filter((x) => x.key !== 'report');
      await expect(
        publishPlanVersion(t.db, plan.id, { levels, changeNote: '  ' }, street),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.changeNote' });
      const v2 = await publishPlanVersion(t.db, plan.id, { levels, changeNote: '灾情改由街道直报' }, street);
      expect(v2.version.number).toBe(2);
      expect(v2.diff?.II.tasks.removed.map((x) => x.key)).toEqual(['report']);

      // The database itself refuses to change or delete a published version.
      await expect(
        t.db.query("UPDATE plan_versions SET change_note = 'changed' WHERE id = $1", [v1.version.id]),
      ).rejects.toThrow(/never changes/);
      await expect(t.db.query('DELETE FROM plan_versions WHERE id = $1', [v1.version.id])).rejects.toThrow(
        /never changes/,
      );
      expect((await getPlan(t.db, plan.id, STREET, 1)).version?.levels).toEqual(floodLevels());

      const audit = await listAudit(t.db, { limit: 50 });
      expect(audit.map((r) => r.action).filter((a) => a.startsWith('plans.'))).toEqual(
        expect.arrayContaining(['plans.plan.create', 'plans.draft.save', 'plans.version.publish']),
      );
    });

    it('the diff between any two versions, either way; a version out of reach or missing is not found', async () => {
      const city = await testCity(t.db);
      const street = city.as(city.street, STREET, NOW);
      const plan = await createPlan(t.db, { title: '防汛应急预案', hazard: 'flood' }, street);
      const l1 = floodLevels();
      await publishPlanVersion(t.db, plan.id, { levels: l1, changeNote: '' }, street);
      const l2 = floodLevels();
      l2.II.tasks[1] = { ...l2.II.tasks[1], dueOffsetHours: 3 };
      l2.II.norms[0] = { item: 'water', perResident: 12 };
      await publishPlanVersion(t.db, plan.id, { levels: l2, changeNote: '转移提前' }, street);
      const l3 = floodLevels();
      l3.I.tasks = [task('dike', { title: '抢险加固堤防' })];
      await publishPlanVersion(t.db, plan.id, { levels: l3, changeNote: '增加 I 级任务' }, street);

      const d13 = await diffPlanVersions(t.db, plan.id, { from: 1, to: 3 }, STREET);
      expect(d13.from.number).toBe(1);
      expect(d13.diff.I.tasks.added.map((x) => x.key)).toEqual(['dike']);
      expect(d13.diff.II.tasks.changed).toEqual([]);
      const d12 = await diffPlanVersions(t.db, plan.id, { from: 1, to: 2 }, SQ1);
      expect(d12.diff.II.tasks.changed.map((c) => [c.key, c.fields])).toEqual([
        ['evacuate', ['dueOffsetHours']],
      ]);
      expect(d12.diff.II.norms.changed).toEqual([{ item: 'water', before: 9, after: 12 }]);
      const d31 = await diffPlanVersions(t.db, plan.id, { from: 3, to: 1 }, STREET);
      expect(d31.diff.I.tasks.removed.map((x) => x.key)).toEqual(['dike']);
      await expect(diffPlanVersions(t.db, plan.id, { from: 1, to: 4 }, STREET)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(diffPlanVersions(t.db, plan.id, { from: 1, to: 2 }, SQ9)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
    });

    it('only the owner’s place and those above it edit a plan; places under it read it', async () => {
      const city = await testCity(t.db);
      const plan = await createPlan(
        t.db,
        { title: '防汛应急预案', hazard: 'flood' },
        city.as(city.street, STREET, NOW),
      );
      const worker = city.as(city.worker, SQ1, NOW);
      await expect(savePlanDraft(t.db, plan.id, floodLevels(), worker)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(
        publishPlanVersion(t.db, plan.id, { levels: floodLevels(), changeNote: '' }, worker),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      expect((await getPlan(t.db, plan.id, SQ1)).editable).toBe(false);
      const district = city.as(city.district, 'cq.yz', NOW);
      await publishPlanVersion(t.db, plan.id, { levels: floodLevels(), changeNote: '' }, district);
      expect((await getPlan(t.db, plan.id, 'cq.yz')).editable).toBe(true);
      await expect(getPlan(t.db, plan.id, SQ3)).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      // A malformed version is refused naming the field.
      const bad = floodLevels();
      bad.II.tasks.push(task('patrol'));
      await expect(
        publishPlanVersion(t.db, plan.id, { levels: bad, changeNote: 'x' }, district),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.levels.II.tasks.3.key' });
    });

    it('two publications at once get versions 1 and 2', async () => {
      const city = await testCity(t.db);
      const street = city.as(city.street, STREET, NOW);
      const plan = await createPlan(t.db, { title: '防汛应急预案', hazard: 'flood' }, street);
      const [a, b] = await Promise.all([
        publishPlanVersion(t.db, plan.id, { levels: floodLevels(), changeNote: '甲' }, street),
        publishPlanVersion(t.db, plan.id, { levels: floodLevels(), changeNote: '乙' }, street),
      ]);
      expect([a.version.number, b.version.number].sort()).toEqual([1, 2]);
    });
  },
  { migrate: true },
);
