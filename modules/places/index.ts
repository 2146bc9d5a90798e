export { ACCESS } from './access.js';
export { default as placeRoutes } from './http/routes.js';
export { placesModule } from './module.js';
export {
  ancestors,
  hasPlaces,
  insertPlace,
  insertPlaces,
  isPlacePath,
  isWithin,
  type NewPlace,
  PLACE_LEVELS,
  type Place,
  type PlaceLevel,
  type PlacePath,
  pathPrefixes,
  placeByPath,
  under,
} from './store/places.js';
