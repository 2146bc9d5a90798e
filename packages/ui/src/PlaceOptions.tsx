import type { Place } from './api-types.js';
import { useI18n } from './i18n/index.js';
import { placeName } from './place-name.js';

/** The `<option>`s for choosing a place (grids left out), each indented by its depth in the tree. */
export function PlaceOptions({ places }: { places: readonly Place[] | undefined }) {
  const { lang } = useI18n();
  return (places ?? [])
    .filter((p) => p.level !== 'grid')
    .map((p) => (
      <option key={p.id} value={p.path}>
        {`${'\u3000'.repeat(Math.max(0, p.path.split('.').length - 1))}${placeName(p, lang)}`}
      </option>
    ));
}
