/**
 * Incidents: activating a plan's newest published version at a level over places (inbox items for
 * every task in every community covered, the supply gaps of its norms, its shelters opened), reading
 * one with its timeline and review, and closing it once the review is complete. Each change is one
 * transaction with its audit row.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { type PlatformItem, raisePlatformItems } from '@renxing/modules/inbox';
import { isWithin, unknownPlaces } from '@renxing/modules/places';
import '../errors.js';
import {
  activationProblem,
  outermost,
  TASK_ORIGIN,
  taskDue,
  taskRef,
  taskTitle,
} from '../rules/activation.js';
import { type Level, taskGroups } from '../rules/content.js';
import { standingNorms, surgeNorms } from '../rules/norms.js';
import { isComplete, type MissingToClose, missingText, missingToClose } from '../rules/review.js';
import { type CorrectiveAction, listActions } from '../store/actions.js';
import {
  communitiesCovering,
  eventsOf,
  type Incident,
  type IncidentEvent,
  incidentById,
  insertEvent,
  insertIncident,
  insertObjectives,
  markClosed,
  type Objective,
  objectivesOf,
} from '../store/incidents.js';
import { planById, versionOf } from '../store/plans.js';
import { type PlansActor, problem } from './plans.js';
import { openIncidentShelters, setIncidentNorms, supplyGapsFor } from './preparedness.js';

/** How far ahead activation asks for usable stock: the first 72 hours (黄金 72 小时). */
export const GAP_HORIZON_HOURS = 72;

export interface IncidentView {
  incident: Incident;
  events: IncidentEvent[];
  objectives: Objective[];
  actions: CorrectiveAction[];
  /** What the review still lacks before the incident may close. */
  missing: MissingToClose;
  /** Whether the caller may review and close it (all its places within theirs). */
  writable: boolean;
}

/** Whether the caller may act on the incident (review, close): all its places lie within theirs. */
export const mayWrite = (incident: Incident, scope: string) =>
  incident.places.every((p) => isWithin(p.path, scope));

/** An incident the caller reaches, with its timeline, objectives, corrective actions and what closing lacks. */
export async function getIncident(db: Db, id: string, scope: string): Promise<IncidentView> {
  const incident = await incidentById(db, id, scope);
  if (!incident) throw new RenxingError('RX_NOT_FOUND');
  const objectives = await objectivesOf(db, id);
  return {
    incident,
    events: await eventsOf(db, id),
    objectives,
    actions: await listActions(db, { scope, incidentId: id }),
    missing: missingToClose(objectives),
    writable: mayWrite(incident, scope),
  };
}

export interface Activation {
  level: Level;
  /** Place paths within the plan's places and the caller's. */
  places: string[];
}

export interface Activated {
  incident: IncidentView;
  /** Inbox items raised: one per task and community covered. */
  items: { raised: number; tasks: number; communities: number };
}

/**
 * Activates the newest published version of a plan the caller reaches, at a level, over places
 * within the plan's and the caller's (a community worker: their own community, before any order
 * comes). Opens an incident that every place at, under or above its places sees at once:
 *   - each of the level's tasks becomes an inbox item in every community covered (origin
 *     `plans.task`), due its offset after activation;
 *   - one objective per task group of the level awaits the review;
 *   - the level's supply norms (beyond the plan's standing ones) count for its places and their
 *     gaps over the next 72 hours are noted;
 *   - the level's shelters under its places are opened.
 * Each is an event of its timeline. Audited as `plans.incident.activate`.
 */
export async function activatePlan(
  db: Db,
  planId: string,
  input: Activation,
  actor: PlansActor,
): Promise<Activated> {
  const plan = await planById(db, planId, actor.scope);
  if (!plan) throw new RenxingError('RX_NOT_FOUND');
  // A place outside the caller's reads as not found.
  if (input.places.some((p) => !isWithin(p, actor.scope))) throw new RenxingError('RX_NOT_FOUND');
  const p = activationProblem(
    input.places,
    plan.places.map((x) => x.path),
  );
  if (p) throw problem(p);
  const unknown = await unknownPlaces(db, input.places);
  if (unknown.length > 0)
    throw new RenxingError('RX_UNKNOWN_PLACE', { place: unknown.join(', ') }, 'body.places');
  const places = outermost(input.places);
  const at = actor.now;

  const out = await db.transaction(async (tx) => {
    // The plan's row held: a version published meanwhile is either wholly before or after.
    await planById(tx, planId, actor.scope, { lock: true });
    const version = await versionOf(tx, planId);
    if (!version) throw new RenxingError('RX_PLAN_UNPUBLISHED');
    const level = version.levels[input.level];
    const id = await insertIncident(tx, {
      planId,
      versionId: version.id,
      level: input.level,
      places: input.places,
      by: actor.userId,
      at,
    });
    const event = (kind: IncidentEvent['kind'], detail: Record<string, unknown>) =>
      insertEvent(tx, { incidentId: id, at, kind, actor: actor.userId, detail });
    await event('activated', {
      plan: plan.title,
      version: version.number,
      level: input.level,
      places: input.places,
    });
    await insertObjectives(
      tx,
      id,
      taskGroups(level).map((g) => ({
        title: g.title,
        role: g.role,
        source: 'plan' as const,
        tasks: g.tasks,
      })),
    );

    const communities = level.tasks.length > 0 ? await communitiesCovering(tx, places) : [];
    const items: PlatformItem[] = level.tasks.flatMap((task) =>
      communities.map((c) => ({
        origin: TASK_ORIGIN,
        ref: taskRef(id, task.key, c.path),
        personId: null,
        placeId: c.id,
        duty: TASK_ORIGIN,
        title: taskTitle(plan.title, input.level, task),
        due: new Date(taskDue(at.getTime(), task)),
        priority: input.level === 'I' || input.level === 'II' ? 'urgent' : 'normal',
        detail: {
          incident: id,
          plan: planId,
          planTitle: plan.title,
          version: version.number,
          level: input.level,
          task: task.key,
          taskTitle: task.title,
          who: task.who,
          ...(task.group ? { group: task.group } : {}),
        },
      })),
    );
    const { raised } = items.length > 0 ? await raisePlatformItems(tx, items, at) : { raised: 0 };
    if (level.tasks.length > 0) {
      await event('items_raised', {
        raised,
        tasks: level.tasks.map((t) => t.key),
        communities: communities.length,
      });
    }

    if (level.norms.length > 0) {
      const surge = surgeNorms(level, standingNorms(version.levels));
      await setIncidentNorms(tx, id, surge, places, actor);
      const horizon = new Date(at.getTime() + GAP_HORIZON_HOURS * 3_600_000);
      const gaps = await supplyGapsFor(
        tx,
        places,
        level.norms.map((n) => n.item),
        horizon,
      );
      await event('supply_gaps', {
        norms: level.norms,
        surge,
        horizon: horizon.toISOString(),
        gaps,
      });
    }

    if (level.shelters.length > 0) {
      const opened = await openIncidentShelters(tx, level.shelters, places, actor);
      await event('shelters_opened', {
        shelters: level.shelters,
        asked: opened.asked,
        outside: opened.outside,
        opened: opened.opened,
      });
    }

    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.incident.activate',
      subjectType: 'incident',
      subjectId: id,
      detail: {
        plan: planId,
        version: version.number,
        level: input.level,
        places: input.places,
        items: raised,
      },
    });
    return {
      id,
      items: { raised, tasks: level.tasks.length, communities: communities.length },
    };
  });
  return { incident: await getIncident(db, out.id, actor.scope), items: out.items };
}

/** The incident if the caller may act on it (reach and write), its row held in `tx`; RX_NOT_FOUND otherwise. */
export async function writableIncident(tx: Db, id: string, actor: PlansActor): Promise<Incident> {
  const incident = await incidentById(tx, id, actor.scope, { lock: true });
  if (!incident || !mayWrite(incident, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  if (incident.state === 'closed')
    throw new RenxingError('RX_INCIDENT_CLOSED', { closedAt: incident.closedAt!.toISOString() });
  return incident;
}

/**
 * Closes an incident whose after-action review is complete: every objective rated, each S, M or U
 * with at least one corrective action. Refused otherwise (422, naming each objective that lacks a
 * rating or an action), changing nothing. The incident's supply norms are cleared. Audited as
 * `plans.incident.close`.
 */
export async function closeIncident(db: Db, id: string, actor: PlansActor): Promise<IncidentView> {
  await db.transaction(async (tx) => {
    const incident = await writableIncident(tx, id, actor);
    const missing = missingToClose(await objectivesOf(tx, id));
    if (!isComplete(missing))
      throw new RenxingError('RX_INCIDENT_INCOMPLETE', { missing: missingText(missing) });
    await markClosed(tx, id, actor.userId, actor.now);
    await setIncidentNorms(
      tx,
      id,
      [],
      incident.places.map((p) => p.path),
      actor,
    );
    await insertEvent(tx, { incidentId: id, at: actor.now, kind: 'closed', actor: actor.userId, detail: {} });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.incident.close',
      subjectType: 'incident',
      subjectId: id,
      detail: { plan: incident.plan.id, level: incident.level },
    });
  });
  return getIncident(db, id, actor.scope);
}
