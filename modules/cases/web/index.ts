export { Timeline } from './Timeline.js';
