/**
 * The after-action review of an open incident: ratings of its objectives (P, S, M, U), objectives
 * the reviewers add, and corrective actions (owner, due date, capability element). A review may be
 * submitted in parts; closing checks that it is complete. One transaction with its audit row.
 */
import { invalid } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import type { Element, Rating } from '../rules/review.js';
import { insertActions, type NewAction, usersExist } from '../store/actions.js';
import { insertEvent, insertObjectives, objectivesOf, rateObjective } from '../store/incidents.js';
import { getIncident, type IncidentView, writableIncident } from './incidents.js';
import type { PlansActor } from './plans.js';

export interface ActionInput {
  title: string;
  /** The user who owns it. */
  owner: string;
  due: Date;
  element: Element;
}

/** An objective of the incident (by id), or a new one the reviewers add (by title). */
export interface ObjectiveReview {
  id?: string;
  title?: string;
  rating?: Rating;
  note?: string | null;
  actions?: ActionInput[];
}

export interface ReviewInput {
  objectives: ObjectiveReview[];
}

/**
 * Records a review of an open incident the caller may act on: each entry rates an objective of
 * the incident (by id) or adds one (by title), with a note and corrective actions. Ratings replace
 * earlier ones; actions add to those recorded. Audited as `plans.review.submit`.
 */
export async function submitAfterActionReview(
  db: Db,
  incidentId: string,
  input: ReviewInput,
  actor: PlansActor,
): Promise<IncidentView> {
  // Input checks that need no database.
  for (const [i, o] of input.objectives.entries()) {
    const f = `body.objectives.${i}`;
    if ((o.id === undefined) === (o.title === undefined))
      throw invalid(f, {
        en: "give an objective's id, or a title for a new one",
        'zh-CN': '请给出目标编号，或为新增目标填写名称',
      });
    if (o.title !== undefined && (o.title.trim().length < 1 || o.title.trim().length > 200))
      throw invalid(`${f}.title`, {
        en: 'a title needs 1 to 200 characters',
        'zh-CN': '目标名称须为 1 至 200 个字符',
      });
    for (const [j, a] of (o.actions ?? []).entries()) {
      const t = a.title.trim();
      if (t.length < 1 || t.length > 200)
        throw invalid(`${f}.actions.${j}.title`, {
          en: 'a title needs 1 to 200 characters',
          'zh-CN': '措施名称须为 1 至 200 个字符',
        });
      if (Number.isNaN(a.due.getTime()))
        throw invalid(`${f}.actions.${j}.due`, { en: 'not a date', 'zh-CN': '不是日期' });
    }
  }
  const owners = [...new Set(input.objectives.flatMap((o) => (o.actions ?? []).map((a) => a.owner)))];
  const known = await usersExist(db, owners);
  for (const [i, o] of input.objectives.entries()) {
    for (const [j, a] of (o.actions ?? []).entries()) {
      if (!known.has(a.owner))
        throw invalid(`body.objectives.${i}.actions.${j}.owner`, {
          en: 'no such user',
          'zh-CN': '没有这个用户',
        });
    }
  }

  await db.transaction(async (tx) => {
    const incident = await writableIncident(tx, incidentId, actor);
    const existing = new Map((await objectivesOf(tx, incidentId)).map((o) => [o.id, o]));
    for (const [i, o] of input.objectives.entries()) {
      if (o.id !== undefined && !existing.has(o.id.toLowerCase()))
        throw invalid(`body.objectives.${i}.id`, {
          en: 'not an objective of this incident',
          'zh-CN': '不是本事件的目标',
        });
    }
    const added = input.objectives.filter((o) => o.id === undefined);
    const addedIds = await insertObjectives(
      tx,
      incidentId,
      added.map((o) => ({ title: o.title!.trim(), role: null, source: 'reviewers' as const, tasks: [] })),
    );
    const idOf = new Map(added.map((o, k) => [o, addedIds[k]]));
    const rated: { objective: string; title: string; role: string | null; rating: Rating }[] = [];
    const actions: NewAction[] = [];
    for (const o of input.objectives) {
      const id = o.id?.toLowerCase() ?? idOf.get(o)!;
      const title = o.title?.trim() ?? existing.get(id)!.title;
      if (o.rating !== undefined) {
        await rateObjective(tx, {
          id,
          rating: o.rating,
          note: o.note?.trim() || null,
          by: actor.userId,
          at: actor.now,
        });
        rated.push({ objective: id, title, role: existing.get(id)?.role ?? null, rating: o.rating });
      }
      for (const a of o.actions ?? []) {
        actions.push({
          incidentId,
          objectiveId: id,
          planId: incident.plan.id,
          title: a.title.trim(),
          ownerId: a.owner,
          due: a.due,
          element: a.element,
          createdBy: actor.userId,
          reviewedAt: actor.now,
        });
      }
    }
    const actionIds = await insertActions(tx, actions);
    const event = (kind: 'review' | 'actions_added', detail: Record<string, unknown>) =>
      insertEvent(tx, { incidentId, at: actor.now, kind, actor: actor.userId, detail });
    if (rated.length + added.length > 0)
      await event('review', { rated, added: added.map((o) => o.title!.trim()) });
    if (actions.length > 0) {
      await event('actions_added', {
        actions: actions.map((a, k) => ({
          id: actionIds[k],
          title: a.title,
          owner: a.ownerId,
          due: a.due.toISOString(),
          element: a.element,
        })),
      });
    }
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.review.submit',
      subjectType: 'incident',
      subjectId: incidentId,
      detail: { rated: rated.map((r) => [r.objective, r.rating]), added: added.length, actions: actionIds },
    });
  });
  return getIncident(db, incidentId, actor.scope);
}
