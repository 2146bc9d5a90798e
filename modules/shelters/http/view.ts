/** A shelter as the API answers with it: its stored entry with the period, capacity and places left now. */
import { availableAt, capacityAt, periodAt } from '../rules/capacity.js';
import type { Shelter } from '../store/shelters.js';

export function view<S extends Shelter>(s: S, now: Date) {
  return { ...s, period: periodAt(now), capacity: capacityAt(s, now), available: availableAt(s, now) };
}

export type ShelterView = ReturnType<typeof view<Shelter>>;

/** Totals over shelters now: how many, how many open, capacity, people in, places left in the open ones. */
export function totals(shelters: readonly Shelter[], now: Date) {
  let open = 0;
  let capacity = 0;
  let occupancy = 0;
  let available = 0;
  for (const s of shelters) {
    capacity += capacityAt(s, now);
    occupancy += s.occupancy;
    if (s.state === 'open') {
      open++;
      available += Math.max(0, availableAt(s, now));
    }
  }
  return { shelters: shelters.length, open, capacity, occupancy, available };
}
