/**
 * The after-action review: each objective rated P, S, M or U; each S, M or U needs at least one
 * corrective action (owner, due date, capability element) before the incident may close. Pure.
 */
import type { Role } from '@renxing/contracts';
import { ROLE_NAMES } from './content.js';

/** P performed without challenges, S some challenges, M major challenges, U unable to perform. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];

/** The capability element a corrective action improves. */
export const ELEMENTS = ['planning', 'organisation', 'equipment', 'training', 'exercise'] as const;
export type Element = (typeof ELEMENTS)[number];

/** Whether a rating needs a corrective action (S, M, U). */
export const needsAction = (rating: Rating | null): boolean => rating !== null && rating !== 'P';

export interface ObjectiveState {
  id: string;
  title: string;
  /** The role, when the objective is a task group of a role (its title is then the role). */
  role?: Role | null;
  rating: Rating | null;
  /** Its corrective actions, open or closed. */
  actions: number;
}

export interface MissingToClose {
  /** Objectives not rated yet. */
  unrated: { id: string; title: string; role: Role | null }[];
  /** Objectives rated S, M or U with no corrective action. */
  withoutAction: { id: string; title: string; role: Role | null; rating: Rating }[];
}

/** What the review still lacks before the incident may close (both lists empty: nothing). */
export function missingToClose(objectives: readonly ObjectiveState[]): MissingToClose {
  return {
    unrated: objectives
      .filter((o) => o.rating === null)
      .map((o) => ({ id: o.id, title: o.title, role: o.role ?? null })),
    withoutAction: objectives
      .filter((o) => needsAction(o.rating) && o.actions === 0)
      .map((o) => ({ id: o.id, title: o.title, role: o.role ?? null, rating: o.rating as Rating })),
  };
}

export const isComplete = (m: MissingToClose): boolean =>
  m.unrated.length === 0 && m.withoutAction.length === 0;

/** The missing things as one line per locale, for the refusal's message (a role's group by the role's name). */
export function missingText(m: MissingToClose): { en: string; 'zh-CN': string } {
  const name = (o: { title: string; role: Role | null }, locale: 'en' | 'zh-CN') =>
    `“${o.role ? ROLE_NAMES[o.role][locale] : o.title}”`;
  const en: string[] = [];
  const zh: string[] = [];
  if (m.unrated.length > 0) {
    en.push(`not rated: ${m.unrated.map((o) => name(o, 'en')).join(', ')}`);
    zh.push(`未评级：${m.unrated.map((o) => name(o, 'zh-CN')).join('、')}`);
  }
  if (m.withoutAction.length > 0) {
    en.push(
      `rated S/M/U with no corrective action: ${m.withoutAction.map((o) => `${name(o, 'en')} (${o.rating})`).join(', ')}`,
    );
    zh.push(
      `评为 S/M/U 但无纠正措施：${m.withoutAction.map((o) => `${name(o, 'zh-CN')}（${o.rating}）`).join('、')}`,
    );
  }
  return { en: en.join('; '), 'zh-CN': zh.join('；') };
}
