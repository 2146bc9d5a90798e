export { CompanionCellsLayer } from './cells.js';
export { Overview } from './Overview.js';
