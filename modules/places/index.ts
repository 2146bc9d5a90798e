export { ACCESS } from './access.js';
export { default as placeRoutes } from './http/routes.js';
export { placesModule } from './module.js';
export {
  checkPath,
  isCityLevel,
  isPlacePath,
  isWithin,
  PLACE_LEVELS,
  type PlaceLevel,
  type PlacePath,
  pathPrefixes,
} from './rules/paths.js';
export {
  ancestors,
  hasPlaces,
  insertPlace,
  insertPlaces,
  type NewPlace,
  type Place,
  placeByPath,
  under,
  unknownPlaces,
} from './store/places.js';
