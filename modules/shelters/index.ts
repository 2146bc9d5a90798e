export { ACCESS } from './access.js';
export { SHELTERS_ERRORS } from './errors.js';
export { SHELTERS_INDICATORS } from './indicators.js';
export { sheltersModule } from './module.js';
export {
  availableAt,
  type CheckInRefusal,
  CITY_OFFSET_SECONDS,
  capacityAt,
  checkInRefusal,
  hasRoom,
  periodAt,
  periodEndsAt,
} from './rules/capacity.js';
export { type ShelterStatus, sheltersEdxl, sheltersGeoJson } from './rules/exports.js';
export { distanceM, nearestWithRoom, type Ranked, rankWithRoom } from './rules/nearest.js';
export {
  admitShelterRow,
  REJECT_REASONS,
  SHELTER_COLUMNS,
  type ShelterInput,
  typeWord,
} from './rules/registry.js';
export {
  type Candidate,
  type LonLat,
  MAX_PARTY,
  OFFERS,
  type Offer,
  PERIODS,
  type Period,
  SHELTER_STATES,
  SHELTER_TYPES,
  type ShelterState,
  type ShelterType,
} from './rules/types.js';
export { type Arrival, type CheckInResult, checkInShelter, checkOutShelter } from './service/checkins.js';
export { importShelters, type ShelterImportSummary } from './service/import.js';
export {
  type EvacueeHit,
  type From,
  findEvacuees,
  findShelterWithRoom,
  type Origin,
  type RoomAnswer,
} from './service/nearest.js';
export {
  createShelter,
  openShelters,
  type ShelterActor,
  setShelterState,
  updateShelter,
} from './service/shelters.js';
export { type CheckIn, type Occupant, occupantsOf } from './store/checkins.js';
export { listShelters, type Shelter, shelterById, sheltersUnder } from './store/shelters.js';
