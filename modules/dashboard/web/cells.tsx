/** Grid cells shaded by companion counts, as GeoJSON from getCompanionCells (loaded on its own). */

import type { CellCollection } from '@renxing/ui/CityMap';
import { ErrorNote } from '@renxing/ui/controls';
import { companionCells } from '@renxing/ui/endpoints';
import { useApi } from '@renxing/ui/use-api';
import type { ReactNode } from 'react';

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
