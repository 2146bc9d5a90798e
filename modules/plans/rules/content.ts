/**
 * A plan version's content as shared/contracts/preparedness.md defines it — response levels I–IV,
 * each with its tasks, supply norms and shelters to open — and the checks it passes before it is
 * stored. Pure.
 */
import type { Role } from '@renxing/contracts';

export const HAZARDS = ['epidemic', 'flood', 'blackout', 'earthquake', 'fire', 'other'] as const;
export type Hazard = (typeof HAZARDS)[number];

/** Response levels, most serious first: I 特别重大, II 重大, III 较大, IV 一般. */
export const LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, { en: string; 'zh-CN': string }> = {
  I: { en: 'particularly serious', 'zh-CN': '特别重大' },
  II: { en: 'serious', 'zh-CN': '重大' },
  III: { en: 'relatively serious', 'zh-CN': '较大' },
  IV: { en: 'general', 'zh-CN': '一般' },
};

/** The roles' names, for texts that name an objective by its role (a task group of a role). */
export const ROLE_NAMES: Record<Role, { en: string; 'zh-CN': string }> = {
  city_admin: { en: 'city admins', 'zh-CN': '市级管理员' },
  district_officer: { en: 'district officers', 'zh-CN': '区级干部' },
  street_officer: { en: 'street officers', 'zh-CN': '街道干部' },
  community_worker: { en: 'community workers', 'zh-CN': '社区工作者' },
  health_officer: { en: 'health officers', 'zh-CN': '卫健人员' },
  lab_user: { en: 'labs', 'zh-CN': '检测机构' },
  auditor: { en: 'auditors', 'zh-CN': '审计员' },
  resident: { en: 'residents', 'zh-CN': '居民' },
  department_officer: { en: 'department officers', 'zh-CN': '部门人员' },
  infra_operator: { en: 'infrastructure operators', 'zh-CN': '基础设施运维人员' },
  volunteer: { en: 'volunteers', 'zh-CN': '志愿者' },
};

/** The place levels a task's performer may work at. */
export const TASK_PLACE_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type TaskPlaceLevel = (typeof TASK_PLACE_LEVELS)[number];

export interface PlanTask {
  /** Stable across versions: the diff and the inbox item's reference match tasks by it. */
  key: string;
  title: string;
  /** The task group the review rates as one objective; default the performer's role. */
  group?: string;
  who: { role: Role; placeLevel: TaskPlaceLevel };
  /** Hours from activation to the task's due time. */
  dueOffsetHours: number;
}

export interface SupplyNorm {
  /** The supplies catalogue's item code. */
  item: string;
  perResident: number;
}

export interface LevelContent {
  tasks: PlanTask[];
  norms: SupplyNorm[];
  /** Shelter ids. */
  shelters: string[];
}

export type VersionContent = Record<Level, LevelContent>;

/** Why an input cannot be used: the field and the reason (en, zh-CN). */
export interface InputProblem {
  field: string;
  en: string;
  'zh-CN': string;
}

export const MAX_TASKS = 200;
export const MAX_NORMS = 200;
export const MAX_SHELTERS = 500;
/** A year: the latest a task may fall due after activation. */
export const MAX_DUE_OFFSET_HOURS = 8760;
export const MAX_PER_RESIDENT = 10_000;

export const TASK_KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Content with no task, norm or shelter at any level (a new plan's first draft). */
export function emptyContent(): VersionContent {
  return {
    I: { tasks: [], norms: [], shelters: [] },
    II: { tasks: [], norms: [], shelters: [] },
    III: { tasks: [], norms: [], shelters: [] },
    IV: { tasks: [], norms: [], shelters: [] },
  };
}

/** The task's group: its explicit group, else its performer's role. */
export const groupOf = (task: PlanTask): string => task.group ?? task.who.role;

/**
 * The content as stored: titles and groups trimmed (an empty group is none), shelter ids lower
 * case. Checks nothing (see contentProblem).
 */
export function normaliseContent(content: VersionContent): VersionContent {
  const out = emptyContent();
  for (const level of LEVELS) {
    const l = content[level];
    out[level] = {
      tasks: l.tasks.map((t) => {
        const group = t.group?.trim();
        return {
          key: t.key,
          title: t.title.trim(),
          ...(group ? { group } : {}),
          who: { role: t.who.role, placeLevel: t.who.placeLevel },
          dueOffsetHours: t.dueOffsetHours,
        };
      }),
      norms: l.norms.map((n) => ({ item: n.item, perResident: n.perResident })),
      shelters: l.shelters.map((s) => s.toLowerCase()),
    };
  }
  return out;
}

const problem = (field: string, en: string, zh: string): InputProblem => ({ field, en, 'zh-CN': zh });

/** The first problem of (normalised) content at `base` (e.g. `body.levels`), or null. */
export function contentProblem(content: VersionContent, base: string): InputProblem | null {
  for (const level of LEVELS) {
    const l = content[level];
    const at = `${base}.${level}`;
    if (l.tasks.length > MAX_TASKS)
      return problem(`${at}.tasks`, `at most ${MAX_TASKS} tasks a level`, `每级最多 ${MAX_TASKS} 项任务`);
    const keys = new Set<string>();
    for (const [i, t] of l.tasks.entries()) {
      const f = `${at}.tasks.${i}`;
      if (!TASK_KEY.test(t.key))
        return problem(
          `${f}.key`,
          'a key is 1–64 of a-z 0-9 _ . - starting with a letter or digit',
          '任务编码为 1–64 位小写字母、数字或 _ . -，以字母或数字开头',
        );
      if (keys.has(t.key))
        return problem(`${f}.key`, 'this key is used twice in the level', '本级任务编码重复');
      keys.add(t.key);
      if (t.title.length < 1 || t.title.length > 200)
        return problem(`${f}.title`, 'a title needs 1 to 200 characters', '任务名称须为 1 至 200 个字符');
      if (t.group !== undefined && t.group.length > 100)
        return problem(`${f}.group`, 'a group needs at most 100 characters', '任务组名称最多 100 个字符');
      if (
        !Number.isInteger(t.dueOffsetHours) ||
        t.dueOffsetHours < 0 ||
        t.dueOffsetHours > MAX_DUE_OFFSET_HOURS
      )
        return problem(
          `${f}.dueOffsetHours`,
          `whole hours from 0 to ${MAX_DUE_OFFSET_HOURS} after activation`,
          `启动后 0 至 ${MAX_DUE_OFFSET_HOURS} 的整数小时`,
        );
    }
    if (l.norms.length > MAX_NORMS)
      return problem(`${at}.norms`, `at most ${MAX_NORMS} norms a level`, `每级最多 ${MAX_NORMS} 项物资标准`);
    const items = new Set<string>();
    for (const [i, n] of l.norms.entries()) {
      const f = `${at}.norms.${i}`;
      if (!ITEM_CODE.test(n.item))
        return problem(`${f}.item`, 'not a catalogue item code', '不是物资目录编码');
      if (items.has(n.item))
        return problem(`${f}.item`, 'this item is listed twice in the level', '本级物资重复');
      items.add(n.item);
      if (!Number.isFinite(n.perResident) || n.perResident <= 0 || n.perResident > MAX_PER_RESIDENT)
        return problem(
          `${f}.perResident`,
          `more than 0, at most ${MAX_PER_RESIDENT} per resident`,
          `人均须大于 0 且不超过 ${MAX_PER_RESIDENT}`,
        );
    }
    if (l.shelters.length > MAX_SHELTERS)
      return problem(
        `${at}.shelters`,
        `at most ${MAX_SHELTERS} shelters a level`,
        `每级最多 ${MAX_SHELTERS} 处避难场所`,
      );
    const shelters = new Set<string>();
    for (const [i, s] of l.shelters.entries()) {
      if (!UUID.test(s)) return problem(`${at}.shelters.${i}`, 'not a shelter id', '不是避难场所编号');
      if (shelters.has(s))
        return problem(`${at}.shelters.${i}`, 'this shelter is listed twice', '避难场所重复');
      shelters.add(s);
    }
  }
  return null;
}

/** One task group of a level: the objective the review rates for it. */
export interface TaskGroup {
  /** The explicit group's name, or the role. */
  title: string;
  /** The role, when the group is the performers' role. */
  role: Role | null;
  /** Its tasks' keys, in the level's order. */
  tasks: string[];
}

/** The level's task groups in the order their first task appears. */
export function taskGroups(level: LevelContent): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const t of level.tasks) {
    const explicit = t.group !== undefined;
    const key = explicit ? `group:${t.group}` : `role:${t.who.role}`;
    let g = groups.get(key);
    if (!g) {
      g = { title: groupOf(t), role: explicit ? null : t.who.role, tasks: [] };
      groups.set(key, g);
    }
    g.tasks.push(t.key);
  }
  return [...groups.values()];
}
