/** Grid cells shaded by companion counts, as GeoJSON from the API (loaded on its own). */
import type { ReactNode } from 'react';
import type { CellCollection } from '../../ui/CityMap.js';

export function CompanionCellsLayer({
  children,
}: {
  place: string | undefined;
  caseId?: string;
  children: (cells: CellCollection | undefined) => ReactNode;
}) {
  // Wired to the map GeoJSON endpoint when it lands.
  return <>{children(undefined)}</>;
}
