/** Which sections each role sees: the navigation and the routes both follow this one table. */

import type { Role } from './api-types.js';
import type { MessageKey } from './i18n/index.js';

export type Section =
  | 'dashboard'
  | 'places'
  | 'cases'
  | 'inbox'
  | 'people'
  | 'overrides'
  | 'tests'
  | 'audit'
  | 'me';

const PLACE_STAFF: Role[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];

const ACCESS: Record<Section, readonly Role[]> = {
  dashboard: [...PLACE_STAFF, 'health_officer'],
  places: [...PLACE_STAFF, 'health_officer'],
  cases: [...PLACE_STAFF, 'health_officer'],
  inbox: [...PLACE_STAFF, 'health_officer'],
  people: [...PLACE_STAFF, 'health_officer'],
  overrides: ['city_admin', 'district_officer', 'health_officer'],
  tests: ['lab_user', 'health_officer'],
  audit: ['auditor', 'city_admin'],
  me: ['resident'],
};

export interface NavItem {
  section: Section;
  path: string;
  label: MessageKey;
}

/** The sections shown in the navigation, in order. */
const NAV: readonly NavItem[] = [
  { section: 'dashboard', path: '/dashboard', label: 'nav.dashboard' },
  { section: 'cases', path: '/cases', label: 'nav.cases' },
  { section: 'inbox', path: '/inbox', label: 'nav.inbox' },
  { section: 'people', path: '/people', label: 'nav.people' },
  { section: 'overrides', path: '/overrides', label: 'nav.overrides' },
  { section: 'tests', path: '/tests', label: 'nav.tests' },
  { section: 'audit', path: '/audit', label: 'nav.audit' },
  { section: 'me', path: '/me', label: 'nav.me' },
];

export function can(role: Role, section: Section): boolean {
  return ACCESS[section].includes(role);
}

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => can(role, item.section));
}

/** Where a user lands after signing in. */
export function homeOf(role: Role): string {
  return navFor(role)[0]?.path ?? '/me';
}

/** Who may register a case (createCase). */
export const CASE_REGISTRARS: readonly Role[] = ['health_officer', 'city_admin'];

/** Who may request and decide overrides (requestOverride, approveOverride). */
export const OVERRIDERS: readonly Role[] = ['health_officer', 'district_officer', 'city_admin'];
