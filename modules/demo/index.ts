export { seedDemo } from './service/seed.js';
