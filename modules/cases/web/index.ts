/** What other modules' screens may use of the cases screens. */
export { Timeline } from './Timeline.js';
