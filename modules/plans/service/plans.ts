/**
 * Plans and their versions: creating a plan, saving its draft, publishing a version (frozen from
 * then on; closing the corrective actions its change note names), reading a plan and diffing two
 * of its versions. Each change is one transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, unknownPlaces } from '@renxing/modules/places';
import '../errors.js';
import {
  contentProblem,
  type Hazard,
  type InputProblem,
  LEVELS,
  normaliseContent,
  type VersionContent,
} from '../rules/content.js';
import { diffCounts, diffVersions, type VersionDiff } from '../rules/diff.js';
import { standingNorms } from '../rules/norms.js';
import { actionsOfPlan, closeActions } from '../store/actions.js';
import { insertEvent } from '../store/incidents.js';
import {
  type Draft,
  deleteDraft,
  draftOf,
  insertPlan,
  insertVersion,
  type Plan,
  type PlanVersion,
  planById,
  saveDraft,
  type VersionSummary,
  versionOf,
  versionsOf,
} from '../store/plans.js';
import { setStandingNorms, unknownSupplyItems } from './preparedness.js';

export interface PlansActor {
  userId: string;
  /** The caller's place path. */
  scope: string;
  now: Date;
}

export const problem = (p: InputProblem) => invalid(p.field, { en: p.en, 'zh-CN': p['zh-CN'] });

/** Whether the caller may edit the plan: its owner place is at or under theirs. */
export const mayEdit = (plan: Plan, scope: string) => isWithin(plan.owner.path, scope);

export const MAX_CHANGE_NOTE = 2000;

export interface NewPlan {
  title: string;
  hazard: Hazard;
  /** The owner place (default: the caller's). */
  owner?: string;
  /** The places it covers, at or under the owner (default: the owner). */
  places?: string[];
}

/** Creates a plan owned by a place within the caller's, covering places within the owner. */
export async function createPlan(db: Db, input: NewPlan, actor: PlansActor): Promise<Plan> {
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200)
    throw invalid('body.title', {
      en: 'a title needs 1 to 200 characters',
      'zh-CN': '预案名称须为 1 至 200 个字符',
    });
  const owner = input.owner ?? actor.scope;
  // A place outside the caller's reads as not found, like anything else out of reach.
  if (!isWithin(owner, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const places = input.places && input.places.length > 0 ? input.places : [owner];
  const seen = new Set<string>();
  for (const [i, p] of places.entries()) {
    if (!isWithin(p, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
    if (!isWithin(p, owner))
      throw invalid(`body.places.${i}`, {
        en: "a plan covers places at or under its owner's",
        'zh-CN': '预案覆盖的地点须在其所属地点之内',
      });
    if (seen.has(p))
      throw invalid(`body.places.${i}`, { en: 'this place is listed twice', 'zh-CN': '地点重复' });
    seen.add(p);
  }
  const unknown = await unknownPlaces(db, [owner, ...places]);
  if (unknown.length > 0)
    throw new RenxingError('RX_UNKNOWN_PLACE', { place: unknown.join(', ') }, 'body.places');
  return db.transaction(async (tx) => {
    const id = await insertPlan(tx, {
      title,
      hazard: input.hazard,
      owner,
      places,
      createdBy: actor.userId,
      createdAt: actor.now,
    });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.plan.create',
      subjectType: 'plan',
      subjectId: id,
      detail: { title, hazard: input.hazard, owner, places },
    });
    return (await planById(tx, id, actor.scope))!;
  });
}

/** The plan if the caller may edit it; RX_NOT_FOUND otherwise (out of reach, or owned above them). */
async function editablePlan(db: Db, planId: string, actor: PlansActor, lock = false): Promise<Plan> {
  const plan = await planById(db, planId, actor.scope, { lock });
  if (!plan || !mayEdit(plan, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  return plan;
}

/** Content checked and normalised, or a 400 naming the field. */
function checkedContent(levels: VersionContent): VersionContent {
  const content = normaliseContent(levels);
  const p = contentProblem(content, 'body.levels');
  if (p) throw problem(p);
  return content;
}

/** Refuses a norm whose item the supplies catalogue does not hold, naming the field. */
async function checkItems(db: Db, content: VersionContent): Promise<void> {
  const unknown = new Set(
    await unknownSupplyItems(
      db,
      LEVELS.flatMap((l) => content[l].norms.map((n) => n.item)),
    ),
  );
  if (unknown.size === 0) return;
  for (const level of LEVELS) {
    const i = content[level].norms.findIndex((n) => unknown.has(n.item));
    if (i >= 0)
      throw invalid(`body.levels.${level}.norms.${i}.item`, {
        en: `${content[level].norms[i].item} is not in the supplies catalogue`,
        'zh-CN': `物资目录中没有 ${content[level].norms[i].item}`,
      });
  }
}

/** Saves the plan's draft (the version being edited), replacing the one before. */
export async function savePlanDraft(
  db: Db,
  planId: string,
  levels: VersionContent,
  actor: PlansActor,
): Promise<Draft> {
  await editablePlan(db, planId, actor);
  const content = checkedContent(levels);
  return db.transaction(async (tx) => {
    await editablePlan(tx, planId, actor, true);
    await saveDraft(tx, { planId, levels: content, by: actor.userId, at: actor.now });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.draft.save',
      subjectType: 'plan',
      subjectId: planId,
      detail: {},
    });
    return (await draftOf(tx, planId))!;
  });
}

export interface Publication {
  levels: VersionContent;
  /** What changed and why; required from the second version on. */
  changeNote: string;
  /** The corrective actions this version closes (open actions of this plan's incidents). */
  closes?: string[];
}

export interface Published {
  version: PlanVersion;
  /** The corrective actions it closed. */
  closed: string[];
  /** Against the version before (null for the first). */
  diff: VersionDiff | null;
}

/**
 * Publishes the next version of the plan: frozen from now on, it is what the next activation
 * uses. The corrective actions its change note names are closed by it (each must be an open
 * action of this plan), each noted on its incident's timeline; the plan's standing supply norms
 * become the new version's; the draft is gone. Audited as `plans.version.publish`.
 */
export async function publishPlanVersion(
  db: Db,
  planId: string,
  input: Publication,
  actor: PlansActor,
): Promise<Published> {
  const plan = await editablePlan(db, planId, actor);
  const content = checkedContent(input.levels);
  const note = input.changeNote.trim();
  if (note.length > MAX_CHANGE_NOTE)
    throw invalid('body.changeNote', {
      en: `at most ${MAX_CHANGE_NOTE} characters`,
      'zh-CN': `最多 ${MAX_CHANGE_NOTE} 个字符`,
    });
  await checkItems(db, content);
  const closes = [...new Set((input.closes ?? []).map((c) => c.toLowerCase()))];
  if (closes.length > 0 && note === '')
    throw invalid('body.changeNote', {
      en: 'say in the change note how this version closes the actions it names',
      'zh-CN': '请在修订说明中写明本版如何落实所关闭的纠正措施',
    });
  return db.transaction(async (tx) => {
    await editablePlan(tx, planId, actor, true);
    const before = await versionOf(tx, planId);
    if (before && note === '')
      throw invalid('body.changeNote', {
        en: 'a revision needs a change note: what changed and why',
        'zh-CN': '修订版本须填写修订说明：改了什么、为什么改',
      });
    const found = await actionsOfPlan(tx, planId, closes);
    for (const [i, id] of closes.entries()) {
      const a = found.find((x) => x.id === id);
      if (!a)
        throw invalid(`body.closes.${i}`, {
          en: 'not a corrective action of this plan',
          'zh-CN': '不是本预案的纠正措施',
        });
      if (!a.open) {
        const { rows } = await tx.query<{ number: number }>(
          'SELECT v.number FROM corrective_actions a JOIN plan_versions v ON v.id = a.closed_by_version WHERE a.id = $1',
          [id],
        );
        throw new RenxingError(
          'RX_ACTION_CLOSED',
          { action: id, version: rows[0]?.number ?? '?' },
          `body.closes.${i}`,
        );
      }
    }
    const version = await insertVersion(tx, {
      planId,
      levels: content,
      changeNote: note,
      closes,
      by: actor.userId,
      at: actor.now,
    });
    await closeActions(tx, closes, version.id, actor.now);
    for (const a of found) {
      await insertEvent(tx, {
        incidentId: a.incidentId,
        at: actor.now,
        kind: 'action_closed',
        actor: actor.userId,
        detail: { action: a.id, version: version.number, changeNote: note },
      });
    }
    await deleteDraft(tx, planId);
    await setStandingNorms(
      tx,
      planId,
      standingNorms(content),
      plan.places.map((p) => p.path),
      actor,
    );
    const diff = before ? diffVersions(before.levels, content) : null;
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'plans.version.publish',
      subjectType: 'plan',
      subjectId: planId,
      reason: note || undefined,
      detail: { version: version.number, closes, changes: diff ? diffCounts(diff) : null },
    });
    return { version, closed: closes, diff };
  });
}

export interface PlanView {
  plan: Plan;
  versions: VersionSummary[];
  /** The version asked for (default the newest), with its content; null before the first. */
  version: PlanVersion | null;
  /** The draft being edited, if any. */
  draft: Draft | null;
  /** Whether the caller may edit it (save drafts, publish). */
  editable: boolean;
}

/** A plan the caller reaches, its versions, one of them whole (default the newest) and its draft. */
export async function getPlan(db: Db, planId: string, scope: string, number?: number): Promise<PlanView> {
  const plan = await planById(db, planId, scope);
  if (!plan) throw new RenxingError('RX_NOT_FOUND');
  const version = (await versionOf(db, planId, number)) ?? null;
  if (number !== undefined && !version) throw new RenxingError('RX_NOT_FOUND');
  return {
    plan,
    versions: await versionsOf(db, planId),
    version,
    draft: (await draftOf(db, planId)) ?? null,
    editable: mayEdit(plan, scope),
  };
}

/**
 * Two versions of a plan the caller reaches, and the diff of `to` (default the newest) against
 * `from` (default the version before `to`, or `to` itself for the first).
 */
export async function diffPlanVersions(
  db: Db,
  planId: string,
  q: { from?: number; to?: number },
  scope: string,
): Promise<{ from: VersionSummary; to: VersionSummary; diff: VersionDiff }> {
  if (!(await planById(db, planId, scope))) throw new RenxingError('RX_NOT_FOUND');
  const b = await versionOf(db, planId, q.to);
  if (!b) throw new RenxingError('RX_NOT_FOUND');
  const a = await versionOf(db, planId, q.from ?? Math.max(1, b.number - 1));
  if (!a) throw new RenxingError('RX_NOT_FOUND');
  const { levels: _a, ...from } = a;
  const { levels: _b, ...to } = b;
  return { from, to, diff: diffVersions(a.levels, b.levels) };
}
