/** SQL fragments shared by the query modules. */

/**
 * `column` is the place path `param` or lies under it. Paths are `text COLLATE "C"` whose codes
 * are [a-z0-9_], so the subtree of `cq.yz` is exactly the range [`cq.yz`, `cq.yz/`): `.` sorts
 * before `/` and every code character after it (so `cq.yz2` is outside). One index range scan.
 */
export function subtree(column: string, param: string): string {
  return `(${column} >= ${param} AND ${column} < ${param} || '/')`;
}
