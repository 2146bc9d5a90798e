/**
 * The learning loop as people read it: corrective actions, each closed one beside the diff of the
 * revision that closed it (against the version before), and the loop's figures per plan and place.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isWithin } from '@renxing/modules/places';
import { emptyContent } from '../rules/content.js';
import { diffVersions, type VersionDiff } from '../rules/diff.js';
import { type LoopMetrics, loopMetrics } from '../rules/metrics.js';
import { type ActionQuery, actionFacts, type CorrectiveAction, listActions } from '../store/actions.js';
import { previousVersions, versionsById } from '../store/plans.js';
import type { PlansActor } from './plans.js';

export interface ActionWithRevision extends CorrectiveAction {
  overdue: boolean;
  /** For a closed action: the closing version's diff against the version before it (null before: the first). */
  revision: { from: number | null; to: number; diff: VersionDiff } | null;
}

/** Corrective actions of incidents reaching the caller (of a plan, of an incident, open, closed or overdue). */
export async function listCorrectiveActions(
  db: Db,
  q: Omit<ActionQuery, 'scope' | 'now'>,
  actor: PlansActor,
): Promise<ActionWithRevision[]> {
  const actions = await listActions(db, { ...q, scope: actor.scope, now: actor.now });
  const closing = [...new Set(actions.flatMap((a) => (a.closedBy ? [a.closedBy.versionId] : [])))];
  const versions = new Map((await versionsById(db, closing)).map((v) => [v.id, v]));
  const previous = await previousVersions(db, [...versions.keys()]);
  return actions.map((a) => {
    const closedBy = a.closedBy && versions.get(a.closedBy.versionId);
    const prev = closedBy ? previous.get(closedBy.id) : undefined;
    return {
      ...a,
      overdue: a.closedAt === null && a.due.getTime() < actor.now.getTime(),
      revision: closedBy
        ? {
            from: prev?.number ?? null,
            to: closedBy.number,
            diff: diffVersions(prev?.levels ?? emptyContent(), closedBy.levels),
          }
        : null,
    };
  });
}

export interface LoopFigures {
  total: LoopMetrics;
  byPlan: (LoopMetrics & { plan: { id: string; title: string } })[];
  /** By the places incidents were activated for (an action counts at each place of its incident). */
  byPlace: (LoopMetrics & { place: { path: string; name: string } })[];
}

/**
 * The loop's figures over the corrective actions of incidents reaching the caller (of one plan,
 * of incidents at or under one place): open, overdue, the share closed by a revision, and the
 * median days from review to revision — in all, per plan and per place.
 */
export async function getLoopMetrics(
  db: Db,
  q: { planId?: string; under?: string },
  actor: PlansActor,
): Promise<LoopFigures> {
  if (q.under !== undefined && !isWithin(q.under, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const facts = await actionFacts(db, { scope: actor.scope, planId: q.planId, under: q.under });
  const now = actor.now.getTime();
  const metrics = (rows: typeof facts) =>
    loopMetrics(
      rows.map((r) => ({
        due: r.due.getTime(),
        reviewedAt: r.reviewedAt.getTime(),
        closedAt: r.closedAt?.getTime() ?? null,
      })),
      now,
    );
  const plans = new Map<string, { plan: { id: string; title: string }; rows: typeof facts }>();
  const places = new Map<string, { place: { path: string; name: string }; rows: typeof facts }>();
  for (const f of facts) {
    const p = plans.get(f.planId) ?? { plan: { id: f.planId, title: f.planTitle }, rows: [] };
    p.rows.push(f);
    plans.set(f.planId, p);
    for (const place of f.places) {
      const g = places.get(place.path) ?? { place, rows: [] };
      g.rows.push(f);
      places.set(place.path, g);
    }
  }
  return {
    total: metrics(facts),
    byPlan: [...plans.values()]
      .map((p) => ({ plan: p.plan, ...metrics(p.rows) }))
      .sort((a, b) => a.plan.title.localeCompare(b.plan.title) || a.plan.id.localeCompare(b.plan.id)),
    byPlace: [...places.values()]
      .map((p) => ({ place: p.place, ...metrics(p.rows) }))
      .sort((a, b) => (a.place.path < b.place.path ? -1 : a.place.path > b.place.path ? 1 : 0)),
  };
}
