/** SQL fragments shared by the query modules. */

/**
 * `column` is the place path `param` or lies under it. Paths are `text COLLATE "C"` whose codes
 * are [a-z0-9_], so the subtree of `cq.yz` is exactly the range [`cq.yz`, `cq.yz/`): `.` sorts
 * before `/` and every code character after it (so `cq.yz2` is outside). One index range scan.
 */
export function subtree(column: string, param: string): string {
  return `(${column} >= ${param} AND ${column} < ${param} || '/')`;
}

/** The place path `param` is a city's (a root: no `.`); see isCityLevel in modules/places. */
export function cityLevel(param: string): string {
  return `(position('.' in ${param}) = 0)`;
}

/** A text a `uuid` parameter accepts (anything else is asked nothing: it matches no row). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
