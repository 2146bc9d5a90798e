/** The ranking's filters and order, over the rows of one run. Pure. */
import type { IndexRow, ScoreField } from './api.js';

export interface RankingFilter {
  district?: string;
  street?: string;
  /** A part of the community's name (Chinese or English) or path. */
  q?: string;
  sort: ScoreField;
}

/** The districts and streets of `rows`, each once, by name. */
export function areasOf(rows: readonly IndexRow[]): {
  districts: { path: string; name: string }[];
  streets: { path: string; name: string; district: string | null }[];
} {
  const districts = new Map<string, string>();
  const streets = new Map<string, { name: string; district: string | null }>();
  for (const { community: c } of rows) {
    if (c.district) districts.set(c.district, c.districtName ?? c.district);
    if (c.street) streets.set(c.street, { name: c.streetName ?? c.street, district: c.district });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  return {
    districts: [...districts].map(([path, name]) => ({ path, name })).sort(byName),
    streets: [...streets].map(([path, s]) => ({ path, ...s })).sort(byName),
  };
}

/** The rows the filter keeps, best first by its score (no score last), then by path. */
export function rank(rows: readonly IndexRow[], filter: RankingFilter): IndexRow[] {
  const q = filter.q?.trim().toLowerCase();
  return rows
    .filter(
      (r) =>
        (!filter.district || r.community.district === filter.district) &&
        (!filter.street || r.community.street === filter.street) &&
        (!q ||
          r.community.name.toLowerCase().includes(q) ||
          (r.community.nameEn ?? '').toLowerCase().includes(q) ||
          r.community.path.toLowerCase().includes(q)),
    )
    .sort((a, b) => {
      const x = a[filter.sort];
      const y = b[filter.sort];
      if (x === null && y === null) return a.community.path < b.community.path ? -1 : 1;
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x || (a.community.path < b.community.path ? -1 : 1);
    });
}
