/** Grid cells shaded by companion counts, as GeoJSON from getCompanionCells (loaded on its own). */
import type { ReactNode } from 'react';
import { companionCells } from '../../data/endpoints.js';
import { useApi } from '../../data/use-api.js';
import type { CellCollection } from '../../ui/CityMap.js';
import { ErrorNote } from '../../ui/controls.js';

export function CompanionCellsLayer({
  caseId,
  children,
}: {
  caseId?: string;
  children: (cells: CellCollection | undefined) => ReactNode;
}) {
  const cells = useApi((signal) => companionCells(caseId, signal), [caseId]);
  return (
    <>
      {cells.error ? <ErrorNote error={cells.error} onRetry={cells.reload} /> : null}
      {children(cells.data)}
    </>
  );
}
