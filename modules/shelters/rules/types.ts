/**
 * Shelters' vocabulary (shared/contracts/preparedness.md, "Shelters"). No imports: the schemas and
 * the rules read their enums from here.
 */

export const SHELTER_TYPES = ['indoor', 'outdoor'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/** What a shelter may offer, in the order they are stored and shown. */
export const OFFERS = ['accessible', 'beds', 'medical', 'pets'] as const;
export type Offer = (typeof OFFERS)[number];

export const SHELTER_STATES = ['closed', 'open'] as const;
export type ShelterState = (typeof SHELTER_STATES)[number];

/** Which capacity holds: night from 20:00 to 08:00 city time, day otherwise. */
export const PERIODS = ['day', 'night'] as const;
export type Period = (typeof PERIODS)[number];

/** The most people one check-in may bring (a household, or a group under one name). */
export const MAX_PARTY = 200;

/** What the capacity rules need of a shelter. */
export interface Capacity {
  capacityDay: number;
  capacityNight: number;
  /** People checked in and not yet out. */
  occupancy: number;
}

/** What the nearest-with-room rule needs of a shelter. */
export interface Candidate extends Capacity {
  id: string;
  lon: number;
  lat: number;
  state: ShelterState;
}

/** A point on the earth, degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}
