export { nameOf as demoName, seedDemo } from './service/seed.js';
