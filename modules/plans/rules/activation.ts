/**
 * Activating a plan: which places it may cover, and what each of its tasks becomes in a
 * community's inbox. Pure.
 */

import type { InputProblem } from './content.js';
import { LEVEL_NAMES, type Level, type PlanTask } from './content.js';

/** `path` is `ancestor` or lies under it. */
export const within = (path: string, ancestor: string): boolean =>
  path === ancestor || path.startsWith(`${ancestor}.`);

/**
 * The first problem of an activation's places (at `body.places`): none, one listed twice, or one
 * outside every place the plan covers. Null when they will do.
 */
export function activationProblem(
  places: readonly string[],
  planPlaces: readonly string[],
): InputProblem | null {
  if (places.length === 0)
    return {
      field: 'body.places',
      en: 'activate over at least one place',
      'zh-CN': '请至少选择一个启动地点',
    };
  const seen = new Set<string>();
  for (const [i, p] of places.entries()) {
    if (seen.has(p))
      return { field: `body.places.${i}`, en: 'this place is listed twice', 'zh-CN': '地点重复' };
    seen.add(p);
    if (!planPlaces.some((q) => within(p, q)))
      return {
        field: `body.places.${i}`,
        en: "this place is not within the plan's places",
        'zh-CN': '该地点不在预案覆盖范围内',
      };
  }
  return null;
}

/** The places among `places` that no other one contains (an activation over a street and one of its communities covers the street). */
export function outermost(places: readonly string[]): string[] {
  return places.filter((p) => !places.some((q) => q !== p && within(p, q)));
}

/** The inbox item's origin and duty code of a plan's task. */
export const TASK_ORIGIN = 'plans.task';

/**
 * The inbox item's reference for a task in a community: `<incidentId>:<taskKey>:<community path>`.
 * (The inbox keeps one item per origin and reference when it is for no one person, so the
 * community is part of the reference.)
 */
export const taskRef = (incidentId: string, taskKey: string, community: string): string =>
  `${incidentId}:${taskKey}:${community}`;

/** The item's title: the plan, the level and the task (zh-CN, as the inbox shows titles). */
export const taskTitle = (planTitle: string, level: Level, task: PlanTask): string =>
  `【${planTitle}·${level}级（${LEVEL_NAMES[level]['zh-CN']}）响应】${task.title}`;

/** When a task falls due: its offset after activation (epoch ms). */
export const taskDue = (activatedAt: number, task: PlanTask): number =>
  activatedAt + task.dueOffsetHours * 3_600_000;
