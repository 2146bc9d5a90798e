/**
 * The console's sections, declared by the modules (each module's web/index.ts) and gathered by
 * the app (apps/web/src/modules.ts): the routes, the navigation and who may open each follow
 * these declarations alone. A section a role may not open reads as a page that does not exist.
 */
import {
  type ComponentType,
  createContext,
  type LazyExoticComponent,
  type ReactNode,
  useContext,
} from 'react';
import type { Role } from './api-types.js';
import type { MessageKey } from './i18n/index.js';

export interface ConsoleRoute {
  /** Relative to the root, as react-router writes it: `cases/:id`. */
  path: string;
  /** The screen, loaded in a chunk of its own when first opened. */
  screen: LazyExoticComponent<ComponentType>;
}

export interface ConsoleSection {
  /** Unique across the console: `cases`. */
  id: string;
  /** The roles that may open it. */
  roles: readonly Role[];
  /** Its entry in the navigation (omitted: reached by links only), ordered by `order`. */
  nav?: { path: string; label: MessageKey; order: number };
  routes: readonly ConsoleRoute[];
}

/** What a module gives the console. */
export interface ConsoleModule {
  name: string;
  sections: readonly ConsoleSection[];
}

/** Every section of `modules`; two with one id, or two routes on one path, are a mistake. */
export function gatherSections(modules: readonly ConsoleModule[]): ConsoleSection[] {
  const sections = modules.flatMap((m) => m.sections);
  const ids = new Set<string>();
  const paths = new Set<string>();
  for (const s of sections) {
    if (ids.has(s.id)) throw new Error(`console section ${s.id} is declared twice`);
    ids.add(s.id);
    for (const r of s.routes) {
      if (paths.has(r.path)) throw new Error(`console route ${r.path} is declared twice`);
      paths.add(r.path);
    }
  }
  return sections;
}

export interface NavItem {
  section: string;
  path: string;
  label: MessageKey;
}

/** The navigation of `role`, in order. */
export function navFor(sections: readonly ConsoleSection[], role: Role): NavItem[] {
  return sections
    .filter((s) => s.nav && s.roles.includes(role))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0))
    .map((s) => ({ section: s.id, path: s.nav!.path, label: s.nav!.label }));
}

/** Where `role` lands after signing in. */
export function homeOf(sections: readonly ConsoleSection[], role: Role): string {
  return navFor(sections, role)[0]?.path ?? '/me';
}

const SectionsContext = createContext<readonly ConsoleSection[]>([]);

export function SectionsProvider({
  sections,
  children,
}: {
  sections: readonly ConsoleSection[];
  children: ReactNode;
}) {
  return <SectionsContext.Provider value={sections}>{children}</SectionsContext.Provider>;
}

export function useSections(): readonly ConsoleSection[] {
  return useContext(SectionsContext);
}

/** Whether `role` may open the section `id`. */
export function useCan(): (role: Role, id: string) => boolean {
  const sections = useSections();
  return (role, id) => sections.some((s) => s.id === id && s.roles.includes(role));
}

/** Where a user of `role` lands. */
export function useHome(): (role: Role) => string {
  const sections = useSections();
  return (role) => homeOf(sections, role);
}
