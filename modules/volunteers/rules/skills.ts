/** The city's vocabulary of volunteers' skills, organisations' kinds and verification states. */

/** Skills a volunteer offers and a mutual-aid request needs (shared/contracts/social.md). */
export const SKILLS = [
  'medicine_delivery',
  'food_delivery',
  'transport',
  'elderly_care',
  'translation',
  'medical',
  'psychological',
  'logistics',
] as const;
export type Skill = (typeof SKILLS)[number];

/** Each skill's words, Chinese first; a file may name a skill by either. */
export const SKILL_WORDS: Record<Skill, { 'zh-CN': string; en: string }> = {
  medicine_delivery: { 'zh-CN': '送药', en: 'medicine delivery' },
  food_delivery: { 'zh-CN': '送餐送菜', en: 'food delivery' },
  transport: { 'zh-CN': '接送', en: 'transport' },
  elderly_care: { 'zh-CN': '照护老人', en: 'elderly care' },
  translation: { 'zh-CN': '翻译', en: 'translation' },
  medical: { 'zh-CN': '医疗', en: 'medical' },
  psychological: { 'zh-CN': '心理疏导', en: 'psychological support' },
  logistics: { 'zh-CN': '后勤', en: 'logistics' },
};

export const isSkill = (s: string): s is Skill => (SKILLS as readonly string[]).includes(s);

/**
 * Skills from a cell or a list: separated by `;` (or `；`, `,`, `、`), each a code or its Chinese
 * word; sorted in vocabulary order without repeats. `unknown` lists what is not a skill.
 */
export function parseSkills(text: string | readonly string[]): { skills: Skill[]; unknown: string[] } {
  const parts = (typeof text === 'string' ? text.split(/[;；,，、]/) : [...text])
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const found = new Set<Skill>();
  const unknown: string[] = [];
  for (const p of parts) {
    const code = p.toLowerCase().replace(/[\s-]+/g, '_');
    const skill = isSkill(code) ? code : SKILLS.find((k) => SKILL_WORDS[k]['zh-CN'] === p);
    if (skill) found.add(skill);
    else unknown.push(p);
  }
  return { skills: SKILLS.filter((s) => found.has(s)), unknown };
}

/**
 * Organisations: 社会组织, 志愿服务队, 物业, enterprises, and units (a government unit or party
 * organisation whose officials are posted down to communities: 下沉干部).
 */
export const ORGANISATION_KINDS = [
  'social_org',
  'volunteer_team',
  'property_mgmt',
  'enterprise',
  'unit',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const VOLUNTEER_STATES = ['unverified', 'verified'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];

/** Tasks a day a volunteer takes unless told otherwise, and the most anyone may take. */
export const DEFAULT_CAPACITY = 2;
export const MAX_CAPACITY = 20;
export const MAX_NAME = 100;
