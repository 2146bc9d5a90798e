import type { ReactNode } from 'react';

/**
 * A scrollable table: one header cell per column, then the rows given as children; `empty`, when
 * given, stands in one row across the table (pass it only when there are no rows).
 */
export function DataTable({
  columns,
  empty,
  testId,
  labelledBy,
  children,
}: {
  columns: readonly ReactNode[];
  empty?: string | null;
  testId?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed header, never reordered
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : null}
          {children}
        </tbody>
      </table>
    </div>
  );
}
